// effect Schema 3.x (filter, transform, transformOrFail, declare) and 4.x (makeFilter, refine,
// SchemaGetter, SchemaTransformation). `suspend` thunks run once.
import { call, callback, captures, moduleLevel, repeated, rule, ruleTester, values } from "./helpers.js";

ruleTester.run("no-inline-predicate: effect Schema", rule, {
  valid: [
    {
      name: "effect 3 filter, transform, transformOrFail, declare at module level",
      code: `import { ParseResult, Schema } from "effect";
export const Positive = Schema.Number.pipe(Schema.filter((n) => n > 0));
export const NumberFromString = Schema.transform(Schema.String, Schema.Number, { decode: (s) => Number(s), encode: (n) => String(n) });
export const Strict = Schema.transformOrFail(Schema.String, Schema.Number, { decode: (s) => ParseResult.succeed(Number(s)), encode: (n) => ParseResult.succeed(String(n)) });
export const FileSchema = Schema.declare((u: unknown): u is File => u instanceof File);`,
    },
    {
      name: "effect 4 makeFilter, refine, SchemaGetter.transform, SchemaTransformation.transform at module level",
      code: `import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import { SchemaTransformation } from "effect";
export const Positive = Schema.Number.check(Schema.makeFilter((n) => n > 0));
export const One = Schema.Number.pipe(Schema.refine((n): n is 1 => n === 1));
export const A = Schema.String.pipe(Schema.decodeTo(Schema.Number, { decode: SchemaGetter.transform((s) => Number(s)), encode: SchemaGetter.transform((n) => String(n)) }));
export const B = Schema.String.pipe(Schema.decodeTo(Schema.Number, SchemaTransformation.transform({ decode: (s) => Number(s), encode: (n) => String(n) })));`,
    },
    {
      name: "effect Schema.suspend thunk at module level with an inline filter inside (runs once)",
      code: `import { Schema } from "effect";
export const Node = Schema.Struct({ children: Schema.Array(Schema.suspend(() => Schema.String.check(Schema.makeFilter((s) => s.length > 0)))) });`,
    },
    {
      name: "effect Schema.suspend thunk inside a function is not a flagged slot",
      code: `import { Schema } from "effect";
export function handler(input: unknown) { return Schema.decodeUnknownSync(Schema.suspend(() => Schema.String))(input); }`,
    },
    {
      name: "effect hoisted filter inside a function",
      code: `import { Schema } from "effect";
const positive = (n: number) => n > 0;
export function handler(input: unknown) { return Schema.decodeUnknownSync(Schema.Number.pipe(Schema.filter(positive)))(input); }`,
    },
    {
      name: "effect barrel: Stream.filter / Array.filter / Option.filter (not Schema) stay silent (bug fix)",
      code: `import { Array as Arr, Option, Stream, pipe } from "effect";
export function handler(xs: number[], s: Stream.Stream<number>) {
  const a = pipe(xs, Arr.filter((n) => n > 0));
  const b = s.pipe(Stream.filter((n) => n > 0));
  const c = Option.filter(Option.some(1), (n) => n > 0);
  use(a, b, c);
}`,
    },
    {
      name: "effect barrel namespace: E.Array.filter stays silent, and a barrel pipe() is no schema factory",
      code: `import * as E from "effect";
export function handler(xs: number[]) { const kept = E.pipe(xs, E.Array.filter((n) => n > 0)); use(kept); }`,
    },

  ],
  invalid: [
    {
      name: "effect 3 Schema.filter capturing a parameter",
      code: `import { Schema } from "effect";
export function handler(input: unknown, min: number) { return Schema.decodeUnknownSync(Schema.Number.pipe(Schema.filter((n) => n > min)))(input); }`,
      errors: [repeated("Schema.filter()", "predicate", call("handler"), captures(values("min")))],
    },
    {
      name: "effect 3 Schema.transform reports decode and encode",
      code: `import { Schema } from "effect";
export function handler(input: unknown) { return Schema.decodeUnknownSync(Schema.transform(Schema.String, Schema.Number, { decode: (s) => Number(s), encode: (n) => String(n) }))(input); }`,
      errors: [repeated("Schema.transform()", "transform", call("handler")), repeated("Schema.transform()", "transform", call("handler"))],
    },
    {
      name: "effect 3 Schema.transformOrFail",
      code: `import { ParseResult, Schema } from "effect";
export function handler(input: unknown) {
  return Schema.decodeUnknownSync(Schema.transformOrFail(Schema.String, Schema.Number, { strict: true, decode: (s) => ParseResult.succeed(Number(s)), encode: (n) => ParseResult.succeed(String(n)) }))(input);
}`,
      errors: [repeated("Schema.transformOrFail()", "transform", call("handler")), repeated("Schema.transformOrFail()", "transform", call("handler"))],
    },
    {
      name: "effect Schema.declare(is)",
      code: `import { Schema } from "effect";
export function handler(input: unknown) { return Schema.decodeUnknownSync(Schema.declare((u: unknown): u is File => u instanceof File))(input); }`,
      errors: [repeated("Schema.declare()", "predicate", call("handler"))],
    },
    {
      name: "effect 3 Schema.filterEffect is a refinement",
      code: `import { Effect, Schema } from "effect";
export function handler(input: unknown) { return Schema.decodeUnknown(Schema.Number.pipe(Schema.filterEffect((n) => Effect.succeed(n > 0))))(input); }`,
      errors: [repeated("Schema.filterEffect()", "refinement", call("handler"))],
    },
    {
      name: "effect 4 Schema.makeFilter inside .check (import * as Schema from effect/Schema)",
      code: `import * as Schema from "effect/Schema";
export function handler(input: unknown) { return Schema.decodeUnknownSync(Schema.Number.check(Schema.makeFilter((n) => n > 0)))(input); }`,
      errors: [repeated("Schema.makeFilter()", "predicate", call("handler"))],
    },
    {
      name: "effect 4 Schema.refine",
      code: `import { Schema } from "effect";
export function handler(input: unknown) { return Schema.decodeUnknownSync(Schema.Number.pipe(Schema.refine((n): n is 1 => n === 1)))(input); }`,
      errors: [repeated("Schema.refine()", "predicate", call("handler"))],
    },
    {
      name: "effect 4 SchemaGetter.transform getters",
      code: `import { Schema, SchemaGetter } from "effect";
export function handler(input: unknown) {
  return Schema.decodeUnknownSync(Schema.String.pipe(Schema.decodeTo(Schema.Number, { decode: SchemaGetter.transform((s) => Number(s)), encode: SchemaGetter.transform((n) => String(n)) })))(input);
}`,
      errors: [repeated("SchemaGetter.transform()", "transform", call("handler")), repeated("SchemaGetter.transform()", "transform", call("handler"))],
    },
    {
      name: "effect 4 SchemaTransformation.transform({ decode, encode })",
      code: `import * as Schema from "effect/Schema";
import * as SchemaTransformation from "effect/SchemaTransformation";
export function handler(input: unknown) {
  return Schema.decodeUnknownSync(Schema.String.pipe(Schema.decodeTo(Schema.Number, SchemaTransformation.transform({ decode: (s) => Number(s), encode: (n) => String(n) }))))(input);
}`,
      errors: [repeated("SchemaTransformation.transform()", "transform", call("handler")), repeated("SchemaTransformation.transform()", "transform", call("handler"))],
    },
    {
      name: "effect barrel: Effect.suspend is not Schema.suspend (its thunk runs every time the effect runs)",
      code: `import { Effect, Schema } from "effect";
export const program = Effect.suspend(() => Effect.succeed(Schema.decodeUnknownSync(Schema.Number.pipe(Schema.filter((n) => n > 0)))(1)));`,
      errors: [repeated("Schema.filter()", "predicate", callback("Effect.suspend"))],
    },
    {
      name: "effect barrel namespace: E.Schema.filter is still traced",
      code: `import * as E from "effect";
export function handler(input: unknown) { return E.Schema.decodeUnknownSync(E.Schema.Number.pipe(E.Schema.filter((n) => n > 0)))(input); }`,
      errors: [repeated("E.Schema.filter()", "predicate", call("handler"))],
    },
    {
      name: "effect barrel through require destructuring: { Schema, Stream }",
      code: `const { Schema, Stream } = require("effect");
export function handler(input: unknown, s: any) { s.pipe(Stream.filter((n: number) => n > 0)); return Schema.decodeUnknownSync(Schema.Number.pipe(Schema.filter((n: number) => n > 0)))(input); }`,
      errors: [repeated("Schema.filter()", "predicate", call("handler"))],
    },
    {
      name: "effect/Schema named imports are builders (not the barrel)",
      code: `import { Number as Num, decodeUnknownSync, filter } from "effect/Schema";
export function handler(input: unknown) { return decodeUnknownSync(Num.pipe(filter((n) => n > 0)))(input); }`,
      errors: [repeated("filter()", "predicate", call("handler"))],
    },
    {
      name: "legacy @effect/schema package",
      code: `import * as S from "@effect/schema/Schema";
export function handler(input: unknown) { return S.decodeUnknownSync(S.Number.pipe(S.filter((n) => n > 0)))(input); }`,
      errors: [repeated("S.filter()", "predicate", call("handler"))],
    },
    {
      name: "effect Schema.suspend inside a function: the inline filter re-runs with the function",
      code: `import { Schema } from "effect";
export function handler(input: unknown) { return Schema.decodeUnknownSync(Schema.suspend(() => Schema.Number.pipe(Schema.filter((n) => n > 0))))(input); }`,
      errors: [repeated("Schema.filter()", "predicate", call("handler"))],
    },
    {
      name: "effect scope: all",
      code: `import { Schema } from "effect";
export const Positive = Schema.Number.pipe(Schema.filter((n) => n > 0));`,
      options: [{ scope: "all" }],
      errors: [moduleLevel("Schema.filter()", "predicate")],
    },
  ],
});

