// arktype 2.x: every function passed to arktype is registered globally, so defaults and message
// functions are flagged too.
import { call, captures, moduleLevel, repeated, rule, ruleTester, values } from "./helpers.js";

const inHandler = (body: string, imports = "type"): string => `import { ${imports} } from "arktype";
export function handler(input: unknown) {
  ${body}
}`;

ruleTester.run("no-inline-predicate: arktype", rule, {
  valid: [
    {
      name: "arktype methods at module level",
      code: `import { type } from "arktype";
export const A = type("string").narrow((s) => s.length > 0);
export const B = type("string[]").filter((a) => a.length > 0);
export const C = type("string").pipe((s) => s.length, (n) => n + 1);
export const D = type("string").pipe.try((s) => JSON.parse(s));
export const E = type("string").morph((s) => s.length);
export const F = type("string").default(() => "x");
export const G = type("string").configure({ message: (ctx) => "bad " + ctx.actual });`,
    },
    {
      name: "arktype tuples nested in objects at module level",
      code: `import { type } from "arktype";
export const User = type({ name: ["string", ":", (s) => s.length > 0], age: { years: ["string", "=>", (s) => Number(s)] }, tags: ["string[]", "=", () => []] });`,
    },
    {
      name: "arktype type(def, op, fn) and match at module level",
      code: `import { match, type } from "arktype";
export const A = type("string", ":", (s) => s.length > 0);
export const B = type("string", "=>", (s) => s.length);
export const size = match({ string: (s) => s.length, number: (n) => n, default: "assert" });
export const size2 = match.case("string", (s) => s.length).default("assert");`,
    },
    {
      name: "arktype type(def, '|', def) has no function slot",
      code: inHandler(`return type("string", "|", "number").assert(input);`),
    },
    {
      name: "arktype calling a type validates (data, not a schema)",
      code: `import { type } from "arktype";
const User = type({ name: "string" });
export function handler(input: unknown) { const out = User(input); return [out].filter((x) => x != null); }`,
    },
    {
      name: "arktype hoisted predicate inside a function",
      code: `import { type } from "arktype";
const nonEmpty = (s: string) => s.length > 0;
export function handler(input: unknown) { return type("string").narrow(nonEmpty).assert(input); }`,
    },
  ],
  invalid: [
    {
      name: "arktype .narrow capturing a parameter",
      code: `import { type } from "arktype";
export function handler(input: unknown, min: number) { return type("string").narrow((s) => s.length > min).assert(input); }`,
      errors: [repeated(".narrow()", "predicate", call("handler"), captures(values("min")))],
    },
    {
      name: "arktype .filter",
      code: inHandler(`return type("string[]").filter((a) => a.length > 0).assert(input);`),
      errors: [repeated(".filter()", "predicate", call("handler"))],
    },
    {
      name: "arktype .pipe with two morphs",
      code: inHandler(`return type("string").pipe((s) => s.length, (n) => n + 1).assert(input);`),
      errors: [repeated(".pipe()", "transform", call("handler")), repeated(".pipe()", "transform", call("handler"))],
    },
    {
      name: "arktype .pipe.try",
      code: inHandler(`return type("string").pipe.try((s) => JSON.parse(s)).assert(input);`),
      errors: [repeated(".try()", "transform", call("handler"))],
    },
    {
      name: "arktype .morph",
      code: inHandler(`return type("string").morph((s) => s.length).assert(input);`),
      errors: [repeated(".morph()", "transform", call("handler"))],
    },
    {
      name: "arktype tuples [def, ':', fn] and [def, '=>', fn] nested in objects",
      code: inHandler(`return type({ name: ["string", ":", (s) => s.length > 0], nested: { age: ["string", "=>", (s) => Number(s)] } }).assert(input);`),
      errors: [repeated(`[def, ":", fn]`, "predicate", call("handler")), repeated(`[def, "=>", fn]`, "transform", call("handler"))],
    },
    {
      name: "arktype tuple default [def, '=', thunk] is flagged",
      code: inHandler(`return type({ tags: ["string[]", "=", () => []] }).assert(input);`),
      errors: [repeated(`[def, "=", fn]`, "default thunk", call("handler"))],
    },
    {
      name: "arktype type(def, ':', fn) and type(def, '=>', fn)",
      code: inHandler(`type("string", ":", (s) => s.length > 0).assert(input); type("string", "=>", (s) => s.length).assert(input);`),
      errors: [repeated("type()", "predicate", call("handler")), repeated("type()", "transform", call("handler"))],
    },
    {
      name: "arktype .default(() => v) is flagged in arktype",
      code: inHandler(`return type({ tags: type("string[]").default(() => []) }).assert(input);`),
      errors: [repeated(".default()", "default thunk", call("handler"))],
    },
    {
      name: "arktype .configure({ message: fn }) is flagged; plain values are not",
      code: inHandler(`return type("string").configure({ message: (ctx) => "bad " + ctx.actual, description: "a name" }).assert(input);`),
      errors: [repeated(".configure()", "message function", call("handler"))],
    },
    {
      name: "arktype match({ …: fn }) flags every case function",
      code: inHandler(`return match({ string: (s) => s.length, number: (n) => n, default: "assert" })(input);`, "match"),
      errors: [repeated("match()", "transform", call("handler")), repeated("match()", "transform", call("handler"))],
    },
    {
      name: "arktype match.case(def, fn)",
      code: inHandler(`return match.case("string", (s) => s.length).default("assert")(input);`, "match"),
      errors: [repeated("match.case()", "transform", call("handler"))],
    },
    {
      name: "arktype scope: all",
      code: `import { type } from "arktype";
export const A = type("string").narrow((s) => s.length > 0);`,
      options: [{ scope: "all" }],
      errors: [moduleLevel(".narrow()", "predicate")],
    },
  ],
});

// Slots added by the review of arktype 2.2.9 (@ark/schema 0.56.8) against its .d.ts (docs/catalogue.md).
ruleTester.run("no-inline-predicate: arktype catalogue review", rule, {
  valid: [],
  invalid: [
    {
      name: "arktype type(def, \"@\", { message }): meta functions are registered like the others",
      code: `import { type } from "arktype";
export function handler(input: unknown, label: string) { return type("string", "@", { message: () => \`\${label} must be text\` })(input); }`,
      errors: [repeated("type()", "message function", call("handler"), captures(values("label")))],
    },
    {
      name: "arktype match.at(key, cases)",
      code: `import { match } from "arktype";
export function handler(input: { kind: "a" } | { kind: "b" }, n: number) { return match.at("kind", { "'a'": () => n, default: () => 0 })(input); }`,
      errors: [
        repeated("match.at()", "transform", call("handler"), captures(values("n"))),
        repeated("match.at()", "transform", call("handler")),
      ],
    },
  ],
});
