// joi, superstruct, io-ts and TypeBox (0.34 and 1.x).
import { call, captures, moduleLevel, parse, repeated, rule, ruleTester, values } from "./helpers.js";

ruleTester.run("no-inline-predicate: joi", rule, {
  valid: [
    {
      name: "joi custom, external, unique, ref adjust at module level",
      code: `import Joi from "joi";
export const A = Joi.any().custom((v, helpers) => v);
export const B = Joi.string().external(async (v) => v);
export const C = Joi.array().unique((a, b) => a.id === b.id);
export const D = Joi.object({ a: Joi.number(), b: Joi.number().min(Joi.ref("a", { adjust: (v) => v + 1 })) });`,
    },
    {
      name: "joi defaults and error functions are not flagged",
      code: `import Joi from "joi";
export function handler(input: unknown) { return Joi.string().default(() => "x").error((errors) => errors).validate(input); }`,
    },
  ],
  invalid: [
    {
      name: "joi any().custom(fn)",
      code: `import Joi from "joi";
export function handler(input: unknown, allowed: string[]) { return Joi.any().custom((v) => allowed.includes(v)).validate(input); }`,
      errors: [repeated(".custom()", "validator", call("handler"), captures(values("allowed")))],
    },
    {
      name: "joi .external, array().unique(fn), Joi.ref(k, { adjust }), Joi.expression(tpl, { adjust }), Joi.custom",
      code: `import Joi from "joi";
export function handler(input: unknown) {
  Joi.string().external(async (v) => v).validateAsync(input);
  Joi.array().unique((a, b) => a.id === b.id).validate(input);
  Joi.object({ a: Joi.number(), b: Joi.number().min(Joi.ref("a", { adjust: (v) => v + 1 })) }).validate(input);
  Joi.string().default(Joi.expression("{a}", { adjust: (v) => v })).validate(input);
  Joi.custom((v) => v);
}`,
      errors: [
        repeated(".external()", "validator", call("handler")),
        repeated(".unique()", "predicate", call("handler")),
        repeated("Joi.ref()", "transform", call("handler")),
        repeated("Joi.expression()", "transform", call("handler")),
        repeated("Joi.custom()", "validator", call("handler")),
      ],
    },
    {
      name: "joi through require",
      code: `const Joi = require("joi");
export function handler(input: unknown) { return Joi.any().custom((v) => v).validate(input); }`,
      errors: [repeated(".custom()", "validator", call("handler"))],
    },
    {
      name: "joi scope: all",
      code: `import Joi from "joi";
export const A = Joi.any().custom((v) => v);`,
      options: [{ scope: "all" }],
      errors: [moduleLevel(".custom()", "validator")],
    },
  ],
});

ruleTester.run("no-inline-predicate: superstruct", rule, {
  valid: [
    {
      name: "superstruct refine, define, coerce, new Struct at module level",
      code: `import { Struct, coerce, define, number, refine, string } from "superstruct";
export const A = refine(string(), "nonempty", (v) => v.length > 0);
export const B = define<string>("email", (v) => typeof v === "string" && v.includes("@"));
export const C = coerce(number(), string(), (v) => Number(v));
export const D = new Struct<string>({ type: "x", schema: null, validator: (v) => typeof v === "string" });`,
    },
    {
      name: "superstruct lazy and defaulted are not flagged",
      code: `import { assert, defaulted, lazy, string } from "superstruct";
export function handler(input: unknown) { assert(input, lazy(() => defaulted(string(), () => "x"))); }`,
    },
    {
      name: "superstruct dynamic builder without inline closures",
      code: `import { dynamic, number, string } from "superstruct";
export const S = dynamic((value) => (typeof value === "string" ? string() : number()));`,
    },
  ],
  invalid: [
    {
      name: "superstruct refine(struct, name, fn)",
      code: `import { assert, refine, string } from "superstruct";
export function handler(input: unknown, min: number) { assert(input, refine(string(), "min", (v) => v.length > min)); }`,
      errors: [repeated("refine()", "refinement", call("handler"), captures(values("min")))],
    },
    {
      name: "superstruct define and coerce",
      code: `import * as s from "superstruct";
export function handler(input: unknown) { s.assert(input, s.define("email", (v) => typeof v === "string")); return s.create(input, s.coerce(s.number(), s.string(), (v) => Number(v))); }`,
      errors: [repeated("s.define()", "validator", call("handler")), repeated("s.coerce()", "transform", call("handler"))],
    },
    {
      name: "superstruct new Struct({ validator, coercer, refiner })",
      code: `import { Struct } from "superstruct";
export function handler() { return new Struct({ type: "x", schema: null, validator: (v) => true, coercer: (v) => v, refiner: function* () {} }).validate(1); }`,
      errors: [
        repeated("new Struct()", "validator", call("handler")),
        repeated("new Struct()", "validator", call("handler")),
        repeated("new Struct()", "validator", call("handler")),
      ],
    },
    {
      name: "superstruct dynamic builder: a refine inside is per-parse",
      code: `import { dynamic, refine, string } from "superstruct";
export const S = dynamic((value) => refine(string(), "eq", (v) => v === value));`,
      errors: [repeated("refine()", "refinement", parse("dynamic()"), captures(values("value")))],
    },
  ],
});

