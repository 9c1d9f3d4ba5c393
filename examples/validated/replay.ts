// The seed incident, replayed: one validated function, written three ways, called 100 times.
//   inline  — schemas hold inline closures, rebuilt on every call: one miss (and one entry) per call
//   hoisted — predicates hoisted to module scope: one miss per schema, the cache stays flat
//   withKey — predicates capture a local (maxAge) and are wrapped in withKey: same as hoisted
// plus the seed's correctness hole: keys made from source text alone let `(x) => x <= maxAge` for
// different maxAge share one entry, so a validator answers for the wrong schema.
import { assertStableSchema, withKey } from "../../lib/runtime/index.js";
import { createRegistry, defn, type Registry } from "./defn.js";
import { compile, type Schema, type Validator } from "./dsl.js";

export type Variant = "inline" | "hoisted" | "withKey";

const isString = (v: unknown): boolean => typeof v === "string";
const isAdultAge = (v: unknown): boolean => typeof v === "number" && v >= 18;

/** The argument and return schemas of `greet(name, age)` for each variant (maxAge is a local). */
export function schemasFor(variant: Variant, maxAge: number): { args: () => Schema; ret: () => Schema } {
  switch (variant) {
    case "inline":
      return {
        args: () => ["tuple", ["fn", (v) => typeof v === "string"], ["and", ["int", { min: 0 }], ["fn", (v) => (v as number) <= maxAge]]],
        ret: () => ["fn", (v) => typeof v === "string"],
      };
    case "hoisted":
      return {
        args: () => ["tuple", ["fn", isString], ["and", ["int", { min: 0 }], ["int", { max: maxAge }]]],
        ret: () => ["fn", isString],
      };
    case "withKey":
      return {
        args: () => ["tuple", ["fn", isString], ["and", ["int", { min: 0 }], ["fn", withKey((v: unknown) => (v as number) <= maxAge, ["greet:maxAge", maxAge])]]],
        ret: () => ["fn", isString],
      };
  }
}

export function makeGreet(registry: Registry, variant: Variant, maxAge = 150): (name: string, age: number) => string {
  const { args, ret } = schemasFor(variant, maxAge);
  return defn(registry, args, ret, (name: string, age: number) => `hello ${name} (${age})`);
}

export interface ReplayRow {
  variant: Variant;
  calls: number;
  /** Misses of the argument schema ("tuple") and of the return schema ("fn"). */
  argsMisses: number;
  returnMisses: number;
  cacheSizeBefore: number;
  cacheSizeAfter: number;
  /** assertStableSchema accepted both schemas. */
  stable: boolean;
}

function isStable(build: () => Schema): boolean {
  try {
    assertStableSchema(build);
    return true;
  } catch {
    return false;
  }
}

/** Call greet `calls` times per variant, each variant with its own registry; report the table. */
export function replaySeed(calls = 100): ReplayRow[] {
  return (["inline", "hoisted", "withKey"] as const).map((variant) => {
    const registry = createRegistry();
    // "App load": one call warms the cache, like the seed's registry after start-up.
    const greet = makeGreet(registry, variant);
    greet("warm-up", 30);
    const cacheSizeBefore = registry.cache.stats().size;
    registry.missesByName.clear();
    for (let i = 0; i < calls; i++) greet(`user${i}`, 20 + (i % 50));
    const { args, ret } = schemasFor(variant, 150);
    return {
      variant,
      calls,
      argsMisses: registry.missesByName.get("tuple") ?? 0,
      returnMisses: registry.missesByName.get("fn") ?? 0,
      cacheSizeBefore,
      cacheSizeAfter: registry.cache.stats().size,
      stable: isStable(args) && isStable(ret),
    };
  });
}

/**
 * The seed's hole: a cache keyed by source text (Function.prototype.toString) instead of schemaKey.
 * Validates age 100 against maxAge 150 and then maxAge 50, with inline closures: returns how many
 * answers were wrong with source-text keys and with schemaKey + withKey.
 */
export function sourceTextHole(): { sourceTextWrong: number; schemaKeyWrong: number } {
  const bySource = new Map<string, Validator>();
  const sourceKey = (schema: Schema): string =>
    JSON.stringify(schema, (_k, v: unknown) => (typeof v === "function" ? v.toString() : v));
  const naive = (schema: Schema): Validator => {
    const key = sourceKey(schema);
    let validator = bySource.get(key);
    if (validator === undefined) bySource.set(key, (validator = compile(schema)));
    return validator;
  };
  const registry = createRegistry();
  let sourceTextWrong = 0;
  let schemaKeyWrong = 0;
  for (const maxAge of [150, 50]) {
    const expected = 100 <= maxAge;
    const inlineArgs = schemasFor("inline", maxAge).args();
    if (naive(inlineArgs)(["ann", 100]) !== expected) sourceTextWrong++;
    const keyedArgs = schemasFor("withKey", maxAge).args();
    if (registry.validator(keyedArgs)(["ann", 100]) !== expected) schemaKeyWrong++;
  }
  return { sourceTextWrong, schemaKeyWrong };
}
