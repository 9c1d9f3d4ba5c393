// isStableSchema / assertStableSchema: build a schema twice and find the first node that differs.
//
// The walk compares the two builds structurally, class instances included (so a zod or valibot
// schema rebuilt from the same parts is stable), with these rules:
// - primitives by Object.is; the same object (or function) on both sides is stable without a look;
// - functions: stable iff the same object or the same withKey key (and code); otherwise "inline
//   function" (same source text: a closure recreated on every build) or "different function";
// - objects: same prototype, then own enumerable *data* properties (string and symbol keys) read
//   through Object.getOwnPropertyDescriptors; getters are never invoked, except zod's memoising
//   `def.shape` (see below). Arrays by index, Map/Set by entries in order, Date/RegExp by value.
// - library conventions (detected structurally, nothing is imported):
//   * zod 4: an object with `_zod.def` is compared through its def (other `_zod` fields are per-
//     instance closures); a zod def's `shape` accessor is read (zod defines it as a lazy getter that
//     replaces itself with a data property).
//   * valibot / Standard Schema: string keys starting with "~" (`~run`, `~standard`) are internals.
//   * arktype: a Type (a function with `json` and `expression`) is compared through its `json`;
//     arktype interns equal definitions, so two different Type objects with equal json are reported.
// - bounded: at most `maxNodes` object pairs are visited (cycles are visited once).
import { dateValue, mapEntriesOf, regexpValue, setValuesOf } from "./brands.js";
import { hiddenSlots, type HiddenSlot } from "./hidden-slots.js";
import { keyedFunctions } from "./registry.js";

/** A Set's elements as [element, element] pairs, like Set.prototype.entries. */
function setEntriesOf(value: object): Array<[unknown, unknown]> | undefined {
  return setValuesOf(value)?.map((element) => [element, element]);
}

export interface StabilityOptions {
  /** Give up (and report the schema unstable) after comparing this many object pairs. Default 100,000. */
  maxNodes?: number;
}

export interface Instability {
  /** Path of the first differing node, e.g. `props.age[1]` ("" for the root). */
  path: string;
  /** What differs, e.g. `inline function (recreated on every build): (n) => n > 0`. */
  reason: string;
}

const DEFAULT_MAX_NODES = 100_000;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(path: string, key: string | symbol | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  if (typeof key === "symbol") return `${path}[${key.toString()}]`;
  if (IDENTIFIER.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function joinPath(base: string, relative: string): string {
  if (relative === "") return base;
  if (base === "" || relative.startsWith("[")) return base + relative;
  return `${base}.${relative}`;
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 60) + "…" : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "number" && value === 0 && 1 / value < 0) return "-0";
  if (typeof value === "function") return "function";
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "array" : "object";
  return String(value);
}

function sourceOf(fn: unknown): string {
  return Function.prototype.toString.call(fn);
}

function short(source: string): string {
  const oneLine = source.replace(/\s+/g, " ");
  return oneLine.length > 80 ? oneLine.slice(0, 80) + "…" : oneLine;
}

function isArktypeNode(fn: unknown): fn is { json: unknown; expression: string } {
  if (typeof fn !== "function") return false;
  const json = Object.getOwnPropertyDescriptor(fn, "json");
  const expression = Object.getOwnPropertyDescriptor(fn, "expression");
  return json !== undefined && "value" in json && expression !== undefined && typeof expression.value === "string";
}

function zodDef(value: object): object | undefined {
  const zod = Object.getOwnPropertyDescriptor(value, "_zod");
  if (zod === undefined || !("value" in zod) || typeof zod.value !== "object" || zod.value === null) return undefined;
  const def = Object.getOwnPropertyDescriptor(zod.value, "def");
  return def !== undefined && typeof def.value === "object" && def.value !== null ? (def.value as object) : undefined;
}

/** Own enumerable properties that the walk compares, with their values (getters are not invoked). */
function dataEntries(obj: object, isZodDef: boolean): Map<string | symbol, unknown> {
  const entries = new Map<string | symbol, unknown>();
  const descriptors = Object.getOwnPropertyDescriptors(obj);
  for (const key of Reflect.ownKeys(descriptors)) {
    const d = descriptors[key as keyof typeof descriptors] as PropertyDescriptor;
    if (!d.enumerable) continue;
    if (typeof key === "string" && key.startsWith("~")) continue;
    if ("value" in d) entries.set(key, d.value);
    else if (isZodDef && key === "shape" && d.get !== undefined) entries.set(key, (obj as { shape: unknown }).shape);
  }
  return entries;
}

/** An own data property's value (getters are not invoked), or undefined. */
function ownData(obj: unknown, key: string): unknown {
  if ((typeof obj !== "object" && typeof obj !== "function") || obj === null) return undefined;
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d !== undefined && "value" in d ? d.value : undefined;
}