ruleTester.run("no-inline-predicate: io-ts", rule, {
  valid: [
    {
      name: "io-ts brand, refine, parse, new t.Type at module level",
      code: `import * as t from "io-ts";
import * as D from "io-ts/Decoder";
interface PositiveBrand { readonly Positive: unique symbol }
export const Positive = t.brand(t.number, (n): n is t.Branded<number, PositiveBrand> => n > 0, "Positive");
export const NonEmpty = D.refine((s: string): s is string => s.length > 0, "NonEmpty")(D.string);
export const Num = D.parse((s: string) => D.success(Number(s)));
export const Str = new t.Type<string>("Str", (u): u is string => typeof u === "string", (u, c) => (typeof u === "string" ? t.success(u) : t.failure(u, c)), (a) => a);`,
    },
    {
      name: "io-ts recursion and lazy thunks are not flagged",
      code: `import * as t from "io-ts";
import * as D from "io-ts/Decoder";
export function handler(input: unknown) { return [t.recursion("T", () => t.string).decode(input), D.lazy("T", () => D.string).decode(input)]; }`,
    },
  ],
  invalid: [
    {
      name: "io-ts t.brand(codec, pred, name)",
      code: `import * as t from "io-ts";
interface PositiveBrand { readonly Positive: unique symbol }
export function handler(input: unknown) { return t.brand(t.number, (n): n is t.Branded<number, PositiveBrand> => n > 0, "Positive").decode(input); }`,
      errors: [repeated("t.brand()", "predicate", call("handler"))],
    },
    {
      name: "io-ts D.refine and D.parse",
      code: `import * as D from "io-ts/Decoder";
export function handler(input: unknown) {
  D.refine((s: string): s is string => s.length > 0, "NonEmpty")(D.string).decode(input);
  D.parse((s: string) => D.success(Number(s)))(D.string).decode(input);
}`,
      errors: [repeated("D.refine()", "predicate", call("handler")), repeated("D.parse()", "validator", call("handler"))],
    },
    {
      name: "io-ts new t.Type(name, is, validate, encode)",
      code: `import * as t from "io-ts";
export function handler(input: unknown) {
  return new t.Type<string>("Str", (u): u is string => typeof u === "string", (u, c) => (typeof u === "string" ? t.success(u) : t.failure(u, c)), (a) => a).decode(input);
}`,
      errors: [
        repeated("new t.Type()", "predicate", call("handler")),
        repeated("new t.Type()", "validator", call("handler")),
        repeated("new t.Type()", "transform", call("handler")),
      ],
    },
    {
      name: "io-ts D.map, E.contramap, G.refine, t.refinement",
      code: `import * as t from "io-ts";
import * as D from "io-ts/Decoder";
import * as E from "io-ts/Encoder";
import * as G from "io-ts/Guard";
export function handler(input: unknown) { use(D.map((s: string) => s.length), E.contramap((n: number) => String(n)), G.refine((s: string): s is string => s.length > 0), t.refinement(t.number, (n) => n > 0)); }`,
      errors: [
        repeated("D.map()", "transform", call("handler")),
        repeated("E.contramap()", "transform", call("handler")),
        repeated("G.refine()", "predicate", call("handler")),
        repeated("t.refinement()", "predicate", call("handler")),
      ],
    },
  ],
});

