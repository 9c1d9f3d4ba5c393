// The ESLint configuration, per file, the way ESLint itself resolves it (`ESLint#calculateConfigForFile`
// from the project's flat config): `settings["stable-schema"]`, whether `no-inline-predicate` is on
// for the file, and its options. The migration then changes exactly what the rule reports.
// ESLint is a peer dependency: the project's own copy is used (resolved from the working directory),
// else the one next to this package; when there is none, or no config file, today's defaults apply.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defaultEffectFunctions } from "../../lib/analysis/index.js";
import { defaultSiteOptions, type SiteOptions } from "../../lib/analysis/reported.js";
import { readSettings, withKeySource } from "../../lib/settings.js";
import { DEFAULT_WITH_KEY_IMPORT } from "./options.js";
import type { ProcessOptions } from "./process.js";

/** The rule whose reports the migration fixes (its id without the plugin prefix). */
export const MIGRATED_RULE = "no-inline-predicate";

/** Plugin names this package has been published under (meta.name of the plugin object). */
const PLUGIN_NAMES = new Set(["stable-schema", "eslint-plugin-stable-schema"]);

export interface FileConfig {
  /** Set when the config turns the rule off for the file (or ESLint ignores it): the file is skipped. */
  readonly off?: string;
  readonly options: ProcessOptions;
}

export interface ConfigSource {
  /** "eslint": resolved from an ESLint config file; "defaults": none was found or ESLint is missing. */
  readonly kind: "eslint" | "defaults";
  /** One line for the summary: which config was used, or why the defaults apply. */
  readonly note: string;
  configFor(file: string): Promise<FileConfig>;
}

