// `npm run bench:schema-build`: what `no-schema-in-function` is about — building (or compiling) a schema
// on every call versus once at module level, per library, on the same workload: a 7-field object
// schema (strings with length/format checks, an integer range, an enum, an array, a nested object),
// parsing one valid value per call.
//
// For each library the two variants run interleaved, round by round (A, B, A, B, …), each round timed by
// process CPU time (user + system: the clock to trust on a shared machine); the ratio reported is the
// median of the per-round ratios, so both sides see the same machine load. Retained heap is measured
// after 500 per-call builds on one warm instance (ajv keeps every fresh schema it compiled).
//
// Options: --rounds N (default 7), --round-ms M (default 150), --only zod,ajv,… (a subset).
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as z from "zod";
import * as zm from "zod/mini";
import * as v from "valibot";
import * as yup from "yup";
import { type } from "arktype";
import { Schema } from "effect";
import Joi from "joi";
import * as ss from "superstruct";
import * as t from "io-ts";
import { isRight } from "fp-ts/lib/Either.js";
import Type from "typebox";
import { Compile } from "typebox/compile";
import { Type as Type034 } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import Ajv from "ajv";
import { fmtOps, table } from "./runtime/harness.mjs";

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, "round-ms": { type: "string", default: "150" }, only: { type: "string" } },
});
const rounds = Number(args.rounds);
const roundMs = Number(args["round-ms"]);
const only = args.only ? new Set(args.only.split(",")) : undefined;

setFlagsFromString("--expose-gc");
const gc = /** @type {() => void} */ (runInNewContext("gc"));

const value = {
  id: "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b",
  email: "ada@example.com",
  name: "Ada",
  age: 36,
  role: "admin",
  tags: ["a", "b"],
  address: { city: "London", zip: "12345" },
};
const roles = ["admin", "editor", "viewer"];

const ajv = new Ajv();
const jsonSchema = () => ({
  type: "object",
  properties: {
    id: { type: "string", minLength: 36, maxLength: 36 },
    email: { type: "string", pattern: "^[^@]+@[^@]+$" },
    name: { type: "string", minLength: 1, maxLength: 100 },
    age: { type: "integer", minimum: 0, maximum: 150 },
    role: { enum: roles },
    tags: { type: "array", items: { type: "string" } },
    address: { type: "object", properties: { city: { type: "string" }, zip: { type: "string", pattern: "^[0-9]{5}$" } }, required: ["city", "zip"] },
  },
  required: ["id", "email", "name", "age", "role", "tags", "address"],
});

