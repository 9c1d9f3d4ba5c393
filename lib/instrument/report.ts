// Where a Node process's profile goes: a table on stderr at exit, the same plus a JSON file on a
// signal, and the JSON file at exit when STABLE_SCHEMA_PROFILE names one.
import { writeFileSync } from "node:fs";

/** The part of stable-schema/profile used here (its types are the runtime package's own). */
interface ProfileModule {
  enableProfile(): void;
  schemaProfile(): unknown;
  formatProfile(profile: never): string;
}

/** Turns profiling on and installs the exit / signal reporting (once per process). */
export async function installReporting(runtimeUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const profile = (await import(runtimeUrl)) as ProfileModule;
  profile.enableProfile();
  const marker = Symbol.for("stable-schema.profile.reporting");
  const holder = globalThis as Record<symbol, unknown>;
  if (holder[marker]) return;
  holder[marker] = true;
  const file = env.STABLE_SCHEMA_PROFILE;
  const quiet = env.STABLE_SCHEMA_PROFILE_QUIET === "1";
  const signal = env.STABLE_SCHEMA_PROFILE_SIGNAL ?? "SIGUSR2";
  const write = (): void => {
    if (file) writeFileSync(file, `${JSON.stringify(profile.schemaProfile(), null, 2)}\n`);
  };
  process.on("exit", () => {
    write();
    if (!quiet) process.stderr.write(`${profile.formatProfile(profile.schemaProfile() as never)}\n`);
  });
  if (signal !== "none") {
    process.on(signal as NodeJS.Signals, () => {
      write();
      process.stderr.write(`${profile.formatProfile(profile.schemaProfile() as never)}\n`);
    });
  }
}
