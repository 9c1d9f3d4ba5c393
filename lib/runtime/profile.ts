// stable-schema/profile: run-time counters for schema construction sites, the profile report and the
// test assertion built on them. Code instrumented by eslint-plugin-stable-schema (its Node loader hook
// or its Vite plugin) registers each module's sites here once and then, per build, bumps a counter
// slot. A subpath of its own so that production code importing `stable-schema` never loads it.
//
// Counting is exact. Time is sampled: the first SAMPLE_SIZE builds of each site are timed with
// performance.now() and the site's total is extrapolated from their mean (said in every report).
import { MAX_PROFILED_CACHES, profileHooks, sharedState } from "./registry.js";

/** Builds timed per site; the rest are counted only. */
export const SAMPLE_SIZE = 32;
/** Sites followed at most (all modules together); a module past the bound is counted as untracked. */
export const MAX_PROFILED_SITES = 100_000;

/**
 * A site as the transform describes it:
 * `[line, column, library label, call text, kind, enclosing function index (-1: module level), reported by the rules]`.
 */
export type SiteTuple = readonly [line: number, column: number, library: string, api: string, kind: "build" | "compile", fn: number, flagged: 0 | 1];
/** A function (or class field) enclosing sites: `[name, line, calls counted (0: a class field, counted per instance by nobody)]`. */
export type FunctionTuple = readonly [name: string, line: number, counted?: 0 | 1];

/** What an instrumented module holds: its counters and the two calls its sites make. */
export interface ModuleCounters {
  /** Builds per site. */
  readonly b: Float64Array;
  /** Calls per instrumented function. */
  readonly n: Float64Array;
  /** Start of a build of site `i`: counts it and returns the start time while the site is sampled (else -1). */
  s(i: number): number;
  /** End of a build of site `i` started at `t0`: passes the built value through. */
  t<T>(i: number, t0: number, value: T): T;
}

interface ModuleRecord {
  readonly file: string;
  readonly sites: readonly SiteTuple[];
  readonly functions: readonly FunctionTuple[];
  readonly counters: ModuleCounters;
  readonly timed: Float64Array;
  readonly timedMs: Float64Array;
  /** Where the second build of each site came from (a few stack frames), captured once. */
  readonly rebuiltFrom: (string | undefined)[];
}

interface ProfileState {
  readonly modules: Map<string, ModuleRecord>;
  sites: number;
  untrackedModules: number;
}

const state = sharedState<ProfileState>("profile", () => ({ modules: new Map(), sites: 0, untrackedModules: 0 }));

const now: () => number =
  typeof performance !== "undefined" && typeof performance.now === "function" ? () => performance.now() : () => Date.now();

function stackOf(): string | undefined {
  const stack = new Error().stack;
  if (stack === undefined) return undefined;
  return stack.split("\n").slice(3, 12).map((line) => line.trim()).join("\n");
}

function makeCounters(sites: number, functions: number, record: () => ModuleRecord): ModuleCounters {
  const b = new Float64Array(sites);
  const n = new Float64Array(functions);
  return {
    b,
    n,
    s(i) {
      const count = ++b[i]!;
      if (count === 2) record().rebuiltFrom[i] ??= stackOf();
      return count <= SAMPLE_SIZE ? now() : -1;
    },
    t(i, t0, value) {
      if (t0 >= 0) {
        const r = record();
        r.timed[i]!++;
        r.timedMs[i]! += now() - t0;
      }
      return value;
    },
  };
}

/**
 * Called once per instrumented module (by the code the transform writes). A module loaded again (a
 * test runner's fresh module registry, HMR) with the same sites keeps counting in the same record.
 */
export function registerModule(file: string, sites: readonly SiteTuple[], functions: readonly FunctionTuple[] = []): ModuleCounters {
  profileHooks.enabled = true;
  const key = `${file}\n${sites.map((site) => `${site[0]}:${site[1]}`).join(",")}`;
  const existing = state.modules.get(key);
  if (existing) return existing.counters;
  // The counters read the record only when a site is built, after it is initialised.
  const counters = makeCounters(sites.length, functions.length, () => record);
  const record: ModuleRecord = {
    file,
    sites,
    functions,
    counters,
    timed: new Float64Array(sites.length),
    timedMs: new Float64Array(sites.length),
    rebuiltFrom: [],
  };
  // Past the bound a module still counts (its code needs the counters) but is not reported.
  if (state.sites + sites.length > MAX_PROFILED_SITES) state.untrackedModules++;
  else {
    state.modules.set(key, record);
    state.sites += sites.length;
  }
  return counters;
}

/** Turn profiling on without instrumented code (caches created from now on are followed). */
export function enableProfile(): void {
  profileHooks.enabled = true;
}