/** Per library: `build()` returns what a handler would build per call, `parse(built, value)` uses it. */
const libraries = [
  {
    name: "zod 4 classic",
    id: "zod",
    build: () =>
      z.object({
        id: z.string().length(36),
        email: z.string().email(),
        name: z.string().min(1).max(100),
        age: z.number().int().min(0).max(150),
        role: z.enum(roles),
        tags: z.array(z.string()),
        address: z.object({ city: z.string(), zip: z.string().regex(/^[0-9]{5}$/) }),
      }),
    parse: (s, x) => s.parse(x),
  },
  {
    name: "zod/mini",
    id: "zod-mini",
    build: () =>
      zm.object({
        id: zm.string().check(zm.length(36)),
        email: zm.email(),
        name: zm.string().check(zm.minLength(1), zm.maxLength(100)),
        age: zm.int().check(zm.minimum(0), zm.maximum(150)),
        role: zm.enum(roles),
        tags: zm.array(zm.string()),
        address: zm.object({ city: zm.string(), zip: zm.string().check(zm.regex(/^[0-9]{5}$/)) }),
      }),
    parse: (s, x) => zm.parse(s, x),
  },
  {
    name: "valibot 1",
    id: "valibot",
    build: () =>
      v.object({
        id: v.pipe(v.string(), v.length(36)),
        email: v.pipe(v.string(), v.email()),
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
        age: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(150)),
        role: v.picklist(roles),
        tags: v.array(v.string()),
        address: v.object({ city: v.string(), zip: v.pipe(v.string(), v.regex(/^[0-9]{5}$/)) }),
      }),
    parse: (s, x) => v.parse(s, x),
  },
  {
    name: "yup 1",
    id: "yup",
    build: () =>
      yup.object({
        id: yup.string().length(36).required(),
        email: yup.string().email().required(),
        name: yup.string().min(1).max(100).required(),
        age: yup.number().integer().min(0).max(150).required(),
        role: yup.string().oneOf(roles).required(),
        tags: yup.array(yup.string().required()).required(),
        address: yup.object({ city: yup.string().required(), zip: yup.string().matches(/^[0-9]{5}$/).required() }),
      }),
    parse: (s, x) => s.validateSync(x),
  },
  {
    name: "arktype 2",
    id: "arktype",
    build: () =>
      type({
        id: "string == 36",
        email: "string.email",
        name: "0 < string <= 100",
        age: "0 <= number.integer <= 150",
        role: "'admin' | 'editor' | 'viewer'",
        tags: "string[]",
        address: { city: "string", zip: /^[0-9]{5}$/ },
      }),
    parse: (s, x) => s.assert(x),
  },
  {
    name: "effect 4 Schema",
    id: "effect",
    build: () => {
      const S = Schema.Struct({
        id: Schema.String.check(Schema.isBetweenLength(36, 36)),
        email: Schema.String.check(Schema.isPattern(/^[^@]+@[^@]+$/)),
        name: Schema.String.check(Schema.isBetweenLength(1, 100)),
        age: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 150 })),
        role: Schema.Literals(roles),
        tags: Schema.Array(Schema.String),
        address: Schema.Struct({ city: Schema.String, zip: Schema.String.check(Schema.isPattern(/^[0-9]{5}$/)) }),
      });
      return Schema.decodeUnknownSync(S);
    },
    parse: (decode, x) => decode(x),
  },
  {
    name: "joi 18",
    id: "joi",
    build: () =>
      Joi.object({
        id: Joi.string().length(36).required(),
        email: Joi.string().email().required(),
        name: Joi.string().min(1).max(100).required(),
        age: Joi.number().integer().min(0).max(150).required(),
        role: Joi.string().valid(...roles).required(),
        tags: Joi.array().items(Joi.string()).required(),
        address: Joi.object({ city: Joi.string().required(), zip: Joi.string().pattern(/^[0-9]{5}$/).required() }),
      }),
    parse: (s, x) => {
      const result = s.validate(x);
      if (result.error) throw result.error;
      return result.value;
    },
  },
  {
    name: "superstruct 2",
    id: "superstruct",
    build: () =>
      ss.object({
        id: ss.size(ss.string(), 36, 36),
        email: ss.pattern(ss.string(), /^[^@]+@[^@]+$/),
        name: ss.size(ss.string(), 1, 100),
        age: ss.size(ss.integer(), 0, 150),
        role: ss.enums(roles),
        tags: ss.array(ss.string()),
        address: ss.object({ city: ss.string(), zip: ss.pattern(ss.string(), /^[0-9]{5}$/) }),
      }),
    parse: (s, x) => ss.create(x, s),
  },
  {
    name: "io-ts 2",
    id: "io-ts",
    build: () =>
      t.type({
        id: t.string,
        email: t.string,
        name: t.string,
        age: t.Int,
        role: t.keyof({ admin: null, editor: null, viewer: null }),
        tags: t.array(t.string),
        address: t.type({ city: t.string, zip: t.string }),
      }),
    parse: (s, x) => {
      const result = s.decode(x);
      if (!isRight(result)) throw new Error("invalid");
      return result.right;
    },
  },
  {
    name: "TypeBox 1.x Compile",
    id: "typebox",
    build: () =>
      Compile(
        Type.Object({
          id: Type.String({ minLength: 36, maxLength: 36 }),
          email: Type.String({ pattern: "^[^@]+@[^@]+$" }),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          age: Type.Integer({ minimum: 0, maximum: 150 }),
          role: Type.Union(roles.map((r) => Type.Literal(r))),
          tags: Type.Array(Type.String()),
          address: Type.Object({ city: Type.String(), zip: Type.String({ pattern: "^[0-9]{5}$" }) }),
        }),
      ),
    parse: (c, x) => {
      if (!c.Check(x)) throw new Error("invalid");
      return x;
    },
  },
  {
    name: "TypeBox 0.34 TypeCompiler",
    id: "typebox034",
    build: () =>
      TypeCompiler.Compile(
        Type034.Object({
          id: Type034.String({ minLength: 36, maxLength: 36 }),
          email: Type034.String({ pattern: "^[^@]+@[^@]+$" }),
          name: Type034.String({ minLength: 1, maxLength: 100 }),
          age: Type034.Integer({ minimum: 0, maximum: 150 }),
          role: Type034.Union(roles.map((r) => Type034.Literal(r))),
          tags: Type034.Array(Type034.String()),
          address: Type034.Object({ city: Type034.String(), zip: Type034.String({ pattern: "^[0-9]{5}$" }) }),
        }),
      ),
    parse: (c, x) => {
      if (!c.Check(x)) throw new Error("invalid");
      return x;
    },
  },
  {
    name: "ajv 8 (fresh schema object, shared instance)",
    id: "ajv",
    build: () => ajv.compile(jsonSchema()),
    parse: (validate, x) => {
      if (!validate(x)) throw new Error("invalid");
      return x;
    },
  },
].filter((library) => !only || only.has(library.id));

