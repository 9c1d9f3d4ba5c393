import { type } from "arktype";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import * as yup from "yup";
import { z } from "zod";
import { assertStableSchema, findInstability, isStableSchema, withKey } from "../../lib/runtime/index.js";

const positive = (n: number): boolean => n > 0;

describe("assertStableSchema on a tuple DSL (plain data)", () => {
  const inline = () => ({ props: { name: ["string", { min: 1 }], age: ["fn", (n: number) => n > 0] } });
  const hoisted = () => ({ props: { name: ["string", { min: 1 }], age: ["fn", positive] } });
  const keyed = (min: number) => () => ({ props: { age: ["fn", withKey((n: number) => n > min, ["dsl:gt", min])] } });

  it("names the path of the first unstable node", () => {
    expect(() => assertStableSchema(inline, "User")).toThrow(
      "stable-schema: User is not stable: props.age[1]: inline function (recreated on every build): (n) => n > 0.",
    );
    expect(findInstability(inline(), inline())).toEqual({
      path: "props.age[1]",
      reason: "inline function (recreated on every build): (n) => n > 0",
    });
  });
  it("accepts hoisted predicates and withKey", () => {
    expect(isStableSchema(hoisted)).toBe(true);
    expect(isStableSchema(keyed(3))).toBe(true);
    expect(() => assertStableSchema(keyed(3))).not.toThrow();
  });
  it("reports different values, lengths, keys and functions", () => {
    let n = 0;
    expect(findInstability({ a: [1, 2] }, { a: [1, 3] })).toEqual({ path: "a[1]", reason: "different values: 2 vs 3" });
    expect(findInstability([1], [1, 2])?.reason).toBe("different lengths: 1 vs 2");
    expect(findInstability({ a: 1 }, { b: 1 })).toEqual({ path: "a", reason: "property only in the first build" });
    expect(findInstability({ "odd key": () => 1 }, { "odd key": () => 2 })).toEqual({
      path: '["odd key"]',
      reason: "different function: () => 1 vs () => 2",
    });
    expect(isStableSchema(() => ({ id: n++ }))).toBe(false);
    expect(() => assertStableSchema(() => ["x", Math.random()])).toThrow(/\[1\]: different values/);
    expect(findInstability(new Map([["k", 1]]), new Map([["k", 2]]))?.path).toBe("<entry 0>");
    expect(findInstability(/a/g, /a/i)?.reason).toBe("different regexps: /a/g vs /a/i");
  });
  it("survives cycles, never invokes getters, and stops at maxNodes", () => {
    const build = () => {
      const node: Record<string, unknown> = { kind: "node" };
      node["self"] = node;
      Object.defineProperty(node, "boom", { enumerable: true, get: () => { throw new Error("getter invoked"); } });
      return node;
    };
    expect(isStableSchema(build)).toBe(true);
    const wide = () => Array.from({ length: 50 }, (_, i) => ({ i }));
    expect(findInstability(wide(), wide(), { maxNodes: 10 })?.reason).toBe("too large to compare (more than 10 nodes)");
    const deep = (leaf: unknown): unknown => {
      let d = leaf;
      for (let i = 0; i < 20_000; i++) d = [d];
      return d;
    };
    expect(findInstability(deep(0), deep(0))).toBeUndefined();
    expect(findInstability(deep(0), deep(1))?.path).toBe("[0]".repeat(20_000));
  });
});

