import { Ajv, type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createSchemaCache, DEFAULT_CACHE_MAX, DEFAULT_FACTORY_MAX, schemaFactory, withKey } from "../../lib/runtime/index.js";

describe("createSchemaCache: structural mode", () => {
  it("compiles equal JSON schemas once (ajv), counting hits and misses", () => {
    const ajv = new Ajv();
    const misses: string[] = [];
    const cache = createSchemaCache<ValidateFunction>({ onMiss: (_schema, key) => misses.push(key ?? "") });
    const schemaFor = () => ({ type: "object", properties: { age: { type: "integer", minimum: 0 } }, required: ["age"] });
    for (let i = 0; i < 100; i++) {
      const validate = cache.get(schemaFor(), (s) => ajv.compile(s as object));
      expect(validate({ age: i })).toBe(true);
    }
    expect(misses).toEqual(['{"type":"object","properties":{"age":{"type":"integer","minimum":0}},"required":["age"]}']);
    expect(cache.stats()).toEqual({ hits: 99, misses: 1, size: 1, evictions: 0, hitRate: 99 / 100 });
    // Key order is part of the key (it is observable): the same schema written in another order misses once.
    cache.get({ required: ["age"], type: "object", properties: { age: { type: "integer", minimum: 0 } } }, (s) => ajv.compile(s as object));
    expect(cache.stats()).toMatchObject({ misses: 2, size: 2 });
  });

  it("is bounded by max and counts evictions", () => {
    const cache = createSchemaCache<number>({ max: 2 });
    for (let i = 0; i < 5; i++) cache.get({ i }, () => i);
    expect(cache.stats()).toMatchObject({ size: 2, evictions: 3, misses: 5, hits: 0 });
    expect(cache.get({ i: 4 }, () => -1)).toBe(4);
    expect(cache.get({ i: 0 }, () => -1)).toBe(-1);
  });

  it("expires entries after ttl", async () => {
    const cache = createSchemaCache<string>({ ttl: 20 });
    expect(cache.get("s", () => "first")).toBe("first");
    expect(cache.get("s", () => "second")).toBe("first");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get("s", () => "third")).toBe("third");
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it("misses for schemas holding recreated closures and hits with withKey (the seed's failure and fix)", () => {
    const cache = createSchemaCache<string>();
    const inline = (min: number) => ["fn", (x: number) => x > min];
    const keyed = (min: number) => ["fn", withKey((x: number) => x > min, ["cache-test:gt", min])];
    for (let i = 0; i < 10; i++) cache.get(inline(1), () => "inline");
    expect(cache.stats()).toMatchObject({ misses: 10, size: 10 });
    cache.clear();
    for (let i = 0; i < 10; i++) cache.get(keyed(1), () => "keyed");
    expect(cache.get(keyed(2), () => "other")).toBe("other");
    expect(cache.stats()).toMatchObject({ misses: 2, hits: 9, size: 2 });
  });

  it("propagates compute errors without storing anything", () => {
    const cache = createSchemaCache<number>();
    expect(() => cache.get({ a: 1 }, () => { throw new Error("boom"); })).toThrow("boom");
    expect(cache.get({ a: 1 }, () => 7)).toBe(7);
    expect(cache.stats()).toMatchObject({ misses: 2, size: 1 });
  });

  it("clear() drops entries and zeroes counters; bad options throw", () => {
    const cache = createSchemaCache<number>();
    cache.get(1, () => 1);
    cache.clear();
    expect(cache.stats()).toEqual({ hits: 0, misses: 0, size: 0, evictions: 0, hitRate: 0 });
    expect(() => createSchemaCache({ max: 0 })).toThrow(RangeError);
    expect(() => createSchemaCache({ ttl: -1 })).toThrow(RangeError);
    expect(DEFAULT_CACHE_MAX).toBe(1_000);
  });
});

describe("createSchemaCache: identity mode", () => {
  it("keys by object identity (zod schemas), so a rebuilt schema misses and a hoisted one hits", () => {
    let compiles = 0;
    const cache = createSchemaCache<(v: unknown) => boolean, z.ZodType>({ mode: "identity", onMiss: () => compiles++ });
    const compile = (s: z.ZodType) => (v: unknown) => s.safeParse(v).success;
    const hoisted = z.object({ age: z.number() });
    for (let i = 0; i < 10; i++) expect(cache.get(hoisted, compile)({ age: i })).toBe(true);
    expect(compiles).toBe(1);
    for (let i = 0; i < 10; i++) cache.get(z.object({ age: z.number() }), compile);
    expect(compiles).toBe(11);
    expect(cache.stats()).toMatchObject({ hits: 9, misses: 11, size: 11 });
  });

  it("falls back to value keys for primitives and counts them in size", () => {
    const cache = createSchemaCache<number>({ mode: "identity" });
    cache.get("string-schema", () => 1);
    expect(cache.get("string-schema", () => 2)).toBe(1);
    expect(cache.stats()).toMatchObject({ size: 1, hits: 1 });
    expect(() => createSchemaCache({ mode: "bogus" as "identity" })).toThrow(RangeError);
  });

  it("does not keep schemas alive: size drops when they are garbage collected", async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc === undefined) {
      // vitest does not expose gc by default; prove at least that entries are held weakly (WeakMap).
      const cache = createSchemaCache<number>({ mode: "identity" });
      cache.get({}, () => 1);
      expect(cache.stats().size).toBe(1);
      return;
    }
    const cache = createSchemaCache<number>({ mode: "identity" });
    for (let i = 0; i < 1000; i++) cache.get({ i }, () => i);
    for (let i = 0; i < 20 && cache.stats().size > 0; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cache.stats().size).toBeLessThan(1000);
  });

  it("expires identity entries after ttl", async () => {
    const cache = createSchemaCache<string>({ mode: "identity", ttl: 20 });
    const schema = { kind: "s" };
    cache.get(schema, () => "a");
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get(schema, () => "b")).toBe("b");
    expect(cache.stats()).toMatchObject({ misses: 2, evictions: 1, size: 1 });
  });
});

describe("schemaFactory", () => {
  it("memoises builds by argument keys: f(18) === f(18), f(18) !== f(21)", () => {
    let builds = 0;
    const adult = schemaFactory((min: number) => {
      builds++;
      return z.object({ age: z.number().refine((n) => n >= min) });
    });
    expect(adult(18)).toBe(adult(18));
    expect(adult(18)).not.toBe(adult(21));
    expect(builds).toBe(2);
    expect(adult(18).safeParse({ age: 19 }).success).toBe(true);
    expect(adult(21).safeParse({ age: 19 }).success).toBe(false);
    expect(adult.stats()).toMatchObject({ misses: 2, hits: 4, size: 2 });
  });

  it("keys plain-data arguments structurally and distinguishes argument types", () => {
    const f = schemaFactory((opts: { min: number } | number | string) => ({ opts }));
    expect(f({ min: 1 })).toBe(f({ min: 1 }));
    expect(f(1)).not.toBe(f("1"));
    expect(f({ min: 1 })).not.toBe(f({ min: 2 }));
  });

  it("is bounded", () => {
    const f = schemaFactory((n: number) => ({ n }), { max: 3 });
    const first = f(0);
    for (let i = 1; i < 10; i++) f(i);
    expect(f.stats()).toMatchObject({ size: 3, evictions: 7 });
    expect(f(0)).not.toBe(first);
    f.clear();
    expect(f.stats().size).toBe(0);
    expect(DEFAULT_FACTORY_MAX).toBe(100);
  });
});
