// What is reported: the outermost construction of every catalogue library once (never its children),
// the expensive compile calls (ajv, TypeBox), and where nothing is reported (every exemption).
import { ajvCompileLabel, ajvNewLabel, call, callback, compiled, detectionOnly, loop, parse, rebuilt, rule, tester, typeboxLabel } from "./helpers.js";
import type { Invalid, Valid } from "./helpers.js";

const valid: Valid[] = [
  {
    name: "module level: built once",
    code: `import { z } from "zod";\nexport const User = z.object({ name: z.string().min(1) });`,
  },
  {
    name: "uses are not constructions: parse, safeParse, z.toJSONSchema, z.prettifyError, v.parse",
    code: `import { z } from "zod";
import * as v from "valibot";
const User = z.object({ name: z.string() });
const V = v.object({ a: v.string() });
export function handle(input: unknown) {
  const result = User.safeParse(input);
  if (!result.success) return z.prettifyError(result.error);
  v.parse(V, input);
  return [User.parse(input), z.toJSONSchema(User), z.treeifyError(result.error)];
}`,
  },
  {
    name: "zod configuration calls are not schemas: z.config(), z.locales.en(), z.registry()",
    code: `import { z } from "zod";
export function setup() { z.config(z.locales.en()); const r = z.registry(); return r; }`,
  },
  {
    name: "schema factories themselves (a function that builds and returns the schema)",
    code: `import { z } from "zod";
export function makeRange(min: number, max: number) { return z.number().min(min).max(max); }
export const Range = makeRange(0, 10);`,
  },
  {
    name: "schema factories returning an object of schemas",
    code: `import * as v from "valibot";
export const makeForm = (t: (k: string) => string) => ({ name: v.pipe(v.string(), v.minLength(1, t("name"))) });`,
  },
  {
    name: "recursive getters in shapes are evaluated once per schema",
    code: `import { z } from "zod";
export const Node = z.object({ name: z.string(), get children() { return z.array(Node); } });`,
  },
  {
    name: "z.lazy and effect Schema.suspend thunks are memoised",
    code: `import { z } from "zod";
import { Schema } from "effect";
export const Tree = z.lazy(() => z.object({ kids: z.array(Tree) }));
export const ETree = Schema.Struct({ kids: Schema.Array(Schema.suspend(() => Schema.String)) });`,
  },
  {
    name: "memo callbacks: useMemo, useState initialiser, schemaFactory",
    code: `import { z } from "zod";
import { useMemo, useState } from "react";
import { schemaFactory } from "stable-schema";
const byMax = schemaFactory((max: number) => z.string().max(max));
export function Field({ max }: { max: number }) {
  const schema = useMemo(() => z.string().max(max), [max]);
  const [initial] = useState(() => z.string().min(1));
  return <input data-a={String(schema)} data-b={String(initial)} data-c={String(byMax(max))} />;
}`,
  },
  {
    name: "look-alikes not traced to a library: toast.custom, Array.filter, a local `object()`",
    code: `const object = (x: unknown) => x;
export function f(toast: { custom(x: unknown): void }, list: number[]) {
  toast.custom(() => null);
  return [list.filter((n) => n > 0), object({ a: 1 })];
}`,
  },
  {
    name: "shadowed library name: a parameter called z",
    code: `import { z as zod } from "zod";
export const S = zod.string();
export function f(z: { object(x: unknown): unknown }) { return z.object({}); }`,
  },
  {
    name: "yup: deriving from the schema a when() builder receives is the builder's job",
    code: `import * as yup from "yup";
export const Form = yup.object({ b: yup.boolean(), a: yup.string().when("b", (b, schema) => (b[0] ? schema.required() : schema)) });`,
  },
  {
    name: "ajv: compiling a schema that is not fresh (a parameter or a module-level object) hits the cache",
    code: `import Ajv from "ajv";
const ajv = new Ajv();
const schema = { type: "object" };
export function check(s: object, data: unknown) { return ajv.validate(s, data) && ajv.compile(schema)(data); }
export function lookup() { return ajv.getSchema("user"); }`,
  },
  {
    name: "TypeBox: checking with a compiled validator is a use",
    code: `import { Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
const C = TypeCompiler.Compile(Type.Object({ a: Type.String() }));
export function check(x: unknown) { return C.Check(x) && [...C.Errors(x)].length === 0; }`,
  },
  {
    name: "effect: ParseResult helpers inside a transform are not schemas",
    code: `import { Schema, ParseResult } from "effect";
export const N = Schema.transformOrFail(Schema.String, Schema.Number, {
  decode: (s, _, ast) => (Number.isNaN(Number(s)) ? ParseResult.fail(new ParseResult.Type(ast, s)) : ParseResult.succeed(Number(s))),
  encode: (n) => ParseResult.succeed(String(n)),
});`,
  },
  {
    name: "z.validate(S, x) is a use: the function around it is no factory, and nothing is built",
    code: `import { z } from "zod";
const ipv4 = z.ipv4();
const isIp = (host: string) => z.validate(ipv4, host);
export function check(host: string) { return isIp(host); }`,
  },
  {
    name: "TypeBox guards and system helpers build nothing (Type.IsString, Locale.Get from typebox/system)",
    code: `import Type from "typebox";
import { Locale } from "typebox/system";
export function message(error: object, schema: unknown) { return Type.IsString(schema) ? Locale.Get()(error as never) : ""; }`,
  },
  {
    name: "an immediately invoked function runs once",
    code: `import { z } from "zod";\nexport const S = (() => z.object({ a: z.string() }))();`,
  },
  {
    name: "checkFactories: false (default): a factory called only at module level is silent",
    code: `import { z } from "zod";
function build(max: number) { return z.string().max(max); }
export const Short = build(10);
export const Long = build(1000);`,
  },
];

