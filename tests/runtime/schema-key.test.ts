import { Type } from "@sinclair/typebox";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findInstability, isStableSchema, keyOf, schemaKey, withKey } from "../../lib/runtime/index.js";
import { encodeTree } from "../../lib/runtime/schema-key.js";

const objectProto = Object.prototype;
const isPlain = (v: object): boolean => {
  const p: unknown = Object.getPrototypeOf(v);
  return p === objectProto || p === null;
};
const enumerableSymbols = (o: object): symbol[] =>
  Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s));

/** Reference equivalence ("interchangeable"), written independently of the encoder. */
function equivalent(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a === "function" && typeof b === "function") {
    const ka = keyOf(a);
    return ka !== undefined && ka === keyOf(b) && a.toString() === b.toString();
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (i in a !== i in b || !equivalent(a[i], b[i])) return false;
    }
    return true;
  }
  if (isPlain(a) && isPlain(b)) {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    // Key order is observable (Object.keys, JSON output), so it is part of equivalence.
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length || !ka.every((k, i) => kb[i] === k)) return false;
    const sa = enumerableSymbols(a);
    const sb = enumerableSymbols(b);
    if (sa.length !== sb.length || !sa.every((s, i) => sb[i] === s)) return false;
    const ra = a as Record<PropertyKey, unknown>;
    const rb = b as Record<PropertyKey, unknown>;
    return ka.every((k) => equivalent(ra[k], rb[k])) && sa.every((s) => equivalent(ra[s], rb[s]));
  }
  if (a instanceof Date && b instanceof Date && isExact(a, b, Date)) return Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp && b instanceof RegExp && isExact(a, b, RegExp)) return a.source === b.source && a.flags === b.flags;
  if (a instanceof Set && b instanceof Set && isExact(a, b, Set)) {
    const ea = [...a];
    const eb = [...b];
    return ea.length === eb.length && ea.every((x, i) => Object.is(x, eb[i]));
  }
  if (a instanceof Map && b instanceof Map && isExact(a, b, Map)) {
    const ea = [...a];
    const eb = [...b];
    return ea.length === eb.length && ea.every(([k, v], i) => Object.is(k, eb[i]?.[0]) && equivalent(v, eb[i]?.[1]));
  }
  return false; // any other object: by identity
}
function isExact(a: object, b: object, ctor: { prototype: object }): boolean {
  return Object.getPrototypeOf(a) === ctor.prototype && Object.getPrototypeOf(b) === ctor.prototype;
}

/** Structural copy: every container is a new object, so identity plays no part in the result. */
function clone(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) out[i] = clone(v[i]);
    return out;
  }
  if (isPlain(v)) {
    const out = Object.create(Object.getPrototypeOf(v) as object | null) as Record<PropertyKey, unknown>;
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: clone((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    for (const s of enumerableSymbols(v)) out[s] = clone((v as Record<symbol, unknown>)[s]);
    return out;
  }
  if (v instanceof Date && Object.getPrototypeOf(v) === Date.prototype) return new Date(v.getTime());
  if (v instanceof RegExp && Object.getPrototypeOf(v) === RegExp.prototype) return new RegExp(v.source, v.flags);
  if (v instanceof Map && Object.getPrototypeOf(v) === Map.prototype) return new Map([...v].map(([k, x]) => [k, clone(x)]));
  if (v instanceof Set && Object.getPrototypeOf(v) === Set.prototype) return new Set(v);
  return v;
}

const keyArb = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("__proto__", "constructor", "0", "1", "a", "b"));
const anythingArb = fc.anything({
  key: keyArb,
  maxDepth: 4,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withUnicodeString: true,
  withObjectString: true,
});

// A tiny domain, so that two independently drawn values often look alike and sometimes share a key.
const sharedFn = (x: number): boolean => x > 0;
const tinyPrimitive = fc.constantFrom<unknown>(0, -0, NaN, 1, "1", "0", "", 1n, 0n, undefined, null, true, false, "u", "n", Symbol.for("a"), Symbol.iterator, sharedFn);
const { tiny } = fc.letrec<{ tiny: unknown }>((tie) => ({
  tiny: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tinyPrimitive,
    fc.array(tie("tiny"), { maxLength: 3 }),
    fc.sparseArray(tie("tiny"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("a", "b", "__proto__", "0"), tie("tiny"), { maxKeys: 2 }),
    fc.dictionary(fc.constantFrom("a", "b"), tie("tiny"), { maxKeys: 2, noNullPrototype: false }).map((d) => Object.assign(Object.create(null) as object, d)),
    tie("tiny").map((v) => ({ [Symbol.for("TypeBox.Kind")]: v })),
  ),
}));

// Independent pairs, plus copies (equal by construction, different objects).
const tinyPair = fc.oneof(fc.tuple(tiny, tiny), tiny.map((a) => [a, clone(a)] as [unknown, unknown]));

