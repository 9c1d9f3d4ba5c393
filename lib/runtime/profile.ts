// stable-schema/profile: run-time counters for schema construction sites, the profile report and the
// test assertion built on them. Code instrumented by eslint-plugin-stable-schema (its Node loader hook
// or its Vite plugin) registers each module's sites here once and then, per build, bumps a counter
// slot. A subpath of its own so that production code importing `stable-schema` never loads it.
//
// Counting is exact. Time is sampled: the first SAMPLE_SIZE builds of each site are timed with
// performance.now() and the site's total is extrapolated from their mean (said in every report).
//
// This is the entry; the parts are profile-counters.ts (registration and counting), profile-report.ts
// (the profile as data, merging profiles), profile-format.ts (the profile as text) and
// profile-rebuilds.ts (the rebuild assertion and matchers).
export {
  type FunctionTuple,
  type ModuleCounters,
  type SiteTuple,
  MAX_PROFILED_SITES,
  SAMPLE_SIZE,
  enableProfile,
  isProfileEnabled,
  registerModule,
  resetProfile,
} from "./profile-counters.js";
export { type ProfiledCache, type ProfiledSite, type SchemaProfile, byCost, mergeProfiles, schemaProfile } from "./profile-report.js";
export { type FormatOptions, callerOf, displayPath, formatProfile } from "./profile-format.js";
export { type Rebuild, type RebuildOptions, SchemaRebuildError, expectNoSchemaRebuilds, findSchemaRebuilds, schemaMatchers } from "./profile-rebuilds.js";
export { MAX_PROFILED_CACHES } from "./registry.js";
