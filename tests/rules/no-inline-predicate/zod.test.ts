// zod 4 classic and mini, and zod 3: every catalogue row has a valid and an invalid case.
import { call, captures, moduleLevel, repeated, rule, ruleTester, values } from "./helpers.js";

ruleTester.run("no-inline-predicate: zod", rule, {
  valid: [
    {
      name: "zod .refine with a module-level named predicate inside a function",
      code: `import { z } from "zod";
const nonEmpty = (s: string) => s.length > 0;
export function handler(input: unknown) { return z.string().refine(nonEmpty).parse(input); }`,
    },
    {
      name: "zod .refine inline at module level (default scope)",
      code: `import { z } from "zod";
export const Name = z.string().refine((s) => s.length > 0, { message: "empty" });`,
    },
    {
      name: "zod/mini refine() inside .check() at module level",
      code: `import { refine, string } from "zod/mini";
export const Name = string().check(refine((s) => s.length > 0));`,
    },
    {
      name: "zod z.custom at module level",
      code: `import { z } from "zod";
export const FileSchema = z.custom<File>((v) => v instanceof File);`,
    },
    {
      name: "zod .superRefine / .check / .with at module level",
      code: `import { z } from "zod";
export const A = z.string().superRefine((v, ctx) => { if (!v) ctx.addIssue({ code: "custom", message: "x" }); });
export const B = z.string().check((ctx) => { if (!ctx.value) ctx.issues.push({ code: "custom", input: ctx.value, message: "x" }); });
export const C = z.string().with((ctx) => {});`,
    },
    {
      name: "zod .transform / .overwrite / z.preprocess / z.codec at module level",
      code: `import { z } from "zod";
export const A = z.string().transform((s) => s.length);
export const B = z.string().overwrite((s) => s.trim());
export const C = z.preprocess((v) => String(v), z.string());
export const D = z.codec(z.string(), z.number(), { decode: (s) => Number(s), encode: (n) => String(n) });`,
    },
    {
      name: "zod .refine(fn, { when }) at module level",
      code: `import { z } from "zod";
export const A = z.object({ a: z.string(), b: z.string() }).refine((o) => o.a === o.b, { when: (payload) => payload.issues.length === 0 });`,
    },
    {
      name: "zod 3 .refinement at module level",
      code: `import { z } from "zod";
export const A = z.string().refinement((s) => s.length > 0, { code: "custom", message: "empty" });`,
    },
    {
      name: "zod .default(fn), .prefault(fn), .catch(fn) inside a function are not flagged slots",
      code: `import { z } from "zod";
export function handler(input: unknown) {
  return z.object({ tags: z.array(z.string()).default(() => []), at: z.date().prefault(() => new Date()), n: z.number().catch(() => 0) }).parse(input);
}`,
    },
    {
      name: "zod z.lazy thunk inside a function is not a flagged slot",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.lazy(() => z.string()).parse(input); }`,
    },
    {
      name: "zod error/message functions are not flagged slots",
      code: `import { z } from "zod";
export function handler(input: unknown) {
  return z.string({ error: (issue) => "bad " + issue.code }).min(1, { error: () => "short" }).parse(input);
}`,
    },
    {
      name: "zod z.lazy thunk at module level containing an inline refine (lazy runs once)",
      code: `import { z } from "zod";
export const Tree = z.lazy(() => z.array(z.string().refine((s) => s.length > 0)));`,
    },
    {
      name: "zod recursive getter inside an object shape at module level",
      code: `import { z } from "zod";
export const Category = z.object({
  name: z.string(),
  get children() { return z.array(Category).refine((a) => a.length < 100); },
});`,
    },
    {
      name: "zod/mini named builders at module level",
      code: `import { check, overwrite, string } from "zod/mini";
export const A = string().check(check((ctx) => {}), overwrite((s) => s.trim()));`,
    },
  ],
  invalid: [
    {
      name: "reported on the function head: the arrow of an arrow function, `function ` up to the parameters of a function expression",
      code: `import { z } from "zod";
export function handler(input: unknown) {
  return z.string().refine((s) => {
    return s.length > 0;
  }).transform(function (s) {
    return s.trim();
  }).parse(input);
}`,
      errors: [
        repeated(".refine()", "predicate", call("handler"), "", { line: 3, column: 32, endLine: 3, endColumn: 34 }),
        repeated(".transform()", "transform", call("handler"), "", { line: 5, column: 16, endLine: 5, endColumn: 25 }),
      ],
    },
    {
      name: "zod .refine capturing a parameter",
      code: `import { z } from "zod";
export function handler(input: unknown, min: number) { return z.string().refine((s) => s.length > min).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("handler"), captures(values("min")), { line: 2, column: 85, endLine: 2, endColumn: 87 })],
    },
    {
      name: "zod/mini named refine() inside string().check()",
      code: `import { refine, string } from "zod/mini";
export function handler(input: unknown) { return string().check(refine((s) => s.length > 0)).parse(input); }`,
      errors: [repeated("refine()", "predicate", call("handler"))],
    },
    {
      name: "zod/mini namespace z.refine() inside .check()",
      code: `import * as z from "zod/mini";
export function handler(input: unknown) { return z.string().check(z.refine((s) => s.length > 0)).parse(input); }`,
      errors: [repeated("z.refine()", "predicate", call("handler"))],
    },
    {
      name: "zod/v4/mini { z } with z.superRefine and z.check",
      code: `import { z } from "zod/v4/mini";
export function handler(input: unknown) { return z.string().check(z.superRefine((v, ctx) => {}), z.check((ctx) => {})).parse(input); }`,
      errors: [repeated("z.superRefine()", "refinement", call("handler")), repeated("z.check()", "refinement", call("handler"))],
    },
    {
      name: "zod z.custom in a function",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.custom<File>((v) => v instanceof File).parse(input); }`,
      errors: [repeated("z.custom()", "predicate", call("handler"))],
    },
    {
      name: "zod .superRefine, .check(fn), .with(fn) in a function",
      code: `import { z } from "zod";
export function handler(input: unknown) {
  z.string().superRefine((v, ctx) => {}).parse(input);
  z.string().check((ctx) => {}).parse(input);
  z.string().with((ctx) => {}).parse(input);
}`,
      errors: [
        repeated(".superRefine()", "refinement", call("handler"), "", { line: 3 }),
        repeated(".check()", "refinement", call("handler"), "", { line: 4 }),
        repeated(".with()", "refinement", call("handler"), "", { line: 5 }),
      ],
    },
    {
      name: "zod .transform and .overwrite in a function",
      code: `import { z } from "zod";
export function handler(input: unknown) { z.string().transform((s) => s.length).parse(input); z.string().overwrite((s) => s.trim()).parse(input); }`,
      errors: [repeated(".transform()", "transform", call("handler")), repeated(".overwrite()", "transform", call("handler"))],
    },
    {
      name: "zod z.preprocess in a function",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.preprocess((v) => String(v), z.string()).parse(input); }`,
      errors: [repeated("z.preprocess()", "transform", call("handler"))],
    },
    {
      name: "zod z.codec reports both decode and encode",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.codec(z.string(), z.number(), { decode: (s) => Number(s), encode: (n) => String(n) }).parse(input); }`,
      errors: [repeated("z.codec()", "transform", call("handler")), repeated("z.codec()", "transform", call("handler"))],
    },
    {
      name: "zod .refine(fn, { when }) reports the predicate and the when function",
      code: `import { z } from "zod";
