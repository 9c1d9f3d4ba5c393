// withKey: intern closures by (id, captured values) so identity-keyed caches hit.
import { LRUCache } from "lru-cache";
import { identityToken } from "./identity.js";
import { checkBytes, checkMax } from "./limits.js";
import { keyedFunctions, profileHooks, sharedState } from "./registry.js";
import { encodeAtom } from "./schema-key.js";

/** A key: an id alone, or an id followed by every value the closure captures. */
export type WithKeyKey = string | readonly [id: string, ...captured: unknown[]];

export interface WithKeyOptions {
  /** Entry bound of the intern table (least recently used entries are evicted). Default 10_000. */
  max?: number;
  /** Byte bound of the intern table: keys and function sources, UTF-16. Default 16 MiB. */
  maxBytes?: number;
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
  /** Bytes accounted to the table (see WithKeyOptions.maxBytes). */
  bytes: number;
  maxBytes: number;
}

export const DEFAULT_INTERN_MAX = 10_000;
export const DEFAULT_INTERN_MAX_BYTES = 16 * 1024 * 1024;
/** At most this many ids are remembered as "already warned"; later ids are counted, not warned. */
const MAX_WARNED_IDS = 1_000;
const SOURCE_PREVIEW = 500;
/** Bytes accounted per entry besides its key and source (slot, references, LRU bookkeeping). */
const ENTRY_OVERHEAD = 128;

interface Entry {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- interned functions of any signature
  readonly fn: Function;
  /** Function.prototype.toString of fn, or null when it is not comparable (native or bound). */
  readonly source: string | null;
}

/**
 * A node of the weak trie: one level per captured object of a key, in key order. Its `next` map is a
 * WeakMap, so a node — and the entries below it — is reachable only while every object on its path
 * is alive (WeakMap values do not keep their keys alive, even when they reference them, as an
 * interned closure references what it captures).
 */
interface TrieNode {
  next?: WeakMap<WeakKey, TrieNode>;
  /** Entries whose captured objects are exactly the path to this node, by serialized key. */
  entries?: Map<string, Entry>;
}

/**
 * What the LRU holds per key. A key of primitives (and keyed functions) holds its entry; a key that
 * captures objects holds only weak references: its entry lives in the trie, under its objects.
 */
type Slot =
  | { readonly entry: Entry; readonly size: number }
  | { readonly ref: WeakRef<Entry>; readonly leaf: WeakRef<TrieNode>; readonly size: number };

let max = DEFAULT_INTERN_MAX;
let maxBytes = DEFAULT_INTERN_MAX_BYTES;
let warn = true;
let hits = 0;
let misses = 0;
let evictions = 0;
let collisions = 0;
const warnedIds = new Set<string>();

/** When the objects of a key are collected, its slot (key string and weak references) goes too. */
const collected = new FinalizationRegistry<{ table: LRUCache<string, Slot>; key: string }>(({ table: owner, key }) => {
  const slot = owner.peek(key);
  if (slot !== undefined && "ref" in slot && slot.ref.deref() === undefined) owner.delete(key);
});

function createTable(size: number, bytes: number): LRUCache<string, Slot> {
  return new LRUCache<string, Slot>({
    max: size,
    maxSize: bytes,
    sizeCalculation: (slot) => slot.size,
    dispose: (slot, key, reason) => {
      if (reason === "evict") evictions++;
      if ("ref" in slot) {
        const entry = slot.ref.deref();
        if (entry !== undefined) {
          collected.unregister(entry);
          const leaf = slot.leaf.deref();
          if (leaf?.entries?.get(key) === entry) leaf.entries.delete(key);
        }
      }
    },
  });
}

let table = createTable(max, maxBytes);
let trie = new WeakMap<WeakKey, TrieNode>();

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

/** Captured values held by identity (objects, unkeyed functions, unregistered symbols): the trie path. */
function identityParts(key: WithKeyKey): WeakKey[] {
  const parts: WeakKey[] = [];
  if (typeof key === "string") return parts;
  for (let i = 1; i < key.length; i++) {
    const value: unknown = key[i];
    if (typeof value === "function") {
      if (!keyedFunctions.has(value)) parts.push(value);
    } else if (typeof value === "object" && value !== null) {
      parts.push(value);
    } else if (typeof value === "symbol" && Symbol.keyFor(value) === undefined) {
      parts.push(value);
    }
  }
  return parts;
}

function lookup(serialized: string): Entry | undefined {
  const slot = table.get(serialized);
  if (slot === undefined) return undefined;
  return "entry" in slot ? slot.entry : slot.ref.deref();
}

