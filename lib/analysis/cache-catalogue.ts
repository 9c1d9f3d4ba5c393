// The cache catalogue for `no-unbounded-cache`: which constructors make a collection that only a
// `delete` shrinks, which methods grow, prune or read it, which library caches are bounded, and which
// memoizers keep an entry per distinct argument unless an option bounds them. Data only — the
// analysis (unbounded-cache/) reads it and never tests a library or method name itself.

export type CollectionKind = "Map" | "Set" | "object" | "array";

export interface GrowMethod {
  /** Argument that becomes the key or item; absent when every call adds an element (arrays do not deduplicate). */
  readonly key?: number;
}

export interface CollectionMethods {
  /** Methods that add an entry. */
  readonly grow: Readonly<Record<string, GrowMethod>>;
  /** Methods that remove entries. */
  readonly prune: readonly string[];
  /** Members a WeakMap/WeakSet also has: a collection that uses only these (and grow/prune) can become weak. */
  readonly weakCompatible?: readonly string[];
  /** The weak counterpart of the constructor, when there is one. */
  readonly weak?: "WeakMap" | "WeakSet";
}

/** Long-lived collections are created by these global constructors (resolved by scope: a local or imported `Map` is not one). */
export const collectionConstructors: Readonly<Record<string, CollectionKind>> = {
  Map: "Map",
  Set: "Set",
};

export const collectionMethods: Readonly<Record<CollectionKind, CollectionMethods>> = {
  Map: { grow: { set: { key: 0 } }, prune: ["delete", "clear"], weakCompatible: ["get", "has", "set", "delete"], weak: "WeakMap" },
  Set: { grow: { add: { key: 0 } }, prune: ["delete", "clear"], weakCompatible: ["has", "add", "delete"], weak: "WeakSet" },
  array: { grow: { push: {}, unshift: {} }, prune: ["splice", "shift", "pop"] },
  // Objects grow through `obj[key] = …` and shrink through `delete obj[key]` (syntax, not methods).
  object: { grow: {}, prune: [] },
};

/** Array members whose assignment shrinks the array (`queue.length = 0`). */
export const pruningAssignments: Readonly<Partial<Record<CollectionKind, readonly string[]>>> = { array: ["length"] };

/** Members that tell the collection's size, for size caps (`if (cache.size >= MAX) return`). */
export const sizeMembers: Readonly<Record<CollectionKind, readonly string[]>> = {
  Map: ["size"],
  Set: ["size"],
  array: ["length"],
  object: [],
};

/** What a global function does to a collection passed in argument `target` ("*": any argument). */
export interface GlobalFunctionEffect {
  /** `Object.keys` is `["Object", "keys"]`; `structuredClone` is `["structuredClone"]`. */
  readonly path: readonly string[];
  readonly target: number | "*";
  readonly effect: "read" | "grow" | "prune";
  /** For `grow`: the argument that becomes the key (`Reflect.set(obj, key, value)`). */
  readonly key?: number;
  /** For `grow`: the keys are those of the object literals in the other arguments (`Object.assign(obj, { a })`). */
  readonly keysFromSources?: boolean;
}

export const globalFunctionEffects: readonly GlobalFunctionEffect[] = [
  ...["keys", "values", "entries", "getOwnPropertyNames", "getOwnPropertySymbols", "isFrozen", "isSealed", "hasOwn", "freeze", "seal"].map(
    (name): GlobalFunctionEffect => ({ path: ["Object", name], target: "*", effect: "read" }),
  ),
  { path: ["Object", "assign"], target: 0, effect: "grow", keysFromSources: true },
  { path: ["Object", "assign"], target: "*", effect: "read" },
  { path: ["Object", "defineProperty"], target: 0, effect: "grow", key: 1 },
  { path: ["Reflect", "set"], target: 0, effect: "grow", key: 1 },
  { path: ["Reflect", "deleteProperty"], target: 0, effect: "prune" },
  ...["get", "has", "ownKeys"].map((name): GlobalFunctionEffect => ({ path: ["Reflect", name], target: "*", effect: "read" })),
  { path: ["JSON", "stringify"], target: "*", effect: "read" },
  ...["from", "isArray", "of"].map((name): GlobalFunctionEffect => ({ path: ["Array", name], target: "*", effect: "read" })),
  ...["all", "allSettled", "race", "any"].map((name): GlobalFunctionEffect => ({ path: ["Promise", name], target: "*", effect: "read" })),
  { path: ["structuredClone"], target: "*", effect: "read" },
  { path: ["console", "*"], target: "*", effect: "read" },
  { path: ["Math", "*"], target: "*", effect: "read" },
  { path: ["String"], target: "*", effect: "read" },
  { path: ["Boolean"], target: "*", effect: "read" },
];

