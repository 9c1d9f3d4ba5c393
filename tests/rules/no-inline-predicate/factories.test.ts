// Schema factories: functions that build and return the schema holding the closure.
import { call, callback, captures, moduleLevel, repeated, rule, ruleTester, values } from "./helpers.js";

ruleTester.run("no-inline-predicate: schema factories", rule, {
  valid: [
    {
      name: "factory returning the schema directly",
      code: `import { z } from "zod";
export function makeName(min: number) { return z.string().refine((s) => s.length > min); }`,
    },
    {
      name: "arrow factory with a concise body",
      code: `import { z } from "zod";
export const makeName = (min: number) => z.string().refine((s) => s.length > min);`,
    },
    {
      name: "factory returning through a local const",
      code: `import { z } from "zod";
export function makeName() { const schema = z.object({ a: z.string().refine((s) => s.length > 0) }); return schema; }`,
    },
    {
      name: "factory returning { body: schema }",
      code: `import { z } from "zod";
export function makeRoute() { return { body: z.string().refine((s) => s.length > 0) }; }`,
    },
    {
      name: "factory building the shape in a local object passed to the returned schema call (strapi's pattern)",
      code: `import * as yup from "yup";
export function createSchema(reserved: string[]) {
  const shape = { name: yup.string().test({ name: "n", test(value) { return !reserved.includes(value ?? ""); } }) };
  return yup.object(shape);
}`,
    },
    {
      name: "factory returning one of two schemas",
      code: `import { z } from "zod";
export function make(strict: boolean) { return strict ? z.string().refine((s) => s.length > 0) : z.string(); }`,
    },
    {
      name: "factory method in an object literal",
      code: `import { z } from "zod";
export const schemas = { user: () => z.string().refine((s) => s.length > 0) };`,
    },
    {
      name: "nested factories: a map callback inside a factory that returns the union (bug fix)",
      code: `import { z } from "zod";
export function makeUnion(values: string[]) { return z.union(values.map((v) => z.literal(v).refine((s) => s === v))); }`,
    },
    {
      name: "factory through a variable holding a schema (let never reassigned)",
      code: `import { z } from "zod";
export function make() { let base = z.string(); const refined = base.refine((s) => s.length > 0); return refined; }`,
    },
  ],
  invalid: [
    {
      name: "a local shape passed to a schema that is parsed, not returned: a handler, reported",
      code: `import * as yup from "yup";
export function handler(input: unknown, reserved: string[]) {
  const shape = { name: yup.string().test("n", (v) => !reserved.includes(v ?? "")) };
  return yup.object(shape).validateSync(input);
}`,
      errors: [repeated(".test()", "predicate", call("handler"), captures(values("reserved")))],
    },
    {
      name: "checkFactories: true reports a factory",
      code: `import { z } from "zod";
export function makeName(min: number) { return z.string().refine((s) => s.length > min); }`,
      options: [{ checkFactories: true }],
      errors: [repeated(".refine()", "predicate", call("makeName"), captures(values("min")))],
    },
    {
      name: "checkFactories: true reports a factory returning { body }",
      code: `import { z } from "zod";
export function makeRoute() { return { body: z.string().refine((s) => s.length > 0) }; }`,
      options: [{ checkFactories: true }],
      errors: [repeated(".refine()", "predicate", call("makeRoute"))],
    },
    {
      name: "checkFactories: true reports nested factories at the innermost function",
      code: `import { z } from "zod";
export function makeUnion(values: string[]) { return z.union(values.map((v) => z.literal(v).refine((s) => s === v))); }`,
      options: [{ checkFactories: true }],
      errors: [repeated(".refine()", "predicate", callback("values.map"), captures(values("v")))],
    },
    {
      name: "a function returning schema.parse(x) is not a factory",
      code: `import { z } from "zod";
export function check(input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("check"))],
    },
    {
      name: "a function that builds one schema and returns another is not a factory of the first",
      code: `import { z } from "zod";
export function make() { const unused = z.string().refine((s) => s.length > 0); void unused; return z.string(); }`,
      errors: [repeated(".refine()", "predicate", call("make"))],
    },
    {
      name: "hooks are never factories",
      code: `import { z } from "zod";
export function useNameSchema() { return z.string().refine((s) => s.length > 0); }`,
      errors: [repeated(".refine()", "predicate", call("useNameSchema"))],
    },
    {
      name: "components (contain JSX) are never factories",
      code: `import { z } from "zod";
export function Form() { const schema = z.string().refine((s) => s.length > 0); return <form data-schema={schema.description} />; }`,
      filename: "component.tsx",
      errors: [repeated(".refine()", "predicate", call("Form"))],
    },
    {
      name: "a factory declared inside a component takes the component's answer",
      code: `import { z } from "zod";
export function Form() {
  const makeSchema = () => z.string().refine((s) => s.length > 0);
  return <form onSubmit={(e) => makeSchema().parse(e)} />;
}`,
      filename: "component.tsx",
      errors: [repeated(".refine()", "predicate", call("Form"))],
    },
    {
      name: "a factory returned from another function re-runs with that function",
      code: `import { z } from "zod";
export function outer() { return function makeSchema() { return z.string().refine((s) => s.length > 0); }; }`,
      errors: [repeated(".refine()", "predicate", call("outer"))],
    },
    {
      name: "scope: all reports a module-level factory with inlineModule",
      code: `import { z } from "zod";
export function makeName() { return z.string().refine((s) => s.length > 0); }`,
      options: [{ scope: "all" }],
      errors: [moduleLevel(".refine()", "predicate")],
    },
  ],
});