export interface Overrides {
  /** `--modules`: replaces `settings["stable-schema"].modules`. */
  readonly modules?: Readonly<Record<string, string>>;
  /** `--with-key-import`: replaces `settings["stable-schema"].withKey`. */
  readonly withKeyImport?: { readonly module: string; readonly name: string };
  /** `--hoist-schemas` / `--lazy-schemas`: also apply the no-schema-in-function fixes. */
  readonly hoistSchemas?: "eager" | "lazy";
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The shape of `ESLint#calculateConfigForFile`'s answer that is read here. */
interface CalculatedConfig {
  readonly settings?: Record<string, unknown>;
  readonly rules?: Record<string, unknown>;
  readonly plugins?: Record<string, { readonly meta?: { readonly name?: string }; readonly rules?: Record<string, unknown> }>;
}

interface ESLintInstance {
  calculateConfigForFile(file: string): Promise<CalculatedConfig | undefined>;
  isPathIgnored(file: string): Promise<boolean>;
}

interface ESLintClass {
  new (options: { cwd: string }): ESLintInstance;
  readonly version: string;
}

function defaultsFor(overrides: Overrides): ProcessOptions {
  return {
    withKeyImport: overrides.withKeyImport ? { ...overrides.withKeyImport } : { ...DEFAULT_WITH_KEY_IMPORT },
    ...(overrides.modules ? { modules: overrides.modules } : {}),
    ...(overrides.hoistSchemas ? { hoistSchemas: overrides.hoistSchemas } : {}),
    sites: defaultSiteOptions,
  };
}

export function defaultConfig(overrides: Overrides, note: string): ConfigSource {
  const options = defaultsFor(overrides);
  return { kind: "defaults", note, configFor: () => Promise.resolve({ options }) };
}

/** The project's ESLint (from `cwd`), else the one this package can see; undefined when neither exists. */
async function importESLint(cwd: string): Promise<ESLintClass | undefined> {
  let resolved: string | undefined;
  for (const base of [path.join(cwd, "__stable_schema__.js"), import.meta.url]) {
    try {
      resolved = createRequire(base).resolve("eslint");
      break;
    } catch {
      // not installed there
    }
  }
  if (resolved === undefined) return undefined;
  const mod = (await import(pathToFileURL(resolved).href)) as { ESLint?: ESLintClass; default?: { ESLint?: ESLintClass } };
  return mod.ESLint ?? mod.default?.ESLint;
}

/** `[severity, options]`, `severity` or `"error"` → whether the rule is on, and its options object. */
function ruleEntry(value: unknown): { on: boolean; options: Record<string, unknown> } {
  const [severity, options] = Array.isArray(value) ? [value[0], value[1]] : [value, undefined];
  const on = severity === 1 || severity === 2 || severity === "warn" || severity === "error";
  return { on, options: options && typeof options === "object" ? (options as Record<string, unknown>) : {} };
}

/** The prefix the config registered this plugin under (`stable-schema/…` unless renamed). */
function pluginPrefix(config: CalculatedConfig): string {
  for (const [prefix, plugin] of Object.entries(config.plugins ?? {})) {
    if (PLUGIN_NAMES.has(plugin?.meta?.name ?? "") && plugin?.rules?.[MIGRATED_RULE] !== undefined) return prefix;
  }
  return "stable-schema";
}

function stringArray(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? (value as string[]) : undefined;
}

/** The rule's options as the analysis reads them, on top of the rule's defaults. */
export function siteOptionsFrom(options: Record<string, unknown>): SiteOptions {
  return {
    scope: options["scope"] === "all" ? "all" : "repeated",
    checkFactories: options["checkFactories"] === true,
    memoFunctions: stringArray(options["memoFunctions"]) ?? defaultSiteOptions.memoFunctions,
    effectFunctions: stringArray(options["effectFunctions"]) ?? defaultEffectFunctions,
  };
}

/**
 * Loads the ESLint configuration the project would lint with. Falls back to the defaults (saying why)
 * when ESLint is not installed, is older than 9, or finds no config file; throws ConfigError when a
 * config exists but cannot be loaded.
 */
export async function loadESLintConfig(cwd: string, overrides: Overrides): Promise<ConfigSource> {
  const ESLint = await importESLint(cwd).catch(() => undefined);
  if (!ESLint) return defaultConfig(overrides, "ESLint is not installed: using the default rule options");
  const major = Number.parseInt(ESLint.version, 10);
  if (!(major >= 9)) {
    return defaultConfig(overrides, `ESLint ${ESLint.version} has no flat config (9 or 10 is needed): using the default rule options`);
  }
  const eslint = new ESLint({ cwd });
  // One probe up front: no config file at all is the common "defaults" case, not an error per file.
  const probe = path.join(cwd, "__stable_schema_probe__.ts");
  try {
    await eslint.calculateConfigForFile(probe);
  } catch (error) {
    const e = error as { messageTemplate?: string; message?: string };
    if (isConfigMissing(e)) {
      return defaultConfig(overrides, "no ESLint config file found: using the default rule options");
    }
    throw new ConfigError(`cannot load the ESLint configuration: ${firstLine(e.message ?? String(error))}`);
  }
  const cache = new Map<string, FileConfig>();
  return {
    kind: "eslint",
    note: `rule options and settings from the ESLint ${ESLint.version} configuration`,
    async configFor(file) {
      let config: CalculatedConfig | undefined;
      try {
        config = await eslint.calculateConfigForFile(file);
      } catch (error) {
        const e = error as { messageTemplate?: string; message?: string };
        // ESLint 10 looks configs up from each file's directory: a file outside any config gets the defaults.
        if (isConfigMissing(e)) return { options: defaultsFor(overrides) };
        throw new ConfigError(`cannot load the ESLint configuration for ${file}: ${firstLine(e.message ?? String(error))}`);
      }
      if (!config) return { off: "ignored by the ESLint config", options: defaultsFor(overrides) };
      const settings = readSettings(config.settings);
      const ruleId = `${pluginPrefix(config)}/${MIGRATED_RULE}`;
      const { on, options } = ruleEntry(config.rules?.[ruleId]);
      const withKeyImport = overrides.withKeyImport ?? withKeySource(settings);
      const modules = overrides.modules ?? settings.modules;
      const processOptions: ProcessOptions = {
        withKeyImport: { ...withKeyImport },
        ...(modules ? { modules } : {}),
        ...(overrides.hoistSchemas ? { hoistSchemas: overrides.hoistSchemas } : {}),
        sites: siteOptionsFrom(options),
      };
      // Files in one config block share one options object (workers receive them once per shape).
      const key = JSON.stringify(processOptions);
      const shared = cache.get(key) ?? { options: processOptions };
      if (cache.size < 256) cache.set(key, shared);
      return on ? shared : { off: `${ruleId} is off for this file in the ESLint config`, options: shared.options };
    },
  };
}

/** ESLint 9.1+ and 10 tag a missing config file with a message template; 9.0 only says it in words. */
function isConfigMissing(error: { messageTemplate?: string; message?: string }): boolean {
  return error.messageTemplate === "config-file-missing" || /^Could not find config file\.?$/.test(error.message ?? "");
}

function firstLine(text: string): string {
  return text.split("\n")[0]!.trim();
}