/** Global constructors that copy a collection passed to them (`new Map(cache)`, `new Set(items)`). */
export const copyingConstructors: readonly string[] = ["Map", "Set", "WeakMap", "WeakSet", "Array", "URLSearchParams"];

/**
 * Synchronous iteration methods: their callback runs once per element, right away, like the body of a
 * `for…of` loop. In module initialisation code they fill a registry once; they do not make code repeat.
 */
export const synchronousIterationMethods: readonly string[] = [
  "forEach",
  "map",
  "flatMap",
  "filter",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
];

/** An export of a module: `default`, a named export, or `*` for the namespace (`import * as x`, `require(…)`). */
export interface ModuleExport {
  readonly module: string;
  /** Export names; for `default` and `*` the member path below reaches the value (`_.memoize`). */
  readonly exports: readonly string[];
  /** Members of the default export or namespace that are the value (`import _ from "lodash"; _.memoize`). */
  readonly members?: readonly string[];
}

/** Caches that evict on their own. A memoizer given one as its `cache` is bounded. */
export interface BoundedCacheEntry {
  readonly label: string;
  readonly sources: readonly ModuleExport[];
}

export const boundedCaches: readonly BoundedCacheEntry[] = [
  { label: "lru-cache", sources: [{ module: "lru-cache", exports: ["LRUCache", "default"] }] },
  { label: "quick-lru", sources: [{ module: "quick-lru", exports: ["default"] }] },
  {
    label: "mnemonist LRU types",
    sources: [
      { module: "mnemonist", exports: ["LRUCache", "LRUMap", "LRUCacheWithDelete", "LRUMapWithDelete"], members: ["LRUCache", "LRUMap", "LRUCacheWithDelete", "LRUMapWithDelete"] },
      ...["lru-cache", "lru-map", "lru-cache-with-delete", "lru-map-with-delete"].map((file) => ({ module: `mnemonist/${file}`, exports: ["default"] })),
    ],
  },
  { label: "tiny-lru", sources: [{ module: "tiny-lru", exports: ["lru", "LRU", "default"] }] },
  { label: "stable-schema", sources: [{ module: "stable-schema", exports: ["createSchemaCache", "schemaFactory"] }] },
];

/** The bounded cache the rule's suggestion puts in place of an unbounded `Map`. */
export const suggestedCache = { module: "lru-cache", name: "LRUCache", placeholderMax: 1000 } as const;

/**
 * How an option bounds a memoizer's cache: `finite` — a number other than `Infinity`; `any` — any value
 * (a `maxAge` expires entries); `bounded-cache` — a cache object that is not a fresh unbounded
 * collection (`new Map()`, `{}`).
 */
export type BoundingOption = { readonly name: string; readonly bounds: "finite" | "any" | "bounded-cache" };

export interface MemoizerEntry {
  readonly label: string;
  readonly sources: readonly ModuleExport[];
  /** Argument holding the memoized function. */
  readonly fnArg: number;
  /** Argument holding the options object. */
  readonly optionsArg?: number;
  /** Options that bound the cache ("bounded when" names). */
  readonly boundedBy: readonly BoundingOption[];
  /** The cache is bounded unless an option lifts the bound (micro-memoize keeps 1 entry by default). */
  readonly boundedByDefault?: boolean;
  /** Which arguments form the key: lodash keys by the first argument (or a resolver's result), the others by all. */
  readonly key: "first" | "all";
  /** Argument holding a key resolver whose parameters then form the key (lodash `memoize(fn, resolver)`). */
  readonly resolverArg?: number;
  /** Members of the memoized function that prune its cache (`fn.cache.clear()`, `fn.clear()`). */
  readonly pruneMembers: readonly string[];
  /** Functions that prune a memoized function passed to them (sindresorhus `memoizeClear(fn)`). */
  readonly pruneFunctions?: readonly ModuleExport[];
  /** A static property of the memoizer that replaces the cache class for every call (`_.memoize.Cache = LRU`). */
  readonly cacheClassProperty?: string;
  /** How to bound it, for the message. */
  readonly hint: string;
}