function atPath(obj: unknown, path: readonly string[]): unknown {
  let current = obj;
  for (const key of path) current = ownData(current, key);
  return current;
}

function matches(node: unknown, slot: HiddenSlot): boolean {
  if (typeof node !== "object" || node === null) return false;
  for (const [key, value] of Object.entries(slot.match)) if (ownData(node, key) !== value) return false;
  return !(slot.absent ?? []).some((key) => Object.getOwnPropertyDescriptor(node, key) !== undefined);
}

/** Two functions are the same slot function: the same object, or the same withKey key and code. */
function sameFunction(fx: unknown, fy: unknown): boolean {
  if (Object.is(fx, fy)) return true;
  if (typeof fx !== "function" || typeof fy !== "function") return false;
  const kx = keyedFunctions.get(fx);
  const ky = keyedFunctions.get(fy);
  return kx !== undefined && ky !== undefined && kx.encoded === ky.encoded;
}

/**
 * The hidden slots (lib/runtime/hidden-slots.ts, generated from the catalogue) of a pair of nodes: an
 * Instability when their functions differ, pairs still to compare (getter values), or undefined.
 */
function compareHidden(ox: object, oy: object, path: string): Instability | Pair[] | undefined {
  let extra: Pair[] | undefined;
  for (const slot of hiddenSlots) {
    const nx = slot.node.length === 0 ? ox : atPath(ox, slot.node);
    if (!matches(nx, slot)) continue;
    const ny = slot.node.length === 0 ? oy : atPath(oy, slot.node);
    if (!matches(ny, slot)) return { path, reason: `different kinds of node: ${slot.library} ${slot.apis.join("/")} in the first build only` };
    const where = slot.compare.path.reduce((p, key) => childPath(p, key), path);
    if (slot.compare.as === "function") {
      const fx = atPath(ox, slot.compare.path);
      const fy = atPath(oy, slot.compare.path);
      if (sameFunction(fx, fy)) continue;
      const detail = typeof fx === "function" && typeof fy === "function" && sourceOf(fx) === sourceOf(fy) ? "a function recreated on every build" : "different functions";
      return { path: where, reason: `${slot.apis.join("/")}: ${detail}; ${slot.note}` };
    }
    // "getter": read the accessor as the library does on every parse, then compare the values.
    const key = slot.compare.path[0] as string;
    const gx = Object.getOwnPropertyDescriptor(nx, key)?.get;
    const gy = Object.getOwnPropertyDescriptor(ny as object, key)?.get;
    if (gx === undefined || gy === undefined) continue;
    (extra ??= []).push({ a: gx.call(nx), b: gy.call(ny), path: childPath(joinPath(path, slot.node.join(".")), key), zodDef: false });
  }
  return extra;
}

interface Pair {
  a: unknown;
  b: unknown;
  path: string;
  zodDef: boolean;
}

