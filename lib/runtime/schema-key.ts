// schemaKey: a deterministic, injective structural key for plain-data schemas.
//
// Grammar (every token is self-delimiting, so concatenation is unambiguous):
//   undefined  u          null  null       true  true       false  false
//   number     String(n), except -0 → -0 (NaN → NaN, ±Infinity → Infinity / -Infinity)
//   bigint     <digits>n  (e.g. 1n, -5n)
//   string     JSON.stringify(s)  (always quoted, so "1" never meets 1)
//   symbol     @"<registry key>" for Symbol.for(...) symbols, &<token> otherwise
//   array      [a,b,c]      holes are _ (so [,1] and [undefined,1] differ); an Array subclass or an
//              array with its own toJSON is an "other object" (JSON.stringify would print toJSON's result)
//   object     {"k":v,...}  own enumerable string keys in property order (Object.keys order), then
//              enumerable symbol keys as [<symbol>]:v in property order; a null-prototype object is N{...}
//              Key order is part of the key: it is observable (Object.keys, JSON output, zod's shape
//              order decides output order), so objects that differ only in key order are not
//              interchangeable. A miss is cheap.
//   RegExp     /"<source>"<flags>      Date  D<epoch ms> (DNaN for an invalid date)
//              (builtins are recognised by brand — their internal slot — and exact prototype, never
//              by Symbol.toStringTag; a subclass, a Proxy or a look-alike is an "other object")
//   Map        M{<atom>=>v,...} in insertion order; Set  S{<atom>,...} in insertion order
//              (<atom> = a primitive, or an object/function by identity, because Map/Set lookups are
//              by identity)
//   function   F<code token><withKey key> when it carries a withKey key, &<token> otherwise
//   any other object (class instances: zod, valibot, yup schemas, typed arrays, …)  &<token>
//   back-reference to an ancestor on the current path  #ref(<depth of the ancestor, root = 0>)
//
// On JSON data (plain objects and arrays without holes and without a toJSON anywhere on them, strings, finite numbers other than -0,
// booleans, null) the key is exactly JSON.stringify's output. schemaKey uses that: a bounded-depth
// check that the value is such data, then the native JSON.stringify. Anything else goes through
// encodeTree, which is iterative (explicit stack), so 20,000-deep nesting cannot overflow the stack.
import { dateValue, mapEntriesOf, regexpValue, setValuesOf } from "./brands.js";
import { identityToken } from "./identity.js";
import { keyedFunctions } from "./registry.js";

const objectProto = Object.prototype;
const isEnumerable = Object.prototype.propertyIsEnumerable;
const arrayProto = Array.prototype;

/** Ancestors up to this depth are found by a linear scan; deeper ones through a Map. */
const SHALLOW = 32;

const KIND_ARRAY = 0;
const KIND_OBJECT = 1;
const KIND_MAP = 2;

/** Encode a primitive (anything that is not an object or function). */
export function encodePrimitive(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return value === 0 && 1 / value < 0 ? "-0" : "" + value;
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return "u";
    case "bigint":
      return value + "n";
    case "symbol":
      return encodeSymbol(value);
    default:
      if (value === null) return "null";
      throw new TypeError(`stable-schema: not a primitive: ${typeof value}`);
  }
}

