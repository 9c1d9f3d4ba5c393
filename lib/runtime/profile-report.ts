// stable-schema/profile, the report: the profile so far as data (every site built, with its builds,
// calls of its function and estimated time; the caches and withKey's intern table), and one profile
// merged from several (test workers, processes).
import { type ModuleRecord, SAMPLE_SIZE, profileState } from "./profile-counters.js";
import { profileHooks } from "./registry.js";

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


/** The report's row for site `i` of a registered module. */
export function siteOf(record: ModuleRecord, i: number): ProfiledSite {
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
  for (const record of profileState.modules.values()) {
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
    totals: totalsOf(sites, profileState.modules.size, profileState.untrackedModules),
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