ruleTester.run("no-inline-predicate: TypeBox", rule, {
  valid: [
    {
      name: "TypeBox 0.34 Transform at module level",
      code: `import { Type } from "@sinclair/typebox";
export const NumberFromString = Type.Transform(Type.String()).Decode((s) => Number(s)).Encode((n) => String(n));`,
    },
    {
      name: "TypeBox 1.x Refine, Decode, Encode, Codec at module level (default import)",
      code: `import Type from "typebox";
export const A = Type.Refine(Type.String(), (s) => s.length > 0);
export const B = Type.Decode(Type.String(), (s) => Number(s));
export const C = Type.Encode(Type.Number(), (n) => String(n));
export const D = Type.Codec(Type.String()).Decode((s) => Number(s)).Encode((n) => String(n));`,
    },
    {
      name: "TypeBox Refine message function and Type.Recursive are not flagged",
      code: `import Type from "typebox";
const nonEmpty = (s: string) => s.length > 0;
export function handler() { return [Type.Refine(Type.String(), nonEmpty, () => "empty"), Type.Recursive((This) => Type.Object({ children: Type.Array(This) }))]; }`,
    },
  ],
  invalid: [
    {
      name: "TypeBox 0.34 Type.Transform(s).Decode(fn).Encode(fn)",
      code: `import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
export function handler(input: unknown) { return Value.Decode(Type.Transform(Type.String()).Decode((s) => Number(s)).Encode((n) => String(n)), input); }`,
      errors: [repeated(".Decode()", "transform", call("handler")), repeated(".Encode()", "transform", call("handler"))],
    },
    {
      name: "TypeBox 1.x: Decode from typebox/value decodes data, so the handler is no schema factory (bug fix)",
      code: `import Type from "typebox";
import { Decode } from "typebox/value";
export function handler(input: unknown) { return Decode(Type.Refine(Type.String(), (s) => s.length > 0), input); }`,
      errors: [repeated("Type.Refine()", "predicate", call("handler"))],
    },
    {
      name: "TypeBox 1.x Type.Refine(t, fn) with the default import",
      code: `import Type from "typebox";
import { Value } from "typebox/value";
export function handler(input: unknown, min: number) { return Value.Check(Type.Refine(Type.String(), (s) => s.length > min), input); }`,
      errors: [repeated("Type.Refine()", "predicate", call("handler"), captures(values("min")))],
    },
    {
      name: "TypeBox 1.x Type.Decode(t, fn), Type.Encode(t, fn), Type.Codec(t).Decode(fn)",
      code: `import { Type } from "typebox";
export function handler() {
  use(Type.Decode(Type.String(), (s) => Number(s)), Type.Encode(Type.Number(), (n) => String(n)), Type.Codec(Type.String()).Decode((s) => Number(s)).Encode((n) => String(n)));
}`,
      errors: [
        repeated("Type.Decode()", "transform", call("handler")),
        repeated("Type.Encode()", "transform", call("handler")),
        repeated(".Decode()", "transform", call("handler")),
        repeated(".Encode()", "transform", call("handler")),
      ],
    },
    {
      name: "TypeBox scope: all",
      code: `import Type from "typebox";
export const A = Type.Refine(Type.String(), (s) => s.length > 0);`,
      options: [{ scope: "all" }],
      errors: [moduleLevel("Type.Refine()", "predicate")],
    },
  ],
});

