// stable-schema/profile, the counters: instrumented modules register their schema construction sites
// here once and then, per build, bump a counter slot. Counting is exact; time is sampled (the first
// SAMPLE_SIZE builds of each site are timed with performance.now()). The state is shared by every
// loaded copy of the runtime (registry.ts), so ESM and CommonJS code count in the same records.
import { profileHooks, sharedState } from "./registry.js";

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

/** What the profile keeps per registered module (read by the report and the rebuild assertion). */
export interface ModuleRecord {
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

/** The registered modules, shared by every loaded copy of the runtime. */
export const profileState = sharedState<ProfileState>("profile", () => ({ modules: new Map(), sites: 0, untrackedModules: 0 }));

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
  const existing = profileState.modules.get(key);
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
  if (profileState.sites + sites.length > MAX_PROFILED_SITES) profileState.untrackedModules++;
  else {
    profileState.modules.set(key, record);
    profileState.sites += sites.length;
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
  for (const record of profileState.modules.values()) {
    record.counters.b.fill(0);
    record.counters.n.fill(0);
    record.timed.fill(0);
    record.timedMs.fill(0);
    record.rebuiltFrom.length = 0;
  }
}
