// stable-schema/profile, the assertion: run a unit of repeated work more than once and list every
// schema site built again after the first run (findSchemaRebuilds), fail with them
// (expectNoSchemaRebuilds, SchemaRebuildError), or as a Vitest/Jest matcher (schemaMatchers).
import { type ModuleRecord, profileState } from "./profile-counters.js";
import { callerOf, displayPath } from "./profile-format.js";
import { type ProfiledSite, byCost, siteOf } from "./profile-report.js";
import { profileHooks } from "./registry.js";

export interface RebuildOptions {
  /**
   * How many times the callback runs (default 2, at least 2). The first run warms up: module loads,
   * lazy module-level schemas (`S ??= …`), memo misses (schemaFactory, useMemo's first render) may
   * build there. Any schema built during a later run is a rebuild.
   */
  runs?: number;
}

export interface Rebuild {
  readonly site: ProfiledSite;
  /** Builds in the first run. */
  readonly firstRun: number;
  /** Builds in the later runs together. */
  readonly laterRuns: number;
}

/** Thrown by expectNoSchemaRebuilds: the sites that were built again, heaviest first. */
export class SchemaRebuildError extends Error {
  constructor(
    readonly rebuilds: readonly Rebuild[],
    readonly runs: number,
  ) {
    super(describeRebuilds(rebuilds, runs));
    this.name = "SchemaRebuildError";
  }
}

function describeRebuilds(rebuilds: readonly Rebuild[], runs: number): string {
  const lines = rebuilds.map(({ site, firstRun, laterRuns }) => {
    const where = `${displayPath(site.file)}:${site.line}:${site.column}`;
    const inFn = site.function === "(module)" ? "at module level" : `in ${site.function}`;
    const from = callerOf(site.rebuiltFrom, site.file);
    return `  ${where}  ${site.library} ${site.api} ${inFn}: built ${firstRun} time(s) in run 1 and ${laterRuns} time(s) in runs 2–${runs}${from ? ` (rebuilt from ${from})` : ""}`;
  });
  return `${rebuilds.length} schema site(s) were built again when the callback ran again (${runs} runs):\n${lines.join("\n")}`;
}

function snapshot(): Map<ModuleRecord, Float64Array> {
  const copy = new Map<ModuleRecord, Float64Array>();
  for (const record of profileState.modules.values()) copy.set(record, record.counters.b.slice());
  return copy;
}

function buildsSince(before: Map<ModuleRecord, Float64Array>): Map<ModuleRecord, Float64Array> {
  const delta = new Map<ModuleRecord, Float64Array>();
  for (const record of profileState.modules.values()) {
    const base = before.get(record);
    const now = record.counters.b.slice();
    if (base) for (let i = 0; i < now.length; i++) now[i]! -= base[i]!;
    delta.set(record, now);
  }
  return delta;
}

/**
 * The schemas `work` builds when it runs again: runs it `runs` times and lists every site built during
 * run 2 or later (with its builds in run 1 and later). Counts are process-wide between the runs'
 * start and end, so keep other work quiet while it runs.
 */
export async function findSchemaRebuilds(work: () => unknown, options: RebuildOptions = {}): Promise<Rebuild[]> {
  const runs = options.runs ?? 2;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError("stable-schema: runs must be an integer >= 2");
  if (!profileHooks.enabled) {
    throw new Error(
      "stable-schema: schema builds are not being counted: load the instrumentation (node --import eslint-plugin-stable-schema/register, or the eslint-plugin-stable-schema/vite plugin)",
    );
  }
  const start = snapshot();
  await work();
  const first = buildsSince(start);
  const afterFirst = snapshot();
  for (let run = 2; run <= runs; run++) await work();
  const later = buildsSince(afterFirst);
  const rebuilds: Rebuild[] = [];
  for (const [record, counts] of later) {
    for (let i = 0; i < counts.length; i++) {
      if (counts[i]! > 0) rebuilds.push({ site: siteOf(record, i), firstRun: first.get(record)?.[i] ?? 0, laterRuns: counts[i]! });
    }
  }
  rebuilds.sort((a, b) => b.laterRuns - a.laterRuns || byCost(a.site, b.site));
  return rebuilds;
}

/**
 * Fails (throws SchemaRebuildError, listing the sites) when `work` builds a schema again when it runs
 * again. `work` is one unit of repeated work — a request, a render, a job — run `runs` times (default 2).
 */
export async function expectNoSchemaRebuilds(work: () => unknown, options: RebuildOptions = {}): Promise<void> {
  const rebuilds = await findSchemaRebuilds(work, options);
  if (rebuilds.length > 0) throw new SchemaRebuildError(rebuilds, options.runs ?? 2);
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/**
 * Matchers for Vitest's (or Jest's) `expect.extend`:
 * `await expect(() => handler(req)).not.toRebuildSchemas()` fails listing the sites built again.
 */
export const schemaMatchers = {
  async toRebuildSchemas(received: unknown, options: RebuildOptions = {}): Promise<MatcherResult> {
    if (typeof received !== "function") {
      return { pass: false, message: () => "toRebuildSchemas: expected a function (the unit of work to run repeatedly)" };
    }
    const runs = options.runs ?? 2;
    const rebuilds = await findSchemaRebuilds(received as () => unknown, options);
    return {
      pass: rebuilds.length > 0,
      message: () => (rebuilds.length > 0 ? describeRebuilds(rebuilds, runs) : `no schema was built again in runs 2–${runs}`),
    };
  },
};