// Slots added by the review of joi 18.3.2, superstruct 2.0.2, io-ts 2.2.22 and @sinclair/typebox
// 0.34.52 / typebox 1.4.3 against their .d.ts (docs/catalogue.md).
ruleTester.run("no-inline-predicate: joi, superstruct, io-ts, TypeBox catalogue review", rule, {
  valid: [
    {
      name: "io-ts G.lazy(f) (arg 0) is memoised: runs once, even with checkFactories",
      code: `import * as G from "io-ts/Guard";
import { pipe } from "fp-ts/function";
export const Name = G.lazy(() => pipe(G.string, G.refine((s): s is string => s.length > 0)));`,
      options: [{ checkFactories: true }],
    },
    {
      name: "TypeBox 0.34 Type.Mapped(keys, fn) calls fn at once: runs once, even with checkFactories",
      code: `import { Type } from "@sinclair/typebox";
export const M = Type.Mapped(Type.Union([Type.Literal("a"), Type.Literal("b")]), () => Type.Transform(Type.String()).Decode((s) => s.trim()).Encode((s) => s));`,
      options: [{ checkFactories: true }],
    },
  ],
  invalid: [
    {
      name: "joi object dependencies with { isPresent }: .and/.or/.xor(…, options), .with/.without(key, peers, options)",
      code: `import Joi from "joi";
export function handler(input: unknown, empty: unknown) {
  Joi.object({ a: Joi.any(), b: Joi.any() }).and("a", "b", { isPresent: (v) => v !== empty }).validate(input);
  return Joi.object({ a: Joi.any(), b: Joi.any() }).with("a", ["b"], { isPresent: (v) => v !== empty }).validate(input);
}`,
      errors: [
        repeated(".and()", "predicate", call("handler"), captures(values("empty"))),
        repeated(".with()", "predicate", call("handler"), captures(values("empty"))),
      ],
    },
    {
      name: "joi .fork(paths, (schema) => …) runs at once: rules added to its schema parameter are traced",
      code: `import Joi from "joi";
export function handler(input: unknown, allowed: string[]) {
  return Joi.object({ a: Joi.string() }).fork(["a"], (s) => s.custom((v) => (allowed.includes(v) ? v : undefined))).validate(input);
}`,
      errors: [repeated(".custom()", "validator", call("handler"), captures(values("allowed")))],
    },
    {
      name: "superstruct struct(name, fn), the deprecated name of define",
      code: `import { assert, struct } from "superstruct";
export function handler(input: unknown, domain: string) { assert(input, struct("email", (v) => typeof v === "string" && v.endsWith(domain))); }`,
      errors: [repeated("struct()", "validator", call("handler"), captures(values("domain")))],
    },
    {
      name: "io-ts D.fromRefinement(fn, expected), C.imap(f, g), C.make({ decode }, { encode })",
      code: `import * as C from "io-ts/Codec";
import * as D from "io-ts/Decoder";
import * as E from "io-ts/Encoder";
export function handler(input: unknown, min: number) {
  D.fromRefinement((u: unknown): u is number => typeof u === "number" && u >= min, "number").decode(input);
  C.imap((n: number) => n * min, (n: number) => n / min)(C.number).decode(input);
  return C.make({ decode: (u: unknown) => D.number.decode(u) }, { encode: (n: number) => String(n) }).decode(input);
}`,
      errors: [
        repeated("D.fromRefinement()", "predicate", call("handler"), captures(values("min"))),
        repeated("C.imap()", "transform", call("handler"), captures(values("min"))),
        repeated("C.imap()", "transform", call("handler"), captures(values("min"))),
        repeated("C.make()", "validator", call("handler")),
        repeated("C.make()", "transform", call("handler")),
      ],
    },
    {
      name: "io-ts D.alt(() => …) runs its thunk on every decode the first decoder fails",
      code: `import * as D from "io-ts/Decoder";
import { pipe } from "fp-ts/function";
export const NumberOrText = pipe(D.number, D.alt(() => pipe(D.string, D.refine((s): s is string => s.length > 0, "Text"))));`,
      errors: [repeated("D.refine()", "predicate", parse("D.alt()"))],
    },
  ],
});