describe("assertStableSchema on zod 4", () => {
  const inline = () => z.object({ age: z.number().refine((n) => n > 0) });
  const hoisted = () => z.object({ age: z.number().refine(positive) });
  const keyed = (min: number) => () => z.object({ age: z.number().refine(withKey((n) => n > min, ["zod:gt", min])) });

  it("rejects an inline refine predicate, naming its path", () => {
    expect(isStableSchema(inline)).toBe(false);
    expect(() => assertStableSchema(inline, "User")).toThrow("User is not stable: shape.age.checks[0].fn: inline function (recreated on every build): (n) => n > 0.");
  });
  it("accepts a hoisted predicate and withKey, although zod's own per-instance closures differ", () => {
    const [a, b] = [hoisted(), hoisted()];
    expect(a._zod.parse).not.toBe(b._zod.parse); // zod internals are recreated per instance
    expect(isStableSchema(hoisted)).toBe(true);
    expect(isStableSchema(keyed(18))).toBe(true);
  });
  it("sees differences in plain parts of the definition", () => {
    let min = 0;
    expect(findInstability(z.string().min(1), z.string().min(2))?.reason).toBe("different values: 1 vs 2");
    expect(isStableSchema(() => z.number().min(min++))).toBe(false);
  });
  it("walks a large realistic schema without exploding", () => {
    const build = (withLazy: boolean) =>
      z.object({
        id: z.uuid(),
        email: z.email(),
        tags: z.array(z.string().min(1)).max(10),
        address: z.object({ street: z.string(), zip: z.string().regex(/^\d{5}$/) }).optional(),
        role: z.enum(["admin", "user"]),
        meta: z.record(z.string(), z.union([z.string(), z.number()])),
        ...(withLazy ? { nested: z.lazy(() => z.object({ v: z.number() })) } : {}),
        age: z.number().int().refine(positive).transform((n) => n + 0),
      });
    expect(findInstability(build(true), build(true))).toEqual({ path: "shape.nested.getter", reason: expect.stringMatching(/^inline function \(recreated on every build\): \(\) => /) as string });
    expect(findInstability(build(false), build(false))).toEqual({ path: "shape.age.out.transform", reason: "inline function (recreated on every build): (n) => n + 0" });
  });
});

describe("assertStableSchema on valibot", () => {
  it("rejects an inline check and accepts hoisted / withKey ones (skipping valibot's ~run internals)", () => {
    const inline = () => v.object({ age: v.pipe(v.number(), v.check((n) => n > 0)) });
    const hoisted = () => v.object({ age: v.pipe(v.number(), v.check(positive)) });
    const keyed = (min: number) => () => v.object({ age: v.pipe(v.number(), v.check(withKey((n) => n > min, ["valibot:gt", min]))) });
    expect(findInstability(inline(), inline())).toEqual({ path: "entries.age.pipe[1].requirement", reason: "inline function (recreated on every build): (n) => n > 0" });
    expect(isStableSchema(hoisted)).toBe(true);
    expect(isStableSchema(keyed(1))).toBe(true);
  });
});

describe("assertStableSchema on arktype", () => {
  it("arktype interns equal definitions: with a hoisted predicate both builds are the same Type object", () => {
    const hoisted = () => type({ age: type("number").narrow(positive) });
    expect(hoisted()).toBe(hoisted());
    expect(isStableSchema(hoisted)).toBe(true);
  });
  it("an inline predicate registers a new function per build; the path points into the type's json", () => {
    const inline = () => type({ age: type("number").narrow((n) => n > 0) });
    const found = findInstability(inline(), inline());
    expect(found?.path).toBe("json.required[0].value.predicate[0]");
    expect(found?.reason).toMatch(/^arktype type recreated \(different values: "\$ark\.fn\d+" vs "\$ark\.fn\d+"\)/);
  });
  it("withKey makes the predicate the same object, so arktype hits its own cache", () => {
    const keyed = (min: number) => () => type({ age: type("number").narrow(withKey((n: number) => n > min, ["ark:gt", min])) });
    expect(keyed(1)()).toBe(keyed(1)());
    expect(isStableSchema(keyed(1))).toBe(true);
  });
});

describe("assertStableSchema on yup (documented limitation)", () => {
  it("reports yup's per-instance internals even with a hoisted test (yup recreates closures in its constructors)", () => {
    const isPositive = (n: number | undefined): boolean => n !== undefined && n > 0;
    const hoisted = () => yup.object({ age: yup.number().test("pos", "must be positive", isPositive) });
    const found = findInstability(hoisted(), hoisted());
    expect(found?.reason).toContain("inline function");
    expect(found?.path).toBe("internalTests.typeError");
  });
});