export function encodeSymbol(value: symbol): string {
  const registered = Symbol.keyFor(value);
  return registered === undefined ? "&" + identityToken(value) : "@" + JSON.stringify(registered);
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any function can be encoded
export function encodeFunction(fn: Function): string {
  const info = keyedFunctions.get(fn);
  return info === undefined ? "&" + identityToken(fn) : info.encoded;
}

/**
 * Encode a value by identity: primitives by value, keyed functions by key, every other function,
 * object and non-registered symbol by identity token. Used for withKey captures and Map keys / Set
 * elements.
 */
export function encodeAtom(value: unknown): string {
  if (typeof value === "function") return encodeFunction(value);
  if (typeof value === "object" && value !== null) return "&" + identityToken(value);
  return encodePrimitive(value);
}

/**
 * `"key":` pieces of object keys, cached: schemas repeat the same few keys (type, properties, …).
 * Bounded: cleared when it grows past KEY_CACHE_MAX distinct keys.
 */
const keyPieces = new Map<string, string>();
const KEY_CACHE_MAX = 10_000;
function keyPiece(key: string): string {
  let piece = keyPieces.get(key);
  if (piece === undefined) {
    if (keyPieces.size >= KEY_CACHE_MAX) keyPieces.clear();
    piece = JSON.stringify(key) + ":";
    keyPieces.set(key, piece);
  }
  return piece;
}

/** Output is flushed into `parts` in chunks of about this size, so no huge concatenation tree builds up. */
const CHUNK = 4096;

function symbolEntries(obj: object, symbols: symbol[]): Array<[string, symbol]> {
  const entries: Array<[string, symbol]> = [];
  for (const sym of symbols) {
    if (isEnumerable.call(obj, sym)) entries.push(["[" + encodeSymbol(sym) + "]:", sym]);
  }
  return entries;
}

/** Deeper than this, the JSON fast path is not tried (also what ends it on cyclic data). */
const JSON_MAX_DEPTH = 400;

/** Is `value` JSON data whose JSON.stringify output equals its key? (see the header) */
function isJsonData(value: object, depth: number): boolean {
  if (depth > JSON_MAX_DEPTH) return false;
  // JSON.stringify would call a toJSON method (own or inherited) and print what it returns.
  if ("toJSON" in value) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== arrayProto) return false;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const t = typeof item;
      if (t === "string" || t === "boolean") continue;
      if (t === "number") {
        if (item === 0 ? 1 / (item as number) < 0 : !Number.isFinite(item)) return false;
        continue;
      }
      if (t !== "object") return false; // undefined (or a hole), function, symbol, bigint
      if (item !== null && !isJsonData(item as object, depth + 1)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== objectProto || Object.getOwnPropertySymbols(value).length !== 0) return false;
  for (const key in value) {
    // for-in also walks inherited enumerable keys: only a polluted Object.prototype has any.
    if (!Object.hasOwn(value, key)) return false;
    const item: unknown = (value as Record<string, unknown>)[key];
    const t = typeof item;
    if (t === "string" || t === "boolean") continue;
    if (t === "number") {
      if (item === 0 ? 1 / (item as number) < 0 : !Number.isFinite(item)) return false;
      continue;
    }
    if (t !== "object") return false;
    if (item !== null && !isJsonData(item as object, depth + 1)) return false;
  }
  return true;
}

/**
 * A deterministic structural key for a plain-data schema. Two values get the same key only if they
 * are interchangeable: same primitive types and values (by Object.is, so -0 ≠ 0 and NaN = NaN),
 * same shape, same keyed functions, and the very same class instances / unkeyed functions.
 */
export function schemaKey(value: unknown): string {
  if (typeof value !== "object" || value === null) {
    return typeof value === "function" ? encodeFunction(value) : encodePrimitive(value);
  }
  if (isJsonData(value, 0)) return JSON.stringify(value);
  return encodeTree(value);
}