export function handler(input: unknown) {
  return z.object({ a: z.string() }).refine((o) => o.a.length > 0, { when: (payload) => payload.issues.length === 0, error: () => "x" }).parse(input);
}`,
      errors: [repeated(".refine()", "predicate", call("handler"), "", { column: 49 }), repeated(".refine()", "predicate", call("handler"), "", { column: 86 })],
    },
    {
      name: "zod .refine(named, { when: inline }) reports only the when function",
      code: `import { z } from "zod";
const ok = (o: { a: string }) => o.a.length > 0;
export function handler(input: unknown) { return z.object({ a: z.string() }).refine(ok, { when: () => true }).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("handler"))],
    },
    {
      name: "zod 3 .refinement",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.string().refinement((s) => s.length > 0, { code: "custom" }).parse(input); }`,
      errors: [repeated(".refinement()", "predicate", call("handler"))],
    },
    {
      name: "zod named builder import (classic) custom()",
      code: `import { custom, string } from "zod";
export function handler(input: unknown) { custom((v) => v != null).parse(input); string().refine((s) => !!s).parse(input); }`,
      errors: [repeated("custom()", "predicate", call("handler")), repeated(".refine()", "predicate", call("handler"))],
    },
    {
      name: "zod z.lazy thunk inside a function: the inline refine re-runs with the function",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.lazy(() => z.string().refine((s) => s.length > 0)).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("handler"))],
    },
    {
      name: "zod recursive getter inside a function",
      code: `import { z } from "zod";
export function handler(input: unknown) {
  const Node = z.object({ get children() { return z.array(Node).refine((a) => a.length < 10); } });
  return Node.parse(input);
}`,
      errors: [repeated(".refine()", "predicate", call("handler"))],
    },
    {
      name: "zod: closure inside a transform is recreated on every call of the transform",
      code: `import { z } from "zod";
export const Wrapped = z.string().transform((s) => z.string().refine((x) => x === s).parse(s));`,
      errors: [repeated(".refine()", "predicate", "on every call of the transform passed to `.transform()`", captures(values("s")))],
    },
    {
      name: "zod: closure inside a default thunk is recreated on every call of the thunk",
      code: `import { z } from "zod";