let sink;
const cpuNow = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system; // µs
};

/** CPU ns per call of `fn`, over about `roundMs` of wall time. */
function round(fn) {
  let n = 0;
  const wall0 = performance.now();
  const cpu0 = cpuNow();
  do {
    for (let i = 0; i < 4; i++) sink = fn();
    n += 4;
  } while (performance.now() - wall0 < roundMs);
  return ((cpuNow() - cpu0) * 1000) / n;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = [["library", "build+parse per call", "hoisted parse", "ratio (median of paired rounds)", "retained / 500 builds"]];
const results = [];
for (const library of libraries) {
  const hoisted = library.build();
  library.parse(hoisted, value); // validates the workload once (throws when the value is not valid)
  const perCall = () => library.parse(library.build(), value);
  const once = () => library.parse(hoisted, value);
  round(perCall); // warm-up
  round(once);
  const perCallNs = [];
  const onceNs = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate which variant goes first, so neither always runs right after the other's garbage.
    let a;
    let b;
    if (r % 2 === 0) {
      a = round(perCall);
      b = round(once);
    } else {
      b = round(once);
      a = round(perCall);
    }
    perCallNs.push(a);
    onceNs.push(b);
    ratios.push(a / b);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = [];
  for (let i = 0; i < 500; i++) kept.push(library.parse(library.build(), value));
  kept.length = 0;
  gc();
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  const ratio = median(ratios);
  results.push({ library: library.name, perCallNs: median(perCallNs), hoistedNs: median(onceNs), ratio, retainedBytes: retained });
  rows.push([
    library.name,
    fmtOps(median(perCallNs)),
    fmtOps(median(onceNs)),
    `${ratio >= 100 ? Math.round(ratio).toLocaleString("en-US") : ratio.toFixed(1)}×`,
    retained > 64 * 1024 ? `${(retained / 1024 / 1024).toFixed(1)} MB` : "~0",
  ]);
}
void sink;
console.log(`Node ${process.version}, ${rounds} interleaved rounds of ~${roundMs} ms per variant, CPU time\n`);
table(rows);
if (process.env["BENCH_JSON"]) console.log(JSON.stringify(results));
