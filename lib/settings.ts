// Shared settings: `settings["stable-schema"]` in the ESLint config, the same shape for the codemod.
export interface StableSchemaSettings {
  /** Module specifier → library it re-exports, e.g. `{ "@/lib/zod": "zod" }`. */
  modules?: Readonly<Record<string, string>>;
  /** Where `withKey` comes from (default `{ module: "stable-schema", name: "withKey" }`). */
  withKey?: { module?: string; name?: string };
}

export const SETTINGS_KEY = "stable-schema";

export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): StableSchemaSettings {
  const raw = settings?.[SETTINGS_KEY];
  if (raw === null || typeof raw !== "object") return {};
  return raw as StableSchemaSettings;
}

export function withKeySource(settings: StableSchemaSettings): { module: string; name: string } {
  return { module: settings.withKey?.module ?? "stable-schema", name: settings.withKey?.name ?? "withKey" };
}
