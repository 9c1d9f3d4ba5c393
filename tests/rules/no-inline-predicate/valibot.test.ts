// valibot 1.x: every API family of the catalogue, and `v.lazy` getters that run on every parse.
import { call, captures, moduleLevel, parse, repeated, rule, ruleTester, values } from "./helpers.js";

const inHandler = (body: string): string => `import * as v from "valibot";
export function handler(input: unknown) {
  ${body}
}`;

ruleTester.run("no-inline-predicate: valibot", rule, {
  valid: [
    {
      name: "valibot predicates at module level",
      code: `import * as v from "valibot";
export const A = v.pipe(v.string(), v.check((s) => s.length > 0), v.rawCheck(({ dataset }) => {}));
export const B = v.custom<File>((x) => x instanceof File);
export const C = v.pipe(v.object({ a: v.string(), b: v.string() }), v.partialCheck([["a"], ["b"]], (o) => o.a === o.b));
export const D = v.pipe(v.array(v.number()), v.checkItems((n) => n > 0), v.someItem((n) => n > 1), v.everyItem((n) => n < 9));`,
    },
    {
      name: "valibot transforms at module level",
      code: `import * as v from "valibot";
export const A = v.pipe(v.string(), v.transform((s) => s.length), v.rawTransform(({ dataset }) => dataset.value));
export const B = v.pipe(v.array(v.number()), v.mapItems((n) => n * 2), v.filterItems((n) => n > 0), v.findItem((n) => n > 1), v.sortItems((a, b) => a - b), v.reduceItems((a, n) => a + n, 0));`,
    },
    {
      name: "valibot hoisted predicate used inside a function",
      code: `import * as v from "valibot";
const nonEmpty = (s: string) => s.length > 0;
export function handler(input: unknown) { return v.parse(v.pipe(v.string(), v.check(nonEmpty)), input); }`,
    },
    {
      name: "valibot defaults and fallbacks are not flagged slots",
      code: inHandler(`return v.parse(v.object({ a: v.optional(v.string(), () => "x"), b: v.fallback(v.number(), () => 0), c: v.nullish(v.string(), () => "") }), input);`),
    },
    {
      name: "valibot v.lazy getter without inline closures",
      code: `import * as v from "valibot";
export const Tree: v.GenericSchema = v.object({ children: v.array(v.lazy(() => Tree)) });`,
    },
    {
      name: "valibot message functions are not flagged",
      code: inHandler(`return v.parse(v.pipe(v.string((issue) => "bad " + issue.received), v.minLength(1, () => "short")), input);`),
    },
  ],
  invalid: [
    {
      name: "valibot v.check capturing a parameter",
      code: `import * as v from "valibot";
export function handler(input: unknown, min: number) { return v.parse(v.pipe(v.string(), v.check((s) => s.length > min)), input); }`,
      errors: [repeated("v.check()", "predicate", call("handler"), captures(values("min")))],
    },
    {
      name: "valibot predicate family (P) in a function",
      code: inHandler(`v.parse(v.pipe(v.unknown(), v.checkAsync(async (x) => !!x), v.guard((x): x is string => typeof x === "string"), v.custom((x) => !!x), v.customAsync(async (x) => !!x)), input);`),
      errors: [
        repeated("v.checkAsync()", "predicate", call("handler")),
        repeated("v.guard()", "predicate", call("handler")),
        repeated("v.custom()", "predicate", call("handler")),
        repeated("v.customAsync()", "predicate", call("handler")),
      ],
    },
    {
      name: "valibot item predicates in a function",
      code: inHandler(`v.parse(v.pipe(v.array(v.number()), v.checkItems((n) => n > 0), v.someItem((n) => n > 1), v.everyItem((n) => n < 9)), input);`),
      errors: [
        repeated("v.checkItems()", "predicate", call("handler")),
        repeated("v.someItem()", "predicate", call("handler")),
        repeated("v.everyItem()", "predicate", call("handler")),
      ],
    },
    {
      name: "valibot v.partialCheck and v.partialCheckAsync (second argument)",
      code: inHandler(`v.parse(v.pipe(v.object({ a: v.string(), b: v.string() }), v.partialCheck([["a"], ["b"]], (o) => o.a === o.b), v.partialCheckAsync([["a"]], async (o) => !!o.a)), input);`),
      errors: [repeated("v.partialCheck()", "predicate", call("handler")), repeated("v.partialCheckAsync()", "predicate", call("handler"))],
    },
    {
      name: "valibot v.rawCheck and v.rawCheckAsync are refinements",
      code: inHandler(`v.parse(v.pipe(v.string(), v.rawCheck(({ dataset, addIssue }) => {}), v.rawCheckAsync(async ({ dataset }) => {})), input);`),
      errors: [repeated("v.rawCheck()", "refinement", call("handler")), repeated("v.rawCheckAsync()", "refinement", call("handler"))],
    },
    {
      name: "valibot transforms in a function",
      code: inHandler(`v.parse(v.pipe(v.string(), v.transform((s) => s.length), v.transformAsync(async (n) => n), v.rawTransform(({ dataset }) => dataset.value), v.rawTransformAsync(async ({ dataset }) => dataset.value)), input);`),
      errors: [
        repeated("v.transform()", "transform", call("handler")),
        repeated("v.transformAsync()", "transform", call("handler")),
        repeated("v.rawTransform()", "transform", call("handler")),
        repeated("v.rawTransformAsync()", "transform", call("handler")),
      ],
    },
    {
      name: "valibot array actions in a function",
      code: inHandler(`v.parse(v.pipe(v.array(v.number()), v.mapItems((n) => n * 2), v.filterItems((n) => n > 0), v.findItem((n) => n > 1)), input);
  v.parse(v.pipe(v.array(v.number()), v.sortItems((a, b) => a - b), v.reduceItems((a, n) => a + n, 0)), input);`),
      errors: [
        repeated("v.mapItems()", "transform", call("handler")),
        repeated("v.filterItems()", "transform", call("handler")),
        repeated("v.findItem()", "transform", call("handler")),
        repeated("v.sortItems()", "transform", call("handler")),
        repeated("v.reduceItems()", "transform", call("handler")),
      ],
    },
    {
      name: "valibot named imports",
      code: `import { check, parse as run, pipe, string } from "valibot";
export function handler(input: unknown) { return run(pipe(string(), check((s) => s.length > 0)), input); }`,
      errors: [repeated("check()", "predicate", call("handler"))],
    },
    {
      name: "valibot v.lazy getter at module level: a schema with an inline check built inside is per-parse",
      code: `import * as v from "valibot";
export const Tree = v.object({ child: v.lazy(() => v.pipe(v.string(), v.check((s) => s.length > 0))) });`,
      errors: [repeated("v.check()", "predicate", parse("v.lazy()"))],
    },
    {
      name: "valibot lazy (named import) getter capturing its input",
      code: `import { check, lazy, object, pipe, string } from "valibot";
export const S = object({ a: lazy((input) => pipe(string(), check((s) => s === input))) });`,
      errors: [repeated("check()", "predicate", parse("lazy()"), captures(values("input")))],
    },
    {
      name: "valibot v.lazyAsync getter is per-parse too",
      code: `import * as v from "valibot";
export const S = v.lazyAsync(() => v.pipeAsync(v.string(), v.checkAsync(async (s) => s.length > 0)));`,
      errors: [repeated("v.checkAsync()", "predicate", parse("v.lazyAsync()"))],
    },
    {
      name: "valibot scope: all",
      code: `import * as v from "valibot";
export const A = v.pipe(v.string(), v.check((s) => s.length > 0));`,
      options: [{ scope: "all" }],
      errors: [moduleLevel("v.check()", "predicate")],
    },
  ],
});

// Slots added by the review of valibot 1.5.0 against its .d.ts (docs/catalogue.md).
ruleTester.run("no-inline-predicate: valibot catalogue review", rule, {
  valid: [],
  invalid: [
    {
      name: "valibot v.parseJson({ reviver }) and v.stringifyJson({ replacer }) run on every parse",
      code: `import * as v from "valibot";
export function handler(input: unknown, skip: string) {
  v.parse(v.pipe(v.string(), v.parseJson({ reviver: (key, value) => (key === skip ? undefined : value) })), input);
  return v.parse(v.pipe(v.unknown(), v.stringifyJson({ replacer: (key, value) => (key === skip ? undefined : value) })), input);
}`,
      errors: [
        repeated("v.parseJson()", "transform", call("handler"), captures(values("skip"))),
        repeated("v.stringifyJson()", "transform", call("handler"), captures(values("skip"))),
      ],
    },
  ],
});
