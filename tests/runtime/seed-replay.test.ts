import { describe, expect, it } from "vitest";
import { assertStableSchema } from "../../lib/runtime/index.js";
import { createRegistry, makeGreet, replaySeed, schemasFor, sourceTextHole, ValidationError } from "../../examples/validated/index.js";

describe("seed replay: a validated function whose schemas are rebuilt on every call", () => {
  const rows = replaySeed(100);
  const row = (variant: string) => rows.find((r) => r.variant === variant);

  it("inline closures: 100 calls miss 100 times per schema and the cache grows by one entry per call and schema", () => {
    expect(row("inline")).toEqual({ variant: "inline", calls: 100, argsMisses: 100, returnMisses: 100, cacheSizeBefore: 2, cacheSizeAfter: 202, stable: false });
  });

  it("hoisted predicates: no miss after warm-up, the cache stays flat", () => {
    expect(row("hoisted")).toEqual({ variant: "hoisted", calls: 100, argsMisses: 0, returnMisses: 0, cacheSizeBefore: 2, cacheSizeAfter: 2, stable: true });
  });

  it("withKey over a captured local: same as hoisted", () => {
    expect(row("withKey")).toEqual({ variant: "withKey", calls: 100, argsMisses: 0, returnMisses: 0, cacheSizeBefore: 2, cacheSizeAfter: 2, stable: true });
  });

  it("assertStableSchema rejects the inline schema with its path and accepts the others", () => {
    expect(() => assertStableSchema(schemasFor("inline", 150).args, "greet args")).toThrow(
      "greet args is not stable: [1][1]: inline function (recreated on every build): (v) => typeof v === \"string\"",
    );
    expect(() => assertStableSchema(schemasFor("hoisted", 150).args, "greet args")).not.toThrow();
    expect(() => assertStableSchema(schemasFor("withKey", 150).args, "greet args")).not.toThrow();
  });

  it("withKey keys cover the captured value: different maxAge never shares a validator", () => {
    const registry = createRegistry();
    const young = makeGreet(registry, "withKey", 30);
    const old = makeGreet(registry, "withKey", 150);
    expect(old("ann", 100)).toBe("hello ann (100)");
    expect(() => young("ann", 100)).toThrow(ValidationError);
    expect(registry.cache.stats()).toMatchObject({ size: 3, misses: 3 }); // two args schemas, one shared return schema
  });

  it("source-text keys answer for the wrong schema; schemaKey + withKey do not (the seed's hole)", () => {
    expect(sourceTextHole()).toEqual({ sourceTextWrong: 1, schemaKeyWrong: 0 });
  });
});
