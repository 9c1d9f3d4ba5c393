// yup 1.x: `.test` in all four forms, `this`-using predicates, transforms, `.when`, `yup.lazy`.
import { call, captures, moduleLevel, parse, repeated, rule, ruleTester, values } from "./helpers.js";

const inHandler = (body: string): string => `import * as yup from "yup";
export function handler(input: unknown) {
  ${body}
}`;

ruleTester.run("no-inline-predicate: yup", rule, {
  valid: [
    {
      name: "yup .test in all four forms at module level",
      code: `import * as yup from "yup";
export const A = yup.string().test((v) => !!v).test("n", (v) => !!v).test("n", "msg", (v) => !!v).test({ name: "n", test: (v) => !!v });`,
    },
    {
      name: "yup function predicate using this.parent at module level",
      code: `import * as yup from "yup";
export const Form = yup.object({ a: yup.string(), b: yup.string().test("same", "must match", function (value) { return value === this.parent.a; }) });`,
    },
    {
      name: "yup transforms, compact, when, mixed and ref at module level",
      code: `import * as yup from "yup";
export const A = yup.string().transform((v) => v.trim());
export const B = yup.object().transformKeys((k) => k.toLowerCase());
export const C = yup.array().compact((x) => !x);
export const D = yup.string().when("other", { is: (o: string) => o === "a", then: (s) => s.required() });
export const E = yup.mixed((x): x is File => x instanceof File);
export const F = yup.mixed({ type: "file", check: (x): x is File => x instanceof File });
export const G = yup.object({ a: yup.number(), b: yup.number().min(yup.ref("a", { map: (v) => (v as number) + 1 })) });`,
    },
    {
      name: "yup .default(fn) and message functions are not flagged slots",
      code: inHandler(`return yup.string().default(() => "x").required(({ path }) => path + " is required").validateSync(input);`),
    },
    {
      name: "yup.lazy builder without inline closures",
      code: `import * as yup from "yup";
export const S = yup.lazy((value) => (typeof value === "string" ? yup.string() : yup.number()));`,
    },
    {
      name: "yup .when then/otherwise builders alone are not flagged slots",
      code: inHandler(`return yup.string().when("other", { is: "a", then: (s) => s.required(), otherwise: (s) => s.optional() }).validateSync(input);`),
    },
    {
      name: "yup hoisted predicate used inside a function",
      code: `import { string } from "yup";
function nonEmpty(this: unknown, v: string | undefined) { return !!v; }
export function handler(input: unknown) { return string().test("ne", nonEmpty).validateSync(input); }`,
    },
  ],
  invalid: [
    {
      name: "yup .test(fn)",
      code: inHandler(`return yup.string().test((v) => !!v).validateSync(input);`),
      errors: [repeated(".test()", "predicate", call("handler"))],
    },
    {
      name: "yup .test(name, fn)",
      code: inHandler(`return yup.string().test("n", (v) => !!v).validateSync(input);`),
      errors: [repeated(".test()", "predicate", call("handler"))],
    },
    {
      name: "yup .test(name, message, fn) reports the predicate, not the message function",
      code: inHandler(`return yup.string().test("n", ({ path }) => path + " bad", (v) => !!v).validateSync(input);`),
      errors: [repeated(".test()", "predicate", call("handler"), "", { line: 3, column: 66, endLine: 3, endColumn: 68 })],
    },
    {
      name: "yup .test({ name, test })",
      code: inHandler(`return yup.string().test({ name: "n", message: "bad", test: (v) => !!v }).validateSync(input);`),
      errors: [repeated(".test()", "predicate", call("handler"))],
    },
    {
      name: "yup function (value) { this.parent … } predicate (own this is not a capture)",
      code: `import * as yup from "yup";
export function build(other: string) {
  return yup.object({ b: yup.string().test("same", "must match", function (value) { return value === this.parent[other]; }) }).validateSync({});
}`,
      errors: [repeated(".test()", "predicate", call("build"), captures(values("other")))],
    },
    {
      name: "yup .transform and .transformKeys",
      code: inHandler(`yup.string().transform((v) => v.trim()).validateSync(input); yup.object().transformKeys((k) => k.toLowerCase()).validateSync(input);`),
      errors: [repeated(".transform()", "transform", call("handler")), repeated(".transformKeys()", "transform", call("handler"))],
    },
    {
      name: "yup array().compact(fn)",
      code: inHandler(`return yup.array().compact((x) => !x).validateSync(input);`),
      errors: [repeated(".compact()", "predicate", call("handler"))],
    },
    {
      name: "yup .when({ is, then, otherwise }) one-argument object form reports is",
      code: inHandler(`return yup.string().when({ is: (o: string) => o === "a", then: (s) => s.required(), otherwise: (s) => s }).validateSync(input);`),
      errors: [repeated(".when()", "predicate", call("handler"))],
    },
    {
      name: "yup .when(builder) one-argument builder: a schema built inside runs on every validate",
      code: `import * as yup from "yup";\nexport const S = yup.string().when(([other], schema) => schema.test("x", (v) => v !== other));`,
      errors: [repeated(".test()", "predicate", "on every parse, inside the `.when()` callback", " (captures `other`)")],
    },
    {
      name: "yup .when(keys, { is: fn }) reports is, not then/otherwise",
      code: inHandler(`return yup.string().when("other", { is: (o: string) => o === "a", then: (s) => s.required(), otherwise: (s) => s }).validateSync(input);`),
      errors: [repeated(".when()", "predicate", call("handler"))],
    },
    {
      name: "yup mixed(guard) and mixed({ check })",
      code: `import { mixed } from "yup";
export function handler(input: unknown) { mixed((x): x is File => x instanceof File).validateSync(input); mixed({ type: "file", check: (x): x is File => x instanceof File }).validateSync(input); }`,
      errors: [repeated("mixed()", "predicate", call("handler")), repeated("mixed()", "predicate", call("handler"))],
    },
    {
      name: "yup ref(path, { map })",
      code: inHandler(`return yup.object({ a: yup.number(), b: yup.number().min(yup.ref("a", { map: (v) => (v as number) + 1 })) }).validateSync(input);`),
      errors: [repeated("yup.ref()", "transform", call("handler"))],
    },
    {
      name: "yup.lazy builder: a schema with an inline test built inside is per-validate",
      code: `import * as yup from "yup";
export const S = yup.lazy((value) => yup.string().test((v) => v === value));`,
      errors: [repeated(".test()", "predicate", parse("yup.lazy()"), captures(values("value")))],
    },
    {
      name: "yup named lazy builder",
      code: `import { lazy, string } from "yup";
export const S = lazy(() => string().test("ne", (v) => !!v));`,
      errors: [repeated(".test()", "predicate", parse("lazy()"))],
    },
    {
      name: "yup default import and Yup namespace",
      code: `import yup from "yup";
import * as Yup from "yup";
export function handler(input: unknown) { yup.string().test((v) => !!v).validateSync(input); Yup.string().test((v) => !!v).validateSync(input); }`,
      errors: [repeated(".test()", "predicate", call("handler")), repeated(".test()", "predicate", call("handler"))],
    },
    {
      name: "yup scope: all",
      code: `import * as yup from "yup";
export const A = yup.string().test((v) => !!v);`,
      options: [{ scope: "all" }],
      errors: [moduleLevel(".test()", "predicate")],
    },
  ],
});

// Slots added by the review of yup 1.7.1 against its .d.ts (docs/catalogue.md).
ruleTester.run("no-inline-predicate: yup catalogue review", rule, {
  valid: [
    {
      name: "yup withMutation at module level runs once",
      code: `import * as yup from "yup";
export const Name = yup.string().withMutation((s) => s.test("x", "y", (v) => v !== "z"));`,
      options: [{ checkFactories: true }],
    },
  ],
  invalid: [
    {
      name: "yup .withMutation((schema) => …) runs at once: tests added to its schema parameter are traced",
      code: `import * as yup from "yup";
export function handler(input: unknown, reserved: string[]) {
  return yup.string().withMutation((s) => s.test("free", "is taken", (v) => !reserved.includes(v ?? ""))).isValidSync(input);
}`,
      errors: [repeated(".test()", "predicate", call("handler"), captures(values("reserved")))],
    },
  ],
});