/** True once instrumented code has been loaded (or enableProfile() was called). */
export function isProfileEnabled(): boolean {
  return profileHooks.enabled;
}

/** Zero every counter (sites, calls, samples); caches and the intern table keep their own statistics. */
export function resetProfile(): void {
  for (const record of state.modules.values()) {
    record.counters.b.fill(0);
    record.counters.n.fill(0);
    record.timed.fill(0);
    record.timedMs.fill(0);
    record.rebuiltFrom.length = 0;
  }
}

// --- the report ----------------------------------------------------------------------------------

export interface ProfiledSite {
  /** The module as it was loaded (a file: URL or a path). */
  readonly file: string;
  readonly line: number;
  /** 1-based column in the source the transform saw. */
  readonly column: number;
  /** `zod`, `valibot`, … */
  readonly library: string;
  /** The call that builds it: `z.object()`, `ajv.compile()`. */
  readonly api: string;
  readonly kind: "build" | "compile";
  /** The innermost enclosing function (`(module)` at module level). */
  readonly function: string;
  /** Calls of that function (null at module level, or where calls are not counted: class fields). */
  readonly calls: number | null;
  readonly builds: number;
  /** builds / calls of the enclosing function; null when calls are not counted. */
  readonly buildsPerCall: number | null;
  /** Builds that were timed (at most SAMPLE_SIZE) and their total time. */
  readonly timedBuilds: number;
  readonly timedMs: number;
  /** timedMs / timedBuilds × builds: an estimate (the first builds of a site, timed, extrapolated). */
  readonly estimatedMs: number;
  /** Whether no-schema-in-function reports this site (statically: built where code runs repeatedly). */
  readonly reportedByRules: boolean;
  /** Where the second build came from (stack frames), when a site was built more than once. */
  readonly rebuiltFrom?: string;
}

export interface ProfiledCache {
  readonly label: string;
  readonly hits: number;
  readonly misses: number;
  readonly size: number;
  readonly evictions: number;
  readonly hitRate: number;
}

export interface SchemaProfile {
  /** Whether instrumented code was loaded at all: an empty profile with `enabled: false` measured nothing. */
  readonly enabled: boolean;
  readonly sampleSize: number;
  /** Sites that were built at least once (every registered site with `{ all: true }`), by estimated cost. */
  readonly sites: readonly ProfiledSite[];
  readonly totals: { readonly modules: number; readonly sites: number; readonly builds: number; readonly estimatedMs: number; /** Modules past MAX_PROFILED_SITES: counted, not reported. */ readonly untrackedModules: number };
  /** createSchemaCache / schemaFactory caches created while profiling was on. */
  readonly caches: readonly ProfiledCache[];
  /** withKey's intern table, summed over the loaded copies of the runtime. */
  readonly intern: { readonly hits: number; readonly misses: number; readonly evictions: number; readonly collisions: number; readonly size: number; readonly hitRate: number };
}

function rate(hits: number, misses: number): number {
  return hits + misses === 0 ? 0 : hits / (hits + misses);
}

function siteOf(record: ModuleRecord, i: number): ProfiledSite {
  const [line, column, library, api, kind, fn, flagged] = record.sites[i]!;
  const builds = record.counters.b[i]!;
  const calls = fn >= 0 && record.functions[fn]?.[2] !== 0 ? record.counters.n[fn]! : null;
  const timedBuilds = record.timed[i]!;
  const timedMs = record.timedMs[i]!;
  const from = record.rebuiltFrom[i];
  return {
    file: record.file,
    line,
    column,
    library,
    api,
    kind,
    function: fn >= 0 ? (record.functions[fn]?.[0] ?? "?") : "(module)",
    calls,
    builds,
    buildsPerCall: calls === null || calls === 0 ? null : builds / calls,
    timedBuilds,
    timedMs,
    estimatedMs: timedBuilds === 0 ? 0 : (timedMs / timedBuilds) * builds,
    reportedByRules: flagged === 1,
    ...(from === undefined ? {} : { rebuiltFrom: from }),
  };
}

