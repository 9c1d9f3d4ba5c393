// `eslint-plugin-stable-schema/vitest`: the reporter that prints the top churning schema sites after
// a run (and writes the merged profile to STABLE_SCHEMA_PROFILE), and the matcher's types.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type SchemaProfile, formatProfile, mergeProfiles, type RebuildOptions } from "stable-schema/profile";
import type { Reporter, Vitest } from "vitest/node";

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's own declaration
  interface Matchers<T = any> {
    /** `await expect(() => handler(req)).not.toRebuildSchemas()`: runs the callback twice (or `runs` times). */
    toRebuildSchemas(options?: RebuildOptions): Promise<T>;
  }
}

export interface SchemaProfileReporterOptions {
  /** Rows of the table (default 10). */
  top?: number;
  /** Also write the merged profile as JSON (default: the STABLE_SCHEMA_PROFILE variable). */
  outputFile?: string;
}

/** Prints the sites that were built more than once, heaviest first, after every run. */
export class SchemaProfileReporter implements Reporter {
  private vitest: Vitest | undefined;

  constructor(private readonly options: SchemaProfileReporterOptions = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunStart(): void {
    const dir = process.env.STABLE_SCHEMA_PROFILE_DIR;
    if (!dir) return;
    for (const entry of safeList(dir)) rmSync(path.join(dir, entry), { force: true });
  }

  onTestRunEnd(): void {
    const log = (text: string) => (this.vitest ? this.vitest.logger.log(text) : console.log(text));
    const dir = process.env.STABLE_SCHEMA_PROFILE_DIR;
    if (!dir) {
      log("stable-schema: no profile (add the eslint-plugin-stable-schema/vite plugin to the Vitest config)");
      return;
    }
    const profiles = safeList(dir).map((entry) => JSON.parse(readFileSync(path.join(dir, entry), "utf8")) as SchemaProfile);
    const merged = mergeProfiles(profiles);
    const outputFile = this.options.outputFile ?? process.env.STABLE_SCHEMA_PROFILE;
    if (outputFile) writeFileSync(outputFile, `${JSON.stringify(merged, null, 2)}\n`);
    const churning = merged.sites.filter((site) => site.builds > 1);
    log(formatProfile({ ...merged, sites: churning, caches: merged.caches.filter((cache) => cache.misses > 0) }, { top: this.options.top ?? 10 }).replace(
      /^stable-schema profile: /,
      `stable-schema profile (${churning.length} sites built more than once): `,
    ));
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((entry) => entry.endsWith(".json"));
  } catch {
    return [];
  }
}

export default SchemaProfileReporter;