// Slots added by the review of effect 3.22.4 and 4.1.0 (Schema, SchemaGetter, SchemaTransformation)
// against their .d.ts (docs/catalogue.md).
ruleTester.run("no-inline-predicate: effect catalogue review", rule, {
  valid: [
    {
      name: "effect 3 ParseResult.map(result, f) inside a decode: the callback runs at once and no schema keeps it",
      code: `import { ParseResult, Schema } from "effect";
export const N = Schema.transformOrFail(Schema.String, Schema.Number, {
  decode: (s) => ParseResult.map(ParseResult.decodeUnknown(Schema.NumberFromString)(s), (n) => n * 2),
  encode: (n) => ParseResult.succeed(String(n)),
});`,
    },
  ],
  invalid: [
    {
      name: "effect 3 data-last Schema.transform(to, { decode, encode }) / transformOrFail(to, { … })",
      code: `import { ParseResult, Schema } from "effect";
export function handler(input: unknown, base: number) {
  Schema.decodeUnknownSync(Schema.String.pipe(Schema.transform(Schema.Number, { decode: (s) => Number(s) + base, encode: (n) => String(n) })))(input);
  return Schema.decodeUnknownSync(Schema.String.pipe(Schema.transformOrFail(Schema.Number, { decode: (s) => ParseResult.succeed(Number(s)), encode: (n) => ParseResult.succeed(String(n)) })))(input);
}`,
      errors: [
        repeated("Schema.transform()", "transform", call("handler"), captures(values("base"))),
        repeated("Schema.transform()", "transform", call("handler")),
        repeated("Schema.transformOrFail()", "transform", call("handler")),
        repeated("Schema.transformOrFail()", "transform", call("handler")),
      ],
    },
    {
      name: "effect 3 data-first Schema.filterEffect(self, f)",
      code: `import { Effect, Schema } from "effect";
export function handler(input: unknown, taken: string[]) {
  return Schema.decodeUnknownSync(Schema.filterEffect(Schema.String, (s) => Effect.succeed(!taken.includes(s))))(input);
}`,
      errors: [repeated("Schema.filterEffect()", "refinement", call("handler"), captures(values("taken")))],
    },
    {
      name: "effect 4 catchDecodingWithContext, catchEncodingWithContext, SchemaGetter.transformOptionalEffect/fail, new SchemaTransformation.Middleware",
      code: `import { Effect, Option, Schema, SchemaGetter, SchemaTransformation, SchemaIssue } from "effect";
export function handler(input: unknown, fallback: string) {
  Schema.String.pipe(Schema.catchDecodingWithContext(() => Effect.succeed(Option.some(fallback))));
  Schema.String.pipe(Schema.catchEncodingWithContext(() => Effect.succeed(Option.some(fallback))));
  SchemaGetter.transformOptionalEffect((o: Option.Option<string>) => Effect.succeed(o));
  SchemaGetter.fail((o) => new SchemaIssue.MissingKey(undefined));
  new SchemaTransformation.Middleware((e) => e, (e) => e);
}`,
      errors: [
        repeated("Schema.catchDecodingWithContext()", "transform", call("handler"), captures(values("fallback"))),
        repeated("Schema.catchEncodingWithContext()", "transform", call("handler"), captures(values("fallback"))),
        repeated("SchemaGetter.transformOptionalEffect()", "transform", call("handler")),
        repeated("SchemaGetter.fail()", "validator", call("handler")),
        repeated("new SchemaTransformation.Middleware()", "transform", call("handler")),
        repeated("new SchemaTransformation.Middleware()", "transform", call("handler")),
      ],
    },
    {
      name: "effect JSON revivers and replacers: 3.x Schema.parseJson, 4.x Schema.fromJsonString, SchemaGetter.parseJson/stringifyJson, SchemaTransformation.fromJsonString",
      code: `import { Schema, SchemaGetter, SchemaTransformation } from "effect";
export function handler(skip: string) {
  Schema.parseJson(Schema.Unknown, { reviver: (k, v) => (k === skip ? undefined : v) });
  Schema.fromJsonString(Schema.Unknown, { replacer: (k, v) => (k === skip ? undefined : v) });
  SchemaGetter.parseJson({ reviver: (k, v) => v });
  SchemaGetter.stringifyJson({ replacer: (k, v) => v });
  SchemaTransformation.fromJsonString({ reviver: (k, v) => v });
}`,
      errors: [
        repeated("Schema.parseJson()", "transform", call("handler"), captures(values("skip"))),
        repeated("Schema.fromJsonString()", "transform", call("handler"), captures(values("skip"))),
        repeated("SchemaGetter.parseJson()", "transform", call("handler")),
        repeated("SchemaGetter.stringifyJson()", "transform", call("handler")),
        repeated("SchemaTransformation.fromJsonString()", "transform", call("handler")),
      ],
    },
    {
      name: "effect 3 default thunks (withConstructorDefault, optionalWith { default }): a closure created in the thunk re-runs with it",
      code: `import { Schema } from "effect";
export const A = Schema.optionalWith(Schema.String, { default: () => Schema.decodeSync(Schema.String.pipe(Schema.filter((s) => s.length > 0)))("x") });
export const B = Schema.propertySignature(Schema.String).pipe(Schema.withConstructorDefault(() => Schema.decodeSync(Schema.String.pipe(Schema.filter((s) => s !== "")))("y")));`,
      errors: [
        repeated("Schema.filter()", "predicate", "on every call of the default thunk passed to `Schema.optionalWith()`"),
        repeated("Schema.filter()", "predicate", "on every call of the default thunk passed to `Schema.withConstructorDefault()`"),
      ],
    },
  ],
});