function store(serialized: string, parts: readonly WeakKey[], entry: Entry): void {
  const size = ENTRY_OVERHEAD + 2 * (serialized.length + (entry.source?.length ?? 0));
  if (size > maxBytes) return; // larger than the whole table: not stored (a miss next time, never wrong)
  if (parts.length === 0) {
    table.set(serialized, { entry, size });
    return;
  }
  let next = trie;
  let node: TrieNode | undefined;
  for (const part of parts) {
    node = next.get(part);
    if (node === undefined) {
      node = {};
      next.set(part, node);
    }
    next = node.next ??= new WeakMap();
  }
  const leaf = node as TrieNode;
  (leaf.entries ??= new Map()).set(serialized, entry);
  table.set(serialized, { ref: new WeakRef(entry), leaf: new WeakRef(leaf), size });
  collected.register(entry, { table, key: serialized }, entry);
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
function withKeyHere<F extends (...args: any[]) => unknown>(fn: F, key: WithKeyKey): F {
  if (typeof fn !== "function") throw new TypeError("stable-schema: withKey expects a function");
  const serialized = serializeKey(key);
  const entry = lookup(serialized);
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
  store(serialized, identityParts(key), { fn, source });
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
function keyOfHere(fn: Function): string | undefined {
  return keyedFunctions.get(fn)?.key;
}

/** Reconfigure the intern table. Changing a bound keeps the most recently used entries. */
function configureWithKeyHere(options: WithKeyOptions): void {
  const nextMax = options.max === undefined ? max : checkMax("configureWithKey", options.max);
  const nextBytes = options.maxBytes === undefined ? maxBytes : checkBytes("configureWithKey", options.maxBytes);
  if (options.warn !== undefined) warn = options.warn;
  if (nextMax === max && nextBytes === maxBytes) return;
  const old = table;
  max = nextMax;
  maxBytes = nextBytes;
  table = createTable(max, maxBytes);
  // rentries(): least recently used first, so the newest end up most recent (and survive).
  for (const [k, value] of old.rentries()) {
    const slot = value as Slot | undefined;
    if (slot === undefined) continue;
    if ("entry" in slot) table.set(k as string, slot);
    else {
      const entry = slot.ref.deref();
      if (entry === undefined) continue;
      collected.unregister(entry);
      table.set(k as string, slot);
      collected.register(entry, { table, key: k as string }, entry);
    }
  }
  codeTokens = new LRUCache<string, number>({ max });
}

/** Counters of the intern table since the last resetIntern(). */
function internStatsHere(): InternStats {
  return { hits, misses, evictions, collisions, size: table.size, max, bytes: table.calculatedSize, maxBytes };
}

/**
 * Empty the intern table and zero its counters and the "already warned" ids (for tests). Functions
 * keep the key they were given (keyOf still answers), and code tokens are kept, so keys built
 * before and after a reset can never collide.
 */
function resetInternHere(): void {
  table = createTable(max, maxBytes);
  trie = new WeakMap();
  hits = 0;
  misses = 0;
  evictions = 0;
  collisions = 0;
  warnedIds.clear();
}

// The ESM and the CommonJS build can both be loaded in one process (an ESM app, a CommonJS dependency).
// The first copy loaded owns the intern table; a later copy uses the first copy's functions, so both
// intern into one table and report one set of statistics (the dual-package hazard).
const shared = sharedState("withKey", () => ({
  withKey: withKeyHere,
  keyOf: keyOfHere,
  configureWithKey: configureWithKeyHere,
  internStats: internStatsHere,
  resetIntern: resetInternHere,
}));

/**
 * Intern `fn` by its key: the same code and the same captured values give the same function object
 * (the first one seen), so identity-keyed caches hit. See docs/runtime.md.
 */
export const withKey: typeof withKeyHere = shared.withKey;
/** The serialized key of a function made by withKey, or undefined. */
export const keyOf: typeof keyOfHere = shared.keyOf;
/** Bounds of the intern table (entries, bytes) and the collision warning. */
export const configureWithKey: typeof configureWithKeyHere = shared.configureWithKey;
/** Hits, misses, evictions, collisions and the table's size. */
export const internStats: typeof internStatsHere = shared.internStats;
/** Empty the intern table and zero its counters. */
export const resetIntern: typeof resetInternHere = shared.resetIntern;
// The profiler reads the intern statistics; both copies share one table, so one entry (a Set).
profileHooks.internStats.add(shared.internStats);
