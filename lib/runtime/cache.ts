// Bounded schema caches with hit/miss statistics.
import { LRUCache } from "lru-cache";
import { checkMax, checkTtl } from "./limits.js";
import { MAX_PROFILED_CACHES, profileHooks } from "./registry.js";
import { schemaKey } from "./schema-key.js";

export const DEFAULT_CACHE_MAX = 1_000;
export const DEFAULT_FACTORY_MAX = 100;

export interface SchemaCacheOptions<S = unknown> {
  /** Structural mode: bound of the LRU, an integer from 1 to 2**24 (default 1,000). Identity mode: ignored (a WeakMap is bounded by the schemas alive). */
  max?: number;
  /** Time to live of an entry in milliseconds: any finite number > 0, fractions rounded up (default: none). */
  ttl?: number;
  /**
   * "structural" (default): keyed by schemaKey, so equal plain-data schemas share an entry.
   * "identity": keyed by the schema object itself in a WeakMap; primitives fall back to schemaKey.
   */
  mode?: "structural" | "identity";
  /** Called on every miss, before compute; count misses here rather than by cache size. */
  onMiss?: (schema: S, key: string | undefined) => void;
}

export interface SchemaCacheStats {
  hits: number;
  misses: number;
  /** Structural: entries currently stored. Identity: live insertions (decremented when a schema is garbage collected) since the last clear(). */
  size: number;
  /** Structural: entries dropped by the LRU bound or the ttl. Identity: entries dropped by the ttl or because their schema was garbage collected. */
  evictions: number;
  /** hits / (hits + misses), 0 before the first lookup. */
  hitRate: number;
}

export interface SchemaCache<V, S = unknown> {
  /** The cached value for `schema`, computing and storing it on a miss. */
  get(schema: S, compute: (schema: S) => V): V;
  stats(): SchemaCacheStats;
  /** Drop every entry and zero the counters. */
  clear(): void;
}

interface Box<V> {
  readonly value: V;
  readonly time: number;
}

function now(): number {
  return performance.now();
}

/** A bounded cache from schemas to derived values (compiled validators, JSON Schemas, …). */
export function createSchemaCache<V, S = unknown>(options: SchemaCacheOptions<S> = {}): SchemaCache<V, S> {
  const cache = buildSchemaCache<V, S>(options);
  if (profileHooks.enabled) followCache(cache, `createSchemaCache at ${callerFrame()}`);
  return cache;
}

/** The first stack frame outside this module: where a cache was created (only while profiling). */
function callerFrame(): string {
  const lines = (new Error().stack ?? "").split("\n").slice(1);
  const own = lines[0]?.match(/\((.*):\d+:\d+\)$|at (.*):\d+:\d+$/);
  const ownFile = own?.[1] ?? own?.[2];
  const frame = lines.find((line) => ownFile === undefined || !line.includes(ownFile));
  return frame?.trim().replace(/^at /, "") ?? "an unknown place";
}

/** Let the profiler read this cache's statistics for as long as the cache is alive (bounded). */
function followCache(cache: { stats(): SchemaCacheStats }, label: string): void {
  const { caches } = profileHooks;
  if (caches.size >= MAX_PROFILED_CACHES) {
    for (const entry of caches) if (entry.ref.deref() === undefined) caches.delete(entry);
    if (caches.size >= MAX_PROFILED_CACHES) return;
  }
  caches.add({ ref: new WeakRef(cache), label });
}

function buildSchemaCache<V, S>(options: SchemaCacheOptions<S>): SchemaCache<V, S> {
  const { mode = "structural", onMiss } = options;
  const max = checkMax("createSchemaCache", options.max ?? DEFAULT_CACHE_MAX);
  const ttl = options.ttl === undefined ? undefined : checkTtl("createSchemaCache", options.ttl);
  let hits = 0;
  let misses = 0;
  let evictions = 0;

  const makeLru = (): LRUCache<string, Box<V>> =>
    new LRUCache<string, Box<V>>({
      max,
      ...(ttl === undefined ? {} : { ttl }),
      dispose: (_value, _key, reason) => {
        if (reason === "evict" || reason === "expire") evictions++;
      },
    });
  let lru = makeLru();

  const statsOf = (size: number): SchemaCacheStats => ({
    hits,
    misses,
    size,
    evictions,
    hitRate: hits + misses === 0 ? 0 : hits / (hits + misses),
  });

  const structuralGet = (schema: S, compute: (schema: S) => V): V => {
    const key = schemaKey(schema);
    const box = lru.get(key);
    if (box !== undefined) {
      hits++;
      return box.value;
    }
    misses++;
    onMiss?.(schema, key);
    const value = compute(schema);
    lru.set(key, { value, time: 0 });
    return value;
  };

  if (mode === "structural") {
    return {
      get: structuralGet,
      stats: () => statsOf(lru.size),
      clear() {
        lru = makeLru();
        hits = misses = evictions = 0;
      },
    };
  }
  if (mode !== "identity") throw new RangeError(`stable-schema: unknown cache mode ${String(mode)}`);

  // Identity mode. `generation` makes finalizers of entries from before a clear() harmless.
  let weak = new WeakMap<object, Box<V>>();
  let size = 0;
  let generation = 0;
  const finalizer = new FinalizationRegistry<number>((gen) => {
    if (gen === generation) {
      size--;
      evictions++;
    }
  });

  return {
    get(schema, compute) {
      if ((typeof schema !== "object" || schema === null) && typeof schema !== "function") {
        return structuralGet(schema, compute); // primitives have no identity: key by value
      }
      const target = schema as object;
      const box = weak.get(target);
      if (box !== undefined) {
        if (ttl === undefined || now() - box.time <= ttl) {
          hits++;
          return box.value;
        }
        weak.delete(target);
        finalizer.unregister(target);
        size--;
        evictions++;
      }
      misses++;
      onMiss?.(schema, undefined);
      const value = compute(schema);
      weak.set(target, { value, time: ttl === undefined ? 0 : now() });
      finalizer.register(target, generation, target);
      size++;
      return value;
    },
    stats: () => statsOf(size + lru.size),
    clear() {
      weak = new WeakMap();
      lru = makeLru();
      generation++;
      size = 0;
      hits = misses = evictions = 0;
    },
  };
}

export interface SchemaFactoryOptions {
  /** Bound of the memo (default 100 distinct argument lists). */
  max?: number;
}

export type SchemaFactory<A extends unknown[], S> = ((...args: A) => S) & {
  stats(): SchemaCacheStats;
  clear(): void;
};

/**
 * Memoise a schema that depends on local values: `build(...args)` runs once per distinct argument
 * list (compared with schemaKey: primitives by value, plain data structurally, class instances and
 * unkeyed functions by identity), bounded by an LRU.
 */
export function schemaFactory<A extends unknown[], S>(
  build: (...args: A) => S,
  options: SchemaFactoryOptions = {},
): SchemaFactory<A, S> {
  const cache = buildSchemaCache<S, A>({ max: checkMax("schemaFactory", options.max ?? DEFAULT_FACTORY_MAX) });
  if (profileHooks.enabled) followCache(cache, `schemaFactory(${build.name || "anonymous"}) at ${callerFrame()}`);
  const apply = (args: A): S => build(...args);
  const factory = (...args: A): S => cache.get(args, apply);
  return Object.assign(factory, { stats: cache.stats, clear: cache.clear });
}
