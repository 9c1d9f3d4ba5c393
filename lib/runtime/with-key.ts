// withKey: intern closures by (id, captured values) so identity-keyed caches hit.
import { LRUCache } from "lru-cache";
import { identityToken } from "./identity.js";
import { keyedFunctions, profileHooks } from "./registry.js";
import { encodeAtom } from "./schema-key.js";

/** A key: an id alone, or an id followed by every value the closure captures. */
export type WithKeyKey = string | readonly [id: string, ...captured: unknown[]];

export interface WithKeyOptions {
  /** Bound of the intern table (least recently used entries are evicted). Default 10_000. */
  max?: number;
  /** Emit the collision warning (once per id). Default true. */
  warn?: boolean;
}

export interface InternStats {
  hits: number;
  misses: number;
  evictions: number;
  collisions: number;
  size: number;
  max: number;
}

export const DEFAULT_INTERN_MAX = 10_000;
/** At most this many ids are remembered as "already warned"; later ids are counted, not warned. */
const MAX_WARNED_IDS = 1_000;
const SOURCE_PREVIEW = 500;

interface Entry {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- interned functions of any signature
  readonly fn: Function;
  /** Function.prototype.toString of fn, or null when it is not comparable (native or bound). */
  readonly source: string | null;
}

let max = DEFAULT_INTERN_MAX;
let warn = true;
let hits = 0;
let misses = 0;
let evictions = 0;
let collisions = 0;
const warnedIds = new Set<string>();

function createTable(size: number): LRUCache<string, Entry> {
  return new LRUCache<string, Entry>({
    max: size,
    dispose: (_value, _key, reason) => {
      if (reason === "evict") evictions++;
    },
  });
}

let table = createTable(max);

/**
 * Source text → code token. Tokens come from a counter that only grows, so two different source
 * texts never share a token; a token evicted and re-created only costs a miss.
 */
let codeTokens = new LRUCache<string, number>({ max });
let nextCodeToken = 0;

function codeToken(source: string): number {
  let token = codeTokens.get(source);
  if (token === undefined) {
    token = ++nextCodeToken;
    codeTokens.set(source, token);
  }
  return token;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any function
function sourceOf(fn: Function): string | null {
  const source = Function.prototype.toString.call(fn);
  // Native and bound functions all print as "function … { [native code] }": the text says nothing
  // about what they do, so they are never shared by text.
  return source.includes("[native code]") ? null : source;
}

/** Serialize a key: ["<id>",<captured>...], captured values encoded by identity (see encodeAtom). */
export function serializeKey(key: WithKeyKey): string {
  if (typeof key === "string") return "[" + JSON.stringify(key) + "]";
  if (!Array.isArray(key) || typeof key[0] !== "string") {
    throw new TypeError("stable-schema: withKey key must be a string or [id: string, ...captured]");
  }
  let out = "[" + JSON.stringify(key[0]);
  for (let i = 1; i < key.length; i++) out += "," + encodeAtom(key[i]);
  return out + "]";
}

function preview(source: string | null): string {
  if (source === null) return "(native or bound function: source not comparable)";
  return source.length > SOURCE_PREVIEW ? source.slice(0, SOURCE_PREVIEW) + " …" : source;
}

function reportCollision(id: string, stored: string | null, incoming: string | null): void {
  if (!warn || warnedIds.has(id) || warnedIds.size >= MAX_WARNED_IDS) return;
  warnedIds.add(id);
  const message =
    `withKey: key id ${JSON.stringify(id)} was given functions with different code for the same ` +
    `captured values; the new function is returned unshared (a miss is cheap, a collision is a ` +
    `bug). Give each piece of code its own id.\n  stored: ${preview(stored)}\n  new:    ${preview(incoming)}`;
  const proc = (globalThis as { process?: { emitWarning?: (m: string, o: object) => void } }).process;
  if (typeof proc?.emitWarning === "function") {
    proc.emitWarning(message, { type: "StableSchemaWarning", code: "STABLE_SCHEMA_KEY_COLLISION" });
  } else {
    console.warn(message);
  }
}

/**
 * Intern `fn` under `key`: the first function seen for a key is stored, and a later call with an
 * equal key and the same source text returns the stored function object. Captured values compare
 * by Object.is for primitives (NaN = NaN, -0 ≠ 0, 0 ≠ "0"), by identity for objects and functions,
 * and by key for functions that carry a withKey key. A different source text under an equal key
 * is a collision: the new function is returned unshared and a warning is emitted once per id.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `any[]` parameters keep contextual typing of any function (parameters are contravariant)
export function withKey<F extends (...args: any[]) => unknown>(fn: F, key: WithKeyKey): F {
  if (typeof fn !== "function") throw new TypeError("stable-schema: withKey expects a function");
  const serialized = serializeKey(key);
  const entry = table.get(serialized);
  if (entry !== undefined) {
    if (entry.fn === fn) {
      hits++;
      return fn;
    }
    const source = sourceOf(fn);
    if (source !== null && source === entry.source) {
      hits++;
      return entry.fn as F;
    }
    collisions++;
    reportCollision(typeof key === "string" ? key : key[0], entry.source, source);
    return fn;
  }
  misses++;
  const source = sourceOf(fn);
  table.set(serialized, { fn, source });
  if (!keyedFunctions.has(fn)) {
    // Native/bound functions keep their key (keyOf) but are encoded by identity elsewhere.
    const encoded =
      source === null ? "&" + identityToken(fn) : "F" + codeToken(source) + serialized;
    keyedFunctions.set(fn, { key: serialized, encoded });
  }
  return fn;
}

/** The serialized key of a function returned by withKey (stored under that key), else undefined. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any function
export function keyOf(fn: Function): string | undefined {
  return keyedFunctions.get(fn)?.key;
}

/** Reconfigure the intern table. Changing `max` keeps the most recently used entries. */
export function configureWithKey(options: WithKeyOptions): void {
  if (options.warn !== undefined) warn = options.warn;
  if (options.max !== undefined && options.max !== max) {
    if (!Number.isInteger(options.max) || options.max < 1) {
      throw new RangeError("stable-schema: configureWithKey max must be a positive integer");
    }
    max = options.max;
    const old = table;
    table = createTable(max);
    // rentries(): least recently used first, so the newest end up most recent (and survive).
    for (const [k, v] of old.rentries()) if (v !== undefined) table.set(k as string, v as Entry);
    codeTokens = new LRUCache<string, number>({ max });
  }
}

/** Counters of the intern table since the last resetIntern(). */
export function internStats(): InternStats {
  return { hits, misses, evictions, collisions, size: table.size, max };
}
// The profiler sums the intern statistics of every loaded copy (ESM and CommonJS).
profileHooks.internStats.add(internStats);

/**
 * Empty the intern table and zero its counters and the "already warned" ids (for tests). Functions
 * keep the key they were given (keyOf still answers), and code tokens are kept, so keys built
 * before and after a reset can never collide.
 */
export function resetIntern(): void {
  table = createTable(max);
  hits = 0;
  misses = 0;
  evictions = 0;
  collisions = 0;
  warnedIds.clear();
}