const lodashSources: readonly ModuleExport[] = [
  ...["lodash", "lodash-es"].map((module) => ({ module, exports: ["memoize", "default", "*"], members: ["memoize"] })),
  ...["lodash/memoize", "lodash/memoize.js", "lodash-es/memoize", "lodash-es/memoize.js", "lodash.memoize"].map((module) => ({
    module,
    exports: ["default", "*"],
  })),
];

export const memoizers: readonly MemoizerEntry[] = [
  {
    label: "lodash `memoize`",
    sources: lodashSources,
    fnArg: 0,
    boundedBy: [],
    key: "first",
    resolverArg: 1,
    pruneMembers: ["cache"],
    cacheClassProperty: "Cache",
    hint: "lodash's cache never evicts; clear `.cache` or use a bounded memoizer",
  },
  {
    label: "`memoize`",
    sources: [
      { module: "memoize", exports: ["default", "*"] },
      { module: "mem", exports: ["default", "*"] },
    ],
    fnArg: 0,
    optionsArg: 1,
    boundedBy: [
      { name: "maxAge", bounds: "any" },
      { name: "cache", bounds: "bounded-cache" },
    ],
    key: "first",
    pruneMembers: [],
    pruneFunctions: [
      { module: "memoize", exports: ["memoizeClear"] },
      { module: "mem", exports: ["memClear"] },
    ],
    hint: "pass `maxAge` or a bounded `cache` (e.g. `new QuickLRU({ maxSize })`)",
  },
  {
    label: "`memoizee`",
    sources: [{ module: "memoizee", exports: ["default", "*"] }],
    fnArg: 0,
    optionsArg: 1,
    boundedBy: [
      { name: "max", bounds: "finite" },
      { name: "maxAge", bounds: "any" },
    ],
    key: "all",
    pruneMembers: ["clear", "delete"],
    hint: "pass `max`",
  },
  {
    label: "`fast-memoize`",
    sources: [{ module: "fast-memoize", exports: ["default", "*"] }],
    fnArg: 0,
    optionsArg: 1,
    boundedBy: [{ name: "cache", bounds: "bounded-cache" }],
    key: "all",
    pruneMembers: [],
    hint: "pass a bounded `cache` (its default cache never evicts)",
  },
  {
    label: "`micro-memoize`",
    sources: [
      { module: "micro-memoize", exports: ["default", "*"] },
      { module: "micro-memoize/mjs", exports: ["default", "*"] },
    ],
    fnArg: 0,
    optionsArg: 1,
    boundedBy: [{ name: "maxSize", bounds: "finite" }],
    boundedByDefault: true,
    key: "all",
    pruneMembers: ["cache"],
    hint: "give `maxSize` a finite number",
  },
];

/**
 * Where programs print diagnostics. A collection that only remembers which diagnostics were already
 * printed (`if (!warned.has(message)) { console.warn(message); warned.add(message); }`) keeps one entry
 * per distinct warning the program itself can give, not per input: it is not a cache.
 */
export const diagnosticSinks: readonly (readonly string[])[] = [
  ["console", "*"],
  ["process", "emitWarning"],
];

/** Logger methods (`log.warn(…)`, `logger.debug(…)`): a call of one, on any receiver, prints a diagnostic too. */
export const loggerMethods: readonly string[] = ["trace", "debug", "info", "warn", "warning", "error", "fatal", "log"];

/** Functions that wrap a function so that calling it prints a deprecation warning once (`util.deprecate`). */
export const deprecationFactories: readonly ModuleExport[] = ["util", "node:util"].map((module) => ({
  module,
  exports: ["deprecate", "default", "*"],
  members: ["deprecate"],
}));