export const A = z.string().default(() => z.string().refine((x) => x.length > 0).parse("a"));`,
      errors: [repeated(".refine()", "predicate", "on every call of the default thunk passed to `.default()`")],
    },
    {
      name: "zod .transform then .pipe(.refine) in a function: both closures are reported",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.string().transform((s) => s.trim()).pipe(z.string().refine((s) => !!s)).parse(input); }`,
      errors: [repeated(".transform()", "transform", call("handler")), repeated(".refine()", "predicate", call("handler"))],
    },
    {
      name: "zod scope: all reports module-level closures with inlineModule",
      code: `import { z } from "zod";
export const Name = z.string().refine((s) => s.length > 0);`,
      options: [{ scope: "all" }],
      errors: [moduleLevel(".refine()", "predicate")],
    },
  ],
});


// Slots added by the review of zod 4.6.7 (classic, mini, core) and zod/v3 against their .d.ts
// (docs/catalogue.md): each case fails without its catalogue entry.
ruleTester.run("no-inline-predicate: zod catalogue review", rule, {
  valid: [
    {
      name: "zod .apply((schema) => …) at module level runs once",
      code: `import { z } from "zod";
export const Capped = z.number().apply((s) => s.refine((n) => n <= 10));`,
      options: [{ checkFactories: true }],
    },
  ],
  invalid: [
    {
      name: "zod .superRefine(fn, { when }) (4.x): the `when` predicate",
      code: `import { z } from "zod";
const check = (v: string, ctx: z.RefinementCtx) => {};
export function handler(input: unknown, strict: boolean) { return z.string().superRefine(check, { when: () => strict }).parse(input); }`,
      errors: [repeated(".superRefine()", "predicate", call("handler"), captures(values("strict")))],
    },
    {
      name: "zod/mini z.check(fn, { when })",
      code: `import { z } from "zod/mini";
const noop = () => {};
export function handler(input: unknown, strict: boolean) { return z.string().check(z.check(noop, { when: () => strict })).parse(input); }`,
      errors: [repeated("z.check()", "predicate", call("handler"), captures(values("strict")))],
    },
    {
      name: "zod z.stringFormat(name, fn)",
      code: `import { z } from "zod";
export function handler(input: unknown, prefix: string) { return z.stringFormat("sku", (s) => s.startsWith(prefix)).parse(input); }`,
      errors: [repeated("z.stringFormat()", "predicate", call("handler"), captures(values("prefix")))],
    },
    {
      name: "zod z.int64({ when }) and z.instanceof(C, { when }): formats whose params keep the check's `when`",
      code: `import { z } from "zod";
export function handler(input: unknown, strict: boolean) {
  z.int64({ when: () => strict }).parse(input);
  return z.instanceof(Date, { when: () => strict }).parse(input);
}`,
      errors: [
        repeated("z.int64()", "predicate", call("handler"), captures(values("strict"))),
        repeated("z.instanceof()", "predicate", call("handler"), captures(values("strict"))),
      ],
    },
    {
      name: "zod z.withParser(schema, parser) (4.6)",
      code: `import { z } from "zod";
export function handler(input: unknown) { return z.withParser(z.string(), (value) => (typeof value === "string" ? value : z.INVALID)).parse(input); }`,
      errors: [repeated("z.withParser()", "validator", call("handler"))],
    },
    {
      name: "zod .apply((schema) => …) runs at once: closures on its schema parameter are traced",
      code: `import { z } from "zod";
export function handler(input: unknown, max: number) { return z.number().apply((s) => s.refine((n) => n <= max)).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("handler"), captures(values("max")))],
    },
    {
      name: "zod 3 z.effect(schema, { refinement }) and z.transformer(schema, { transform })",
      code: `import { z } from "zod/v3";
export function handler(input: unknown, max: number) {
  z.effect(z.number(), { type: "refinement", refinement: (n) => n <= max }).parse(input);
  return z.transformer(z.string(), { type: "transform", transform: (s) => s.trim() }).parse(input);
}`,
      errors: [
        repeated("z.effect()", "refinement", call("handler"), captures(values("max"))),
        repeated("z.transformer()", "transform", call("handler")),
      ],
    },
    {
      name: "zod z.catch(inner, thunk) / z._default(inner, thunk): a closure created in the thunk re-runs with it",
      code: `import { z } from "zod/mini";
export const N = z.catch(z.number(), () => z.number().check(z.refine((n) => n > 0)).parse(1));
export const M = z._default(z.number(), () => z.number().check(z.refine((n) => n > 0)).parse(1));
export const P = z.prefault(z.string(), () => z.string().check(z.refine((s) => s.length > 0)).parse("x"));`,
      errors: [
        repeated("z.refine()", "predicate", "on every call of the default thunk passed to `z.catch()`"),
        repeated("z.refine()", "predicate", "on every call of the default thunk passed to `z._default()`"),
        repeated("z.refine()", "predicate", "on every call of the default thunk passed to `z.prefault()`"),
      ],
    },
  ],
});