describe("schemaKey: primitives", () => {
  const distinct: unknown[] = [1, "1", 1n, "1n", 0, -0, "0", "-0", 0n, NaN, "NaN", Infinity, -Infinity, "Infinity", undefined, "u", null, "n", "null", true, "t", "true", false, "f", "", Symbol.for("x"), Symbol.for("y"), Symbol("x"), Symbol("x"), [], {}, Object.create(null), "[]", "{}"];
  it("gives type-distinct primitives distinct keys", () => {
    const keys = distinct.map((v) => schemaKey(v));
    expect(new Set(keys).size).toBe(distinct.length);
    expect(schemaKey(1)).toBe("1");
    expect(schemaKey("1")).toBe('"1"');
    expect(schemaKey(1n)).toBe("1n");
    expect(schemaKey(-0)).toBe("-0");
    expect(schemaKey(NaN)).toBe("NaN");
    expect(schemaKey(undefined)).toBe("u");
    expect(schemaKey(null)).toBe("null");
    expect(schemaKey(true)).toBe("true");
  });
  it("treats NaN as equal to NaN and -0 as different from 0 (Object.is)", () => {
    expect(schemaKey([NaN])).toBe(schemaKey([Number("x")]));
    expect(schemaKey([-0])).not.toBe(schemaKey([0]));
  });
  it("never lets two type-distinct primitives share a key (property)", () => {
    const prim = fc.oneof(fc.double(), fc.integer(), fc.bigInt(), fc.string(), fc.boolean(), fc.constantFrom(undefined, null));
    fc.assert(
      fc.property(prim, prim, (a, b) => {
        if (Object.is(a, b)) expect(schemaKey(a)).toBe(schemaKey(b));
        else expect(schemaKey(a)).not.toBe(schemaKey(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("schemaKey: structure", () => {
  it("keeps key order (it is observable), and equals JSON.stringify on JSON data", () => {
    expect(schemaKey({ a: 1, b: 2 })).not.toBe(schemaKey({ b: 2, a: 1 }));
    expect(schemaKey({ b: 1, a: [2, { c: true, d: null }] })).toBe('{"b":1,"a":[2,{"c":true,"d":null}]}');
  });
  it("the general encoder agrees with the JSON fast path on JSON data (property)", () => {
    fc.assert(
      // JSON round trip: fc.jsonValue() can produce -0, which JSON.stringify prints as 0 but schemaKey
      // keeps apart from 0 (checked below).
      fc.property(fc.jsonValue().map((raw) => JSON.parse(JSON.stringify(raw)) as unknown), (v) => {
        expect(schemaKey(v)).toBe(JSON.stringify(v));
        if (typeof v === "object" && v !== null) expect(encodeTree(v)).toBe(JSON.stringify(v));
      }),
      { numRuns: 1000 },
    );
    // Not JSON data: the general encoder takes over, and the key says so.
    expect(schemaKey({ a: -0 })).toBe('{"a":-0}');
    expect(schemaKey({ a: undefined, b: NaN })).toBe('{"a":u,"b":NaN}');
    expect(schemaKey([1, , 2])).toBe("[1,_,2]");
  });
  it("keeps arrays, objects, holes and null-prototype objects apart", () => {
    expect(schemaKey([1, 2])).not.toBe(schemaKey({ 0: 1, 1: 2 }));
    expect(schemaKey([, 1])).not.toBe(schemaKey([undefined, 1]));
    expect(schemaKey({ a: undefined })).not.toBe(schemaKey({}));
    expect(schemaKey(Object.assign(Object.create(null) as object, { a: 1 }))).not.toBe(schemaKey({ a: 1 }));
  });
  it("reads __proto__ as data and pollutes nothing", () => {
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    expect(schemaKey(evil)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(schemaKey(evil)).not.toBe(schemaKey({ a: 1 }));
    expect((({}) as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
  it("encodes RegExp, Date, Map and Set by value", () => {
    expect(schemaKey(/a+/gi)).toBe(schemaKey(new RegExp("a+", "gi")));
    expect(schemaKey(/a+/g)).not.toBe(schemaKey(/a+/i));
    expect(schemaKey(/a/)).not.toBe(schemaKey("/a/"));
    expect(schemaKey(new Date(5))).toBe(schemaKey(new Date(5)));
    expect(schemaKey(new Date(5))).not.toBe(schemaKey(5));
    expect(schemaKey(new Map([["a", { x: 1 }]]))).toBe(schemaKey(new Map([["a", { x: 1 }]])));
    expect(schemaKey(new Map([["a", 1]]))).not.toBe(schemaKey({ a: 1 }));
    expect(schemaKey(new Set([1, "1"]))).toBe('S{1,"1"}');
    expect(schemaKey(new Set([1]))).not.toBe(schemaKey([1]));
  });
  it("keys class instances and non-registered symbols by identity", () => {
    class Schema {
      constructor(readonly min: number) {}
    }
    const s = new Schema(1);
    expect(schemaKey({ s })).toBe(schemaKey({ s }));
    expect(schemaKey({ s })).not.toBe(schemaKey({ s: new Schema(1) }));
    const sym = Symbol("x");
    expect(schemaKey([sym])).toBe(schemaKey([sym]));
    expect(schemaKey([sym])).not.toBe(schemaKey([Symbol("x")]));
    expect(schemaKey([Symbol.for("x")])).toBe(schemaKey([Symbol.for("x")]));
  });
  it("keys functions by their withKey key, otherwise by identity", () => {
    const pred = (n: number): boolean => n > 0;
    expect(schemaKey(["fn", pred])).toBe(schemaKey(["fn", pred]));
    const inline = (): unknown => ["fn", (n: number) => n > 0];
    expect(schemaKey(inline())).not.toBe(schemaKey(inline()));
    const keyed = (min: number): unknown => ["fn", withKey((n: number) => n > min, ["schema-key-test:gt", min])];
    expect(schemaKey(keyed(3))).toBe(schemaKey(keyed(3)));
    expect(schemaKey(keyed(3))).not.toBe(schemaKey(keyed(4)));
    expect(schemaKey(keyed(3))).toContain('["schema-key-test:gt",3]');
  });
  it("includes TypeBox's symbol-keyed Kind", () => {
    const build = () => Type.Object({ name: Type.String({ minLength: 1 }), tags: Type.Array(Type.String()) });
    expect(schemaKey(build())).toBe(schemaKey(build()));
    expect(schemaKey(build())).toContain('[@"TypeBox.Kind"]:"Object"');
    expect(schemaKey(Type.String())).not.toBe(schemaKey(Type.Number()));
    // Same JSON, different Kind: JSON.stringify cannot tell them apart, schemaKey can.
    const unsafe = Type.Unsafe<string>({ type: "string" });
    expect(JSON.stringify(unsafe)).toBe(JSON.stringify(Type.String()));
    expect(schemaKey(unsafe)).not.toBe(schemaKey(Type.String()));
  });
});

describe("schemaKey: cycles and depth", () => {
  it("marks back-references to ancestors, injectively", () => {
    const a: Record<string, unknown> = { x: 1 };
    a["self"] = a;
    expect(schemaKey(a)).toBe('{"x":1,"self":#ref(0)}');
    const b: Record<string, unknown> = { x: 1, self: "#ref(0)" };
    expect(schemaKey(b)).not.toBe(schemaKey(a));
    const inner: unknown[] = [];
    const outer = { list: inner };
    inner.push(outer, inner);
    expect(schemaKey(outer)).toBe('{"list":[#ref(0),#ref(1)]}');
    // Shared but acyclic references are not back-references.
    const shared = { k: 1 };
    expect(schemaKey([shared, shared])).toBe(schemaKey([{ k: 1 }, { k: 1 }]));
  });
  it("handles 20,000-deep nesting and a deep cycle without overflowing the stack", () => {
    let obj: unknown = "leaf";
    let arr: unknown = "leaf";
    for (let i = 0; i < 20_000; i++) {
      obj = { x: obj };
      arr = [arr];
    }
    expect(schemaKey(obj)).toHaveLength(20_000 * 6 + 6);
    expect(schemaKey(arr)).toBe("[".repeat(20_000) + '"leaf"' + "]".repeat(20_000));
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < 20_000; i++) {
      const next: Record<string, unknown> = {};
      node["n"] = next;
      node = next;
    }
    node["back"] = root;
    node["mid"] = [root["n"]];
    const key = schemaKey(root);
    expect(key.endsWith('{"back":#ref(0),"mid":[#ref(1)]}' + "}".repeat(20_000))).toBe(true);
  });
});

describe("schemaKey: properties (fast-check)", () => {
  it("is stable: the same value and a structural copy get the same key", () => {
    fc.assert(
      fc.property(anythingArb, (v) => {
        const k = schemaKey(v);
        expect(schemaKey(v)).toBe(k);
        expect(schemaKey(clone(v))).toBe(k);
      }),
      { numRuns: 1000 },
    );
  });
  it("is injective: equal keys imply interchangeable values (random pairs)", () => {
    fc.assert(
      fc.property(anythingArb, anythingArb, (a, b) => {
        if (schemaKey(a) === schemaKey(b)) expect(equivalent(a, b)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it("is injective and complete on a tiny domain where keys often coincide", () => {
    let equalKeys = 0;
    fc.assert(
      fc.property(tinyPair, ([a, b]) => {
        const same = schemaKey(a) === schemaKey(b);
        if (same) equalKeys++;
        expect(same).toBe(equivalent(a, b));
      }),
      { numRuns: 5000 },
    );
    expect(equalKeys).toBeGreaterThan(1000); // the property really compared look-alikes
  });
  it("matches JSON value equality on JSON values (key order included)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = schemaKey(a) === schemaKey(b);
        expect(same).toBe(equivalent(a, b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("schemaKey never consults toJSON or Symbol.toStringTag (issue 10, case 10)", () => {
  const jsonArb = fc.jsonValue({ maxDepth: 3 });
  const spoofedTags = ["RegExp", "Date", "Map", "Set"] as const;
  const spoof = (tag: string, extra: Record<string, unknown> = {}): object =>
    Object.assign(
      new (class Spoof {
        get [Symbol.toStringTag](): string {
          return tag;
        }
      })(),
      extra,
    );

  it("case 10: an array or object with a toJSON never shares a key with what toJSON returns", () => {
    expect(schemaKey(Object.assign([1, 2, 3], { toJSON: () => "x" }))).not.toBe(schemaKey("x"));
    expect(schemaKey(Object.assign([1, 2, 3], { toJSON: () => "x" }))).not.toBe(schemaKey([1, 2, 3]));
    fc.assert(
      fc.property(jsonArb, jsonArb, fc.boolean(), (data, returned, asArray) => {
        const container: object = asArray ? [data] : { data };
        const withToJSON = Object.assign(container, { toJSON: () => returned });
        const key = schemaKey(withToJSON);
        expect(key).not.toBe(schemaKey(returned));
        expect(key).not.toBe(schemaKey(asArray ? [data] : { data }));
      }),
    );
  });

  it("case 10: an inherited toJSON (a class, or a polluted prototype chain) is not honoured either", () => {
    class Box {
      constructor(readonly v: number) {}
      toJSON(): string {
        return "same";
      }
    }
    expect(schemaKey(new Box(1))).not.toBe(schemaKey(new Box(2)));
    expect(schemaKey(new Box(1))).not.toBe(schemaKey("same"));
  });

  it("case 10: a class with a spoofed Symbol.toStringTag is keyed by identity: no collisions, no throw", () => {
    fc.assert(
      fc.property(fc.constantFrom(...spoofedTags), fc.string({ maxLength: 3 }), (tag, text) => {
        const a = spoof(tag, { source: text, flags: "g", getTime: () => 1 });
        const b = spoof(tag, { source: text, flags: "g", getTime: () => 1 });
        const bare = spoof(tag); // without the methods a real one has: used to throw
        const keys = [a, b, bare].map((v) => schemaKey(v));
        expect(new Set(keys).size).toBe(3);
        const real = { RegExp: new RegExp(text.replace(/[^\w]/g, ""), "g"), Date: new Date(1), Map: new Map(), Set: new Set() }[tag];
        expect(keys).not.toContain(schemaKey(real));
        expect(isStableSchema(() => bare)).toBe(true); // the same object twice
        expect(findInstability(a, b)).toBeDefined(); // two look-alikes are compared as instances, not as builtins
      }),
    );
    expect(schemaKey(spoof("RegExp", { source: "a", flags: "g" }))).not.toBe(schemaKey(/a/g));
  });

  it("case 10: Proxy values never throw and never pose as the builtin they wrap", () => {
    fc.assert(
      fc.property(fc.integer(), fc.string({ maxLength: 3 }), (n, text) => {
        const date = new Date(n);
        const proxied = [new Proxy(date, {}), new Proxy(/x/g, {}), new Proxy(new Map([[1, text]]), {}), new Proxy(new Set([text]), {})];
        const reals = [date, /x/g, new Map([[1, text]]), new Set([text])];
        for (let i = 0; i < proxied.length; i++) {
          const key = schemaKey(proxied[i]);
          expect(key).not.toBe(schemaKey(reals[i]));
          expect(key).toBe(schemaKey(proxied[i])); // deterministic: the same proxy, the same key
        }
        // A transparent Proxy of plain data reads like the data (its traps are the target's own).
        expect(schemaKey(new Proxy({ a: n, b: [text] }, {}))).toBe(schemaKey({ a: n, b: [text] }));
      }),
    );
  });

  it("case 10: subclasses of builtins are keyed by identity (they may override what the value means)", () => {
    class Loose extends RegExp {
      override test(): boolean {
        return true;
      }
    }
    expect(schemaKey(new Loose("a", "g"))).not.toBe(schemaKey(/a/g));
    expect(schemaKey(new Loose("a", "g"))).not.toBe(schemaKey(new Loose("a", "g")));
    class Later extends Date {}
    expect(schemaKey(new Later(5))).not.toBe(schemaKey(new Date(5)));
  });
});