/** The first node where two builds of a schema differ, or undefined when they are interchangeable. */
export function findInstability(a: unknown, b: unknown, options: StabilityOptions = {}): Instability | undefined {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const stack: Pair[] = [{ a, b, path: "", zodDef: false }];
  const visited = new Map<object, object>();
  let nodes = 0;

  while (stack.length > 0) {
    const pair = stack.pop() as Pair;
    const { path } = pair;
    let x = pair.a;
    let y = pair.b;
    if (Object.is(x, y)) continue;
    if (typeof x !== typeof y || (x === null) !== (y === null)) {
      return { path, reason: `different values: ${show(x)} vs ${show(y)}` };
    }
    if (typeof x !== "object" && typeof x !== "function") {
      return { path, reason: `different values: ${show(x)} vs ${show(y)}` };
    }

    if (typeof x === "function") {
      const kx = keyedFunctions.get(x);
      const ky = keyedFunctions.get(y as typeof x);
      if (kx !== undefined && ky !== undefined && kx.encoded === ky.encoded) continue;
      if (isArktypeNode(x) && isArktypeNode(y)) {
        if (visited.get(x) === y) continue;
        visited.set(x, y);
        if (++nodes > maxNodes) return { path, reason: `too large to compare (more than ${maxNodes} nodes)` };
        // Compare the json first: it names the differing part; if it is equal, the node was still recreated.
        const found = findInstability(x.json, y.json, { maxNodes: maxNodes - nodes });
        if (found !== undefined) {
          return {
            path: joinPath(childPath(path, "json"), found.path),
            reason: `arktype type recreated (${found.reason}); an inline predicate registers a new function on every build`,
          };
        }
        return { path, reason: "arktype type recreated (equal definition, new node: an unkeyed function inside)" };
      }
      const sx = sourceOf(x);
      const sy = sourceOf(y);
      return sx === sy
        ? { path, reason: `inline function (recreated on every build): ${short(sx)}` }
        : { path, reason: `different function: ${short(sx)} vs ${short(sy)}` };
    }

    let ox = x as object;
    let oy = y as object;
    // Slot functions the library keeps out of plain data (generated from the catalogue).
    const hidden = compareHidden(ox, oy, path);
    if (hidden !== undefined && !Array.isArray(hidden)) return hidden;
    if (hidden !== undefined) for (const extra of hidden) stack.push(extra);
    let isZodDef = pair.zodDef;
    const dx = zodDef(ox);
    const dy = zodDef(oy);
    if (dx !== undefined && dy !== undefined) {
      if (dx === dy) continue;
      ox = dx;
      oy = dy;
      x = dx;
      y = dy;
      isZodDef = true;
    }

    if (visited.get(ox) === oy) continue;
    visited.set(ox, oy);
    if (++nodes > maxNodes) return { path, reason: `too large to compare (more than ${maxNodes} nodes)` };

    if (Object.getPrototypeOf(ox) !== Object.getPrototypeOf(oy)) {
      return { path, reason: `different types: ${ox.constructor?.name ?? "null prototype"} vs ${oy.constructor?.name ?? "null prototype"}` };
    }
    const pending: Pair[] = [];
    // Builtins by brand (internal slot), never by Symbol.toStringTag (see brands.ts).
    const tx = dateValue(ox);
    const rx = tx === undefined ? regexpValue(ox) : undefined;
    const collection = tx === undefined && rx === undefined ? (mapEntriesOf(ox) ?? setEntriesOf(ox)) : undefined;
    if (Array.isArray(ox)) {
      const ax = ox as unknown[];
      const ay = oy as unknown[];
      if (ax.length !== ay.length) return { path, reason: `different lengths: ${ax.length} vs ${ay.length}` };
      for (let i = 0; i < ax.length; i++) pending.push({ a: ax[i], b: ay[i], path: childPath(path, i), zodDef: false });
    } else if (tx !== undefined) {
      const ty = dateValue(oy);
      if (!Object.is(tx, ty)) return { path, reason: `different dates: ${tx} vs ${ty ?? "not a date"}` };
    } else if (rx !== undefined) {
      const ry = regexpValue(oy);
      if (ry === undefined || rx.source !== ry.source || rx.flags !== ry.flags) {
        return { path, reason: `different regexps: /${rx.source}/${rx.flags} vs ${ry ? `/${ry.source}/${ry.flags}` : "not a regexp"}` };
      }
    } else if (collection !== undefined) {
      const ex = collection;
      const ey = mapEntriesOf(oy) ?? setEntriesOf(oy) ?? [];
      if (ex.length !== ey.length) return { path, reason: `different sizes: ${ex.length} vs ${ey.length}` };
      ex.forEach((entry, i) => {
        const other = ey[i] as [unknown, unknown];
        pending.push({ a: entry[0], b: other[0], path: `${path}<entry ${i} key>`, zodDef: false });
        pending.push({ a: entry[1], b: other[1], path: `${path}<entry ${i}>`, zodDef: false });
      });
    }
    // Own enumerable data properties (for arrays: non-index extras; for class instances: their fields).
    const ex = dataEntries(ox, isZodDef);
    const ey = dataEntries(oy, isZodDef);
    for (const key of ex.keys()) {
      if (Array.isArray(ox) && typeof key === "string" && /^\d+$/.test(key)) continue;
      if (!ey.has(key)) return { path: childPath(path, key), reason: "property only in the first build" };
    }
    for (const key of ey.keys()) {
      if (!ex.has(key)) return { path: childPath(path, key), reason: "property only in the second build" };
    }
    for (const [key, value] of ex) {
      if (Array.isArray(ox) && typeof key === "string" && /^\d+$/.test(key)) continue;
      pending.push({ a: value, b: ey.get(key), path: childPath(path, key), zodDef: false });
    }
    // Depth-first in document order: push in reverse.
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i] as Pair);
  }
  return undefined;
}

/** Build the schema twice; true when the two builds are interchangeable (see findInstability). */
export function isStableSchema(build: () => unknown, options?: StabilityOptions): boolean {
  return findInstability(build(), build(), options) === undefined;
}

/** Build the schema twice and throw an Error naming the first unstable node if they differ. */
export function assertStableSchema(build: () => unknown, name?: string, options?: StabilityOptions): void {
  const found = findInstability(build(), build(), options);
  if (found === undefined) return;
  const label = name ?? (build.name || "schema");
  const where = found.path === "" ? "<root>" : found.path;
  throw new Error(
    `stable-schema: ${label} is not stable: ${where}: ${found.reason}. ` +
      `Hoist the closure to module scope, wrap it in withKey(fn, [id, ...captured]), or build the schema once.`,
  );
}