/** Heaviest first: estimated time, then builds, then place. */
export function byCost(a: ProfiledSite, b: ProfiledSite): number {
  return b.estimatedMs - a.estimatedMs || b.builds - a.builds || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** The profile so far: every site built, the caches and the intern table. */
export function schemaProfile(options: { all?: boolean } = {}): SchemaProfile {
  const sites: ProfiledSite[] = [];
  for (const record of state.modules.values()) {
    for (let i = 0; i < record.sites.length; i++) {
      if (options.all || record.counters.b[i]! > 0) sites.push(siteOf(record, i));
    }
  }
  sites.sort(byCost);
  const caches: ProfiledCache[] = [];
  for (const entry of profileHooks.caches) {
    const cache = entry.ref.deref();
    if (!cache) {
      profileHooks.caches.delete(entry);
      continue;
    }
    const { hits, misses, size, evictions } = cache.stats();
    caches.push({ label: entry.label, hits, misses, size, evictions, hitRate: rate(hits, misses) });
  }
  const intern = { hits: 0, misses: 0, evictions: 0, collisions: 0, size: 0 };
  for (const stats of profileHooks.internStats) {
    const s = stats();
    intern.hits += s.hits;
    intern.misses += s.misses;
    intern.evictions += s.evictions;
    intern.collisions += s.collisions;
    intern.size += s.size;
  }
  return {
    enabled: profileHooks.enabled,
    sampleSize: SAMPLE_SIZE,
    sites,
    totals: totalsOf(sites, state.modules.size, state.untrackedModules),
    caches,
    intern: { ...intern, hitRate: rate(intern.hits, intern.misses) },
  };
}

function totalsOf(sites: readonly ProfiledSite[], modules: number, untrackedModules: number): SchemaProfile["totals"] {
  return {
    modules,
    untrackedModules,
    sites: sites.length,
    builds: sites.reduce((sum, site) => sum + site.builds, 0),
    estimatedMs: sites.reduce((sum, site) => sum + site.estimatedMs, 0),
  };
}

/**
 * One profile from several (test workers, processes): sites with the same file, line and column add
 * up (builds, calls, samples; the estimate is recomputed), caches with the same label too.
 */
export function mergeProfiles(profiles: readonly SchemaProfile[]): SchemaProfile {
  const sites = new Map<string, ProfiledSite>();
  const callsByFunction = new Map<string, number>();
  for (const profile of profiles) {
    const seenFunctions = new Set<string>();
    for (const site of profile.sites) {
      const key = `${site.file}:${site.line}:${site.column}`;
      const fnKey = `${site.file}#${site.function}`;
      if (site.calls !== null && !seenFunctions.has(fnKey)) {
        seenFunctions.add(fnKey);
        callsByFunction.set(fnKey, (callsByFunction.get(fnKey) ?? 0) + site.calls);
      }
      const previous = sites.get(key);
      if (!previous) {
        sites.set(key, site);
        continue;
      }
      const timedBuilds = previous.timedBuilds + site.timedBuilds;
      const timedMs = previous.timedMs + site.timedMs;
      const builds = previous.builds + site.builds;
      sites.set(key, {
        ...previous,
        builds,
        timedBuilds,
        timedMs,
        estimatedMs: timedBuilds === 0 ? 0 : (timedMs / timedBuilds) * builds,
        ...(previous.rebuiltFrom === undefined && site.rebuiltFrom !== undefined ? { rebuiltFrom: site.rebuiltFrom } : {}),
      });
    }
  }
  const merged = [...sites.values()].map((site): ProfiledSite => {
    if (site.calls === null) return site;
    const calls = callsByFunction.get(`${site.file}#${site.function}`) ?? site.calls;
    return { ...site, calls, buildsPerCall: calls === 0 ? null : site.builds / calls };
  });
  merged.sort(byCost);
  const caches = new Map<string, ProfiledCache>();
  for (const profile of profiles) {
    for (const cache of profile.caches) {
      const previous = caches.get(cache.label);
      if (!previous) caches.set(cache.label, cache);
      else {
        const hits = previous.hits + cache.hits;
        const misses = previous.misses + cache.misses;
        caches.set(cache.label, { label: cache.label, hits, misses, size: previous.size + cache.size, evictions: previous.evictions + cache.evictions, hitRate: rate(hits, misses) });
      }
    }
  }
  const intern = { hits: 0, misses: 0, evictions: 0, collisions: 0, size: 0 };
  for (const profile of profiles) {
    intern.hits += profile.intern.hits;
    intern.misses += profile.intern.misses;
    intern.evictions += profile.intern.evictions;
    intern.collisions += profile.intern.collisions;
    intern.size += profile.intern.size;
  }
  const modules = new Set(merged.map((site) => site.file)).size;
  return {
    enabled: profiles.some((profile) => profile.enabled),
    sampleSize: SAMPLE_SIZE,
    sites: merged,
    totals: totalsOf(merged, Math.max(modules, ...profiles.map((profile) => profile.totals.modules), 0), profiles.reduce((sum, profile) => sum + profile.totals.untrackedModules, 0)),
    caches: [...caches.values()],
    intern: { ...intern, hitRate: rate(intern.hits, intern.misses) },
  };
}

// --- formatting ----------------------------------------------------------------------------------

/** `src/handlers/users.ts` for `file:///app/src/handlers/users.ts` when the working directory is /app. */
export function displayPath(file: string, cwd: string | undefined = currentDirectory()): string {
  let path = file.startsWith("file://") ? decodeURIComponent(file.slice("file://".length)) : file;
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1); // file:///C:/… on Windows
  path = path.replace(/\?.*$/, "");
  if (cwd) {
    const prefix = cwd.replace(/\\/g, "/").replace(/\/?$/, "/");
    if (path.replace(/\\/g, "/").startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}

function currentDirectory(): string | undefined {
  const process = (globalThis as { process?: { cwd?: () => string } }).process;
  try {
    return process?.cwd?.();
  } catch {
    return undefined;
  }
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(3);
}

function table(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd())
    .join("\n");
}

/** The first frame of a stack that is not in `file` and not the runtime: who caused a rebuild. */
export function callerOf(stack: string | undefined, file: string): string | undefined {
  if (stack === undefined) return undefined;
  const path = displayPath(file, "");
  for (const line of stack.split("\n")) {
    const frame = line.replace(/^at /, "");
    if (frame.includes(path) || frame.includes(file) || /stable-schema[\\/](?:dist|lib)|lib[\\/]runtime[\\/]dist|node:internal|node_modules/.test(frame)) continue;
    const location = frame.match(/\(([^()]+:\d+):\d+\)$/)?.[1] ?? frame.match(/^([^ ]+:\d+):\d+$/)?.[1];
    if (location) return displayPath(location);
  }
  return undefined;
}

export interface FormatOptions {
  /** Rows of the site table (default 20; the rest are summed in one line). */
  top?: number;
  /** Paths are shown relative to this directory (default: the working directory). */
  cwd?: string;
}

/** The profile as text: sites by estimated cost, then cache and withKey hit rates. */
export function formatProfile(profile: SchemaProfile, options: FormatOptions = {}): string {
  const top = options.top ?? 20;
  const cwd = options.cwd ?? currentDirectory();
  const out: string[] = [];
  if (!profile.enabled) {
    out.push("stable-schema profile: no instrumented code was loaded (node --import eslint-plugin-stable-schema/register, or the Vite plugin).");
    return out.join("\n");
  }
  const { totals } = profile;
  out.push(
    `stable-schema profile: ${totals.builds} schema builds at ${totals.sites} sites in ${totals.modules} instrumented modules, ` +
      `~${ms(totals.estimatedMs)} ms building (the first ${profile.sampleSize} builds of each site timed, the rest extrapolated)`,
  );
  if (profile.sites.length > 0) {
    const rows: string[][] = [["site", "call", "in", "builds", "calls", "per call", "~ms", "rules", "rebuilt from"]];
    for (const site of profile.sites.slice(0, top)) {
      rows.push([
        `${displayPath(site.file, cwd)}:${site.line}`,
        `${site.library} ${site.api}`,
        site.function,
        String(site.builds),
        site.calls === null ? "-" : String(site.calls),
        site.buildsPerCall === null ? "-" : site.buildsPerCall.toFixed(site.buildsPerCall % 1 === 0 ? 0 : 2),
        ms(site.estimatedMs),
        site.reportedByRules ? "reported" : site.builds > 1 ? "not seen" : "",
        site.builds > 1 ? (callerOf(site.rebuiltFrom, site.file) ?? "") : "",
      ]);
    }
    out.push(table(rows, new Set([3, 4, 5, 6])));
    const rest = profile.sites.slice(top);
    if (rest.length > 0) {
      out.push(`… ${rest.length} more sites: ${rest.reduce((sum, site) => sum + site.builds, 0)} builds, ~${ms(rest.reduce((sum, site) => sum + site.estimatedMs, 0))} ms`);
    }
  }
  if (profile.caches.length > 0) {
    const rows: string[][] = [["cache", "hits", "misses", "hit rate", "size", "evictions"]];
    for (const cache of [...profile.caches].sort((a, b) => b.misses - a.misses).slice(0, top)) {
      rows.push([cache.label, String(cache.hits), String(cache.misses), `${(cache.hitRate * 100).toFixed(1)}%`, String(cache.size), String(cache.evictions)]);
    }
    out.push(table(rows, new Set([1, 2, 3, 4, 5])));
  }
  const { intern } = profile;
  if (intern.hits + intern.misses > 0) {
    out.push(
      `withKey: ${intern.hits} hits, ${intern.misses} misses (${(intern.hitRate * 100).toFixed(1)}% hit rate), ${intern.size} interned, ${intern.evictions} evicted, ${intern.collisions} collisions`,
    );
  }
  return out.join("\n");
}

// --- the assertion -------------------------------------------------------------------------------

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
  for (const record of state.modules.values()) copy.set(record, record.counters.b.slice());
  return copy;
}

function buildsSince(before: Map<ModuleRecord, Float64Array>): Map<ModuleRecord, Float64Array> {
  const delta = new Map<ModuleRecord, Float64Array>();
  for (const record of state.modules.values()) {
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

export { MAX_PROFILED_CACHES };