/** The general encoder (exported for tests: on JSON data it must agree with JSON.stringify). */
export function encodeTree(root: object): string {
  let out = "";
  // Finished chunks of output (see CHUNK); null until the output gets long.
  let parts: string[] | null = null;
  // Explicit stack of open containers (parallel arrays: no allocation per node).
  const objs: object[] = [];
  const kinds: number[] = [];
  const idxs: number[] = [];
  // For objects: the key list; for maps: the entry list; for arrays: null.
  const lists: Array<unknown[] | null> = [];
  // Symbol-keyed entries of objects, appended after the string keys.
  const syms: Array<Array<[string, symbol]> | null> = [];
  let sp = 0;
  let deep: Map<object, number> | null = null;

  let value: unknown = root;
  let hole = false;

  for (;;) {
    // ---- encode `value` (or open it as a container and continue with its first child) ----
    const t = typeof value;
    if (t === "string") {
      out += JSON.stringify(value);
    } else if (t === "number") {
      out += value === 0 && 1 / (value as number) < 0 ? "-0" : "" + (value as number);
    } else if (t === "object" && value !== null) {
      const obj = value as object;
      // Is it an ancestor on the current path? (a cycle)
      let ancestor = -1;
      const shallow = sp < SHALLOW ? sp : SHALLOW;
      for (let i = 0; i < shallow; i++) {
        if (objs[i] === obj) {
          ancestor = i;
          break;
        }
      }
      if (ancestor < 0 && deep !== null) ancestor = deep.get(obj) ?? -1;

      let opened = false;
      if (ancestor >= 0) {
        out += "#ref(" + ancestor + ")";
      } else if (Array.isArray(obj) && Object.getPrototypeOf(obj) === arrayProto && !Object.hasOwn(obj, "toJSON")) {
        const arr = obj as unknown[];
        if (arr.length === 0) {
          out += "[]";
        } else {
          out += "[";
          objs[sp] = obj;
          kinds[sp] = KIND_ARRAY;
          idxs[sp] = 0;
          lists[sp] = null;
          syms[sp] = null;
          value = arr[0];
          hole = value === undefined && !(0 in arr);
          opened = true;
        }
      } else {
        const proto: unknown = Object.getPrototypeOf(obj);
        if (proto === objectProto || proto === null) {
          const keys = Object.keys(obj);
          const symbols = Object.getOwnPropertySymbols(obj);
          const symList = symbols.length === 0 ? null : symbolEntries(obj, symbols);
          const open = proto === null ? "N{" : "{";
          if (keys.length > 0) {
            const k = keys[0] as string;
            out += open + keyPiece(k);
            value = (obj as Record<string, unknown>)[k];
            opened = true;
          } else if (symList !== null && symList.length > 0) {
            const first = symList[0] as [string, symbol];
            out += open + first[0];
            value = (obj as Record<symbol, unknown>)[first[1]];
            opened = true;
          } else {
            out += open + "}";
          }
          if (opened) {
            objs[sp] = obj;
            kinds[sp] = KIND_OBJECT;
            idxs[sp] = 0;
            lists[sp] = keys;
            syms[sp] = symList;
            hole = false;
          }
        } else {
          // Builtins by brand (internal slot) and exact prototype, never by Symbol.toStringTag.
          const time = dateValue(obj);
          const re = time === undefined ? regexpValue(obj) : undefined;
          const elements = time === undefined && re === undefined ? setValuesOf(obj) : undefined;
          const entries = time === undefined && re === undefined && elements === undefined ? mapEntriesOf(obj) : undefined;
          if (re !== undefined) {
            out += "/" + JSON.stringify(re.source) + re.flags;
          } else if (time !== undefined) {
            out += "D" + time;
          } else if (elements !== undefined) {
            out += "S{";
            let first = true;
            for (const element of elements) {
              out += (first ? "" : ",") + encodeAtom(element);
              first = false;
            }
            out += "}";
          } else if (entries !== undefined) {
            if (entries.length === 0) {
              out += "M{}";
            } else {
              const e0 = entries[0] as [unknown, unknown];
              out += "M{" + encodeAtom(e0[0]) + "=>";
              value = e0[1];
              objs[sp] = obj;
              kinds[sp] = KIND_MAP;
              idxs[sp] = 0;
              lists[sp] = entries;
              syms[sp] = null;
              hole = false;
              opened = true;
            }
          } else {
            out += "&" + identityToken(obj);
          }
        }
      }
      if (opened) {
        if (sp >= SHALLOW) (deep ??= new Map()).set(obj, sp);
        sp++;
        continue;
      }
    } else if (t === "undefined") {
      out += hole ? "_" : "u";
    } else if (t === "boolean") {
      out += value ? "true" : "false";
    } else if (t === "function") {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- narrowed by typeof
      out += encodeFunction(value as Function);
    } else if (value === null) {
      out += "null";
    } else {
      out += encodePrimitive(value);
    }

    // ---- move to the next sibling, closing finished containers ----
    if (out.length > CHUNK) {
      // charCodeAt flattens the concatenation tree now, while it is young; kept unflattened until
      // the final join, the trees survive into old space and the GC cost dominates.
      out.charCodeAt(0);
      (parts ??= []).push(out);
      out = "";
    }
    for (;;) {
      if (sp === 0) {
        if (parts === null) return out;
        parts.push(out);
        return parts.join("");
      }
      const top = sp - 1;
      const obj = objs[top] as object;
      const i = (idxs[top] as number) + 1;
      const kind = kinds[top];
      if (kind === KIND_ARRAY) {
        const arr = obj as unknown[];
        if (i < arr.length) {
          idxs[top] = i;
          out += ",";
          value = arr[i];
          hole = value === undefined && !(i in arr);
          break;
        }
        out += "]";
      } else if (kind === KIND_OBJECT) {
        const keys = lists[top] as string[];
        if (i < keys.length) {
          idxs[top] = i;
          const k = keys[i] as string;
          out += "," + keyPiece(k);
          value = (obj as Record<string, unknown>)[k];
          hole = false;
          break;
        }
        const symList = syms[top] ?? null;
        const j = i - keys.length;
        if (symList !== null && j < symList.length) {
          idxs[top] = i;
          const entry = symList[j] as [string, symbol];
          out += "," + entry[0];
          value = (obj as Record<symbol, unknown>)[entry[1]];
          hole = false;
          break;
        }
        out += "}";
      } else {
        const entries = lists[top] as Array<[unknown, unknown]>;
        if (i < entries.length) {
          idxs[top] = i;
          const entry = entries[i] as [unknown, unknown];
          out += "," + encodeAtom(entry[0]) + "=>";
          value = entry[1];
          hole = false;
          break;
        }
        out += "}";
      }
      // close this container
      if (top >= SHALLOW && deep !== null) deep.delete(obj);
      objs[top] = undefined as unknown as object;
      lists[top] = null;
      syms[top] = null;
      sp = top;
    }
  }
}