const invalid: Invalid[] = [
  {
    name: "zod: once per outermost expression, at its start, never for its children",
    code: `import { z } from "zod";
export function handler(body: unknown) {
  return z.object({ name: z.string().min(1), tags: z.array(z.string()) }).strict().parse(body);
}`,
    errors: [rebuilt("z.object()", "zod", call("handler"), { line: 3, column: 10 })],
  },
  {
    name: "zod mini and named imports",
    code: `import * as zm from "zod/mini";
import { object, string } from "zod";
export const h = (x: unknown) => [zm.parse(zm.object({ a: zm.string() }), x), object({ b: string() }).parse(x)];`,
    errors: [rebuilt("zm.object()", "zod", call("h"), { column: 44 }), rebuilt("object()", "zod", call("h"), { column: 79 })],
  },
  {
    name: "zod: extending a module-level schema builds a new one",
    code: `import { z } from "zod";
const Base = z.object({ id: z.string() });
export const h = (x: unknown) => Base.extend({ name: z.string() }).parse(x);`,
    errors: [rebuilt(".extend()", "zod", call("h"))],
  },
  {
    name: "valibot",
    code: `import * as v from "valibot";
export function h(x: unknown) { return v.parse(v.object({ a: v.pipe(v.string(), v.email()) }), x); }`,
    errors: [rebuilt("v.object()", "valibot", call("h"))],
  },
  {
    name: "valibot: v.lazy getters run on every parse",
    code: `import * as v from "valibot";
import { Item } from "./item";
export const List = v.object({ items: v.lazy(() => v.array(Item)) });`,
    errors: [rebuilt("v.array()", "valibot", parse("v.lazy()"))],
  },
  {
    name: "yup, including a schema built inside a when() builder (per validate)",
    code: `import * as yup from "yup";
export function validate(x: unknown) { return yup.object({ a: yup.string().required() }).validateSync(x); }
export const F = yup.object({ b: yup.boolean(), c: yup.mixed().when("b", ([b]) => (b ? yup.string().email() : yup.string())) });`,
    errors: [
      rebuilt("yup.object()", "yup", call("validate"), { line: 2 }),
      rebuilt("yup.string()", "yup", parse(".when()"), { line: 3, column: 88 }),
      rebuilt("yup.string()", "yup", parse(".when()"), { line: 3, column: 111 }),
    ],
  },
  {
    name: "arktype: type() and scope() inside a function",
    code: `import { type, scope } from "arktype";
export function h(x: unknown) { type({ name: "string" })(x); scope({ id: "string" }).export(); }`,
    errors: [rebuilt("type()", "arktype", call("h"), { column: 33 }), rebuilt("scope()", "arktype", call("h"), { column: 62 })],
  },
  {
    name: "effect Schema (v3 and v4 namespace forms)",
    code: `import { Schema } from "effect";
import * as S from "effect/Schema";
export function h(x: unknown) { Schema.decodeUnknownSync(Schema.Struct({ a: Schema.String }))(x); return S.is(S.Struct({ b: S.Number }))(x); }`,
    errors: [rebuilt("Schema.Struct()", "effect Schema", call("h"), { column: 58 }), rebuilt("S.Struct()", "effect Schema", call("h"), { column: 111 })],
  },
  {
    name: "joi, superstruct, io-ts",
    code: `import Joi from "joi";
import { object as sobject, string as sstring, assert } from "superstruct";
import * as t from "io-ts";
export function h(x: unknown) {
  Joi.object({ a: Joi.string() }).validate(x);
  assert(x, sobject({ a: sstring() }));
  return t.type({ a: t.string }).decode(x);
}`,
    errors: [
      rebuilt("Joi.object()", "joi", call("h"), { line: 5 }),
      rebuilt("sobject()", "superstruct", call("h"), { line: 6 }),
      rebuilt("t.type()", "io-ts", call("h"), { line: 7 }),
    ],
  },
  {
    name: "TypeBox: Type builders, and TypeCompiler.Compile (0.34) reported once at the compile",
    code: `import { Type } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { User } from "./user";
export function h(x: unknown) {
  const T = Type.Object({ a: Type.String() });
  return TypeCompiler.Compile(Type.Object({ b: Type.Number() })).Check(x) && TypeCompiler.Compile(User).Check(x) && T;
}`,
    errors: [
      rebuilt("Type.Object()", "TypeBox", call("h"), { line: 5 }),
      compiled("TypeCompiler.Compile()", typeboxLabel, call("h"), { line: 6, column: 10 }),
      compiled("TypeCompiler.Compile()", typeboxLabel, call("h"), { line: 6, column: 78 }),
    ],
  },
  {
    name: "TypeBox 1.x: Compile from typebox/compile",
    code: `import Type from "typebox";
import { Compile } from "typebox/compile";
export const check = (x: unknown) => Compile(Type.Object({ a: Type.String() })).Check(x);`,
    errors: [compiled("Compile()", typeboxLabel, call("check"))],
  },
  {
    name: "ajv: compile / validate of a fresh object, and new Ajv() inside a function",
    code: `import Ajv from "ajv";
const ajv = new Ajv();
export function h(data: unknown) {
  const schema = { type: "object", properties: { a: { type: "string" } } };
  ajv.compile(schema);
  ajv.validate({ type: "string" }, data);
  return new Ajv({ allErrors: true }).compile({ type: "number" })(data);
}`,
    errors: [
      compiled("ajv.compile()", ajvCompileLabel, call("h"), { line: 5 }),
      compiled("ajv.validate()", ajvCompileLabel, call("h"), { line: 6 }),
      compiled(".compile()", ajvCompileLabel, call("h"), { line: 7 }),
    ],
  },
  {
    name: "ajv: a new instance per call compiling a parameter is still reported (the instance)",
    code: `import Ajv2020 from "ajv/dist/2020";
export function h(schema: object, data: unknown) { return new Ajv2020().validate(schema, data); }`,
    errors: [compiled("new Ajv2020()", ajvNewLabel, call("h"))],
  },
  {
    name: "CommonJS require",
    filename: "file.js",
    code: `const { z } = require("zod");
module.exports = function handler(x) { return z.string().parse(x); };`,
    errors: [rebuilt("z.string()", "zod", call("handler"))],
  },
  {
    name: "where it re-runs: component, handler callback, map callback, loop, class field",
    code: `import { z } from "zod";
export function Form() { return <input onChange={(e) => z.string().parse(e.target.value)} />; }
export const all = (xs: unknown[]) => xs.map((x) => z.number().parse(x));
for (const x of [1, 2]) z.number().parse(x);
export class Store { schema = z.string(); }`,
    errors: [
      rebuilt("z.string()", "zod", "on every call of the `onChange` handler", { line: 2 }),
      rebuilt("z.number()", "zod", callback("xs.map"), { line: 3 }),
      rebuilt("z.number()", "zod", loop("for…of", 4), { line: 4 }),
      rebuilt("z.string()", "zod", "for every instance of `Store`", { line: 5 }),
    ],
  },
  {
    name: "a hook (exempt from the factory exemption: it runs on every render)",
    code: `import { z } from "zod";
export function useSchema() { return z.object({ a: z.string() }); }`,
    errors: [rebuilt("z.object()", "zod", call("useSchema"))],
  },
  {
    name: "a schema built inside a refinement runs on every parse",
    code: `import { z } from "zod";
export const S = z.string().refine((s) => z.string().email().safeParse(s).success);`,
    errors: [rebuilt("z.string()", "zod", "on every call of the predicate passed to `.refine()`", { column: 43 })],
  },
  {
    name: "checkFactories: true reports inside factories",
    options: [{ checkFactories: true }],
    code: `import { z } from "zod";
export function makeRange(min: number) { return z.number().min(min); }`,
    errors: [rebuilt("z.number()", "zod", call("makeRange"))],
  },
  {
    name: "module map: a re-exporting module",
    settings: { "stable-schema": { modules: { "@/lib/zod": "zod" } } },
    code: `import { z } from "@/lib/zod";
export const h = (x: unknown) => z.string().parse(x);`,
    errors: [rebuilt("z.string()", "zod", call("h"))],
  },
];

tester.run("no-schema-in-function: detection", rule, { valid: valid.map(detectionOnly), invalid: invalid.map(detectionOnly) });
