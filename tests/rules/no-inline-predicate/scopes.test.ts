// "Runs repeatedly?": every scope rule, and the memoFunctions / scope options.
import { call, callback, captures, instance, loop, moduleLevel, repeated, rule, ruleTester, values } from "./helpers.js";

const Z = `import { z } from "zod";\n`;

ruleTester.run("no-inline-predicate: scopes", rule, {
  valid: [
    { name: "module level", code: `${Z}export const A = z.string().refine((s) => s.length > 0);` },
    { name: "module-level IIFE", code: `${Z}export const A = (() => z.string().refine((s) => s.length > 0))();` },
    { name: "module-level IIFE with a block body and unary operator", code: `${Z}!function () { use(z.string().refine((s) => s.length > 0).parse("a")); }();` },
    { name: "static field initializer", code: `${Z}export class Store { static schema = z.string().refine((s) => s.length > 0); }` },
    { name: "static block", code: `${Z}export class Store { static schema: unknown; static { Store.schema = z.string().refine((s) => s.length > 0); } }` },
    { name: "computed key of an instance field runs once", code: `${Z}export class Store { [z.string().refine((s) => s.length > 0).description ?? "k"] = 1; }` },
    { name: "the iterable of a for…of loop is evaluated once", code: `${Z}for (const s of [z.string().refine((x) => x.length > 0)]) use(s);` },
    { name: "the init of a for loop is evaluated once", code: `${Z}for (let s = z.string().refine((x) => x.length > 0); !s; ) use(s);` },
    { name: "z.lazy thunk at module level", code: `${Z}export const T = z.lazy(() => z.string().refine((s) => s.length > 0));` },
    { name: "effect Schema.suspend thunk at module level", code: `import { Schema } from "effect";\nexport const T = Schema.suspend(() => Schema.Number.pipe(Schema.filter((n) => n > 0)));` },
    { name: "useMemo callback", code: `${Z}import { useMemo } from "react";\nexport function useName() { return useMemo(() => z.string().refine((s) => s.length > 0), []); }` },
    { name: "useState initialiser", code: `${Z}import { useState } from "react";\nexport function useName() { const [s] = useState(() => z.string().refine((x) => x.length > 0)); return s; }` },
    { name: "useReducer initialiser (third argument)", code: `${Z}import { useReducer } from "react";\nexport function useName() { return useReducer((s: unknown) => s, null, () => z.string().refine((x) => x.length > 0)); }` },
    { name: "React.useMemo member call", code: `${Z}import * as React from "react";\nexport function useName() { return React.useMemo(() => z.string().refine((s) => s.length > 0), []); }` },
    {
      name: "memoFunctions option: a custom memo function",
      code: `${Z}import { remember } from "./remember";\nexport function useName() { return remember(() => z.string().refine((s) => s.length > 0)); }`,
      options: [{ memoFunctions: ["remember"] }],
    },
    {
      name: "useEffect with deps: the callback runs when the deps change, not on every render",
      code: `${Z}import { useEffect } from "react";\nexport function useCheck(min: number) { useEffect(() => { z.number().refine((n) => n > min).parse(1); }, [min]); }`,
    },
    {
      name: "useLayoutEffect and React.useInsertionEffect with deps",
      code: `${Z}import * as React from "react";\nexport function useCheck(min: number) {\n  React.useLayoutEffect(() => { z.number().refine((n) => n > min).parse(1); }, [min]);\n  React.useInsertionEffect(() => { z.number().refine((n) => n > min).parse(1); }, []);\n}`,
    },
    {
      name: "effectFunctions option: a custom effect hook with deps",
      code: `${Z}import { useAsyncEffect } from "./hooks";\nexport function useCheck(min: number) { useAsyncEffect(async () => { z.number().refine((n) => n > min).parse(1); }, [min]); }`,
      options: [{ effectFunctions: ["useAsyncEffect"] }],
    },
    {
      name: "zod recursive getter in an object shape at module level",
      code: `${Z}export const Cat = z.object({ name: z.string(), get sub() { return z.array(Cat).refine((a) => a.length < 9); } });`,
    },
  ],
  invalid: [
    {
      name: "useEffect without deps runs after every render",
      code: `${Z}import { useEffect } from "react";\nexport function useCheck(min: number) { useEffect(() => { z.number().refine((n) => n > min).parse(1); }); }`,
      errors: [repeated(".refine()", "predicate", "on every call of the callback passed to `useEffect`", " (captures `min`)")],
    },
    {
      name: "useEffect with deps and undefined as the deps runs after every render",
      code: `${Z}import { useEffect } from "react";\nexport function useCheck(min: number) { useEffect(() => { z.number().refine((n) => n > min).parse(1); }, undefined); }`,
      errors: [repeated(".refine()", "predicate", "on every call of the callback passed to `useEffect`", " (captures `min`)")],
    },
    {
      name: "effectFunctions option replaces the default list: useEffect with deps is reported again",
      code: `${Z}import { useEffect } from "react";\nexport function useCheck(min: number) { useEffect(() => { z.number().refine((n) => n > min).parse(1); }, [min]); }`,
      options: [{ effectFunctions: [] }],
      errors: [repeated(".refine()", "predicate", "on every call of the callback passed to `useEffect`", " (captures `min`)")],
    },
    {
      name: "function declaration",
      code: `${Z}export function run(input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "function expression bound to a const",
      code: `${Z}export const run = function (input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); };`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "arrow function bound to a const",
      code: `${Z}export const run = (input: unknown) => { z.string().refine((s) => s.length > 0).parse(input); };`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "class method, constructor, getter and setter",
      code: `${Z}export class Store {
  load(input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); }
  constructor() { z.string().refine((s) => s.length > 0).parse(""); }
  get value() { return z.string().refine((s) => s.length > 0).parse(""); }
  set value(v: string) { z.string().refine((s) => s.length > 0).parse(v); }
}`,
      errors: [
        repeated(".refine()", "predicate", call("Store.load"), "", { line: 3 }),
        repeated(".refine()", "predicate", "on every call of the constructor of `Store`", "", { line: 4 }),
        repeated(".refine()", "predicate", call("Store.value"), "", { line: 5 }),
        repeated(".refine()", "predicate", call("Store.value"), "", { line: 6 }),
      ],
    },
    {
      name: "a getter in a class is repeated even though it returns a schema",
      code: `${Z}export class Form { get schema() { return z.string().refine((s) => s.length > 0); } }`,
      errors: [repeated(".refine()", "predicate", call("Form.schema"))],
    },
    {
      name: "object literal method",
      code: `${Z}export const api = { handle(input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); } };`,
      errors: [repeated(".refine()", "predicate", call("handle"))],
    },
    {
      name: "class instance field initializers (public, private, accessor)",
      code: `${Z}export class Store {
  schema = z.string().refine((s) => s.length > 0);
  #secret = z.string().refine((s) => s.length > 1);
  accessor other = z.string().refine((s) => s.length > 2);
}`,
      errors: [
        repeated(".refine()", "predicate", instance("Store"), "", { line: 3 }),
        repeated(".refine()", "predicate", instance("Store"), "", { line: 4 }),
        repeated(".refine()", "predicate", instance("Store"), "", { line: 5 }),
      ],
    },
    {
      name: "instance field of an anonymous class expression bound to a const",
      code: `${Z}export const Store = class { schema = z.string().refine((s) => s.length > 0); };`,
      errors: [repeated(".refine()", "predicate", instance("Store"))],
    },
    {
      name: "module-level loops: for, for…of, for…in, while, do…while",
      code: `${Z}for (let i = 0; i < 3; i++) z.string().refine((s) => s.length > i);
for (const x of [1, 2]) z.number().refine((n) => n > x);
for (const k in { a: 1 }) z.string().refine((s) => s === k);
while (Math.random() > 0.5) z.string().refine((s) => s.length > 0);
do { z.string().refine((s) => s.length > 0); } while (Math.random() > 0.5);`,
      errors: [
        repeated(".refine()", "predicate", loop("for", 2), captures(values("i"))),
        repeated(".refine()", "predicate", loop("for…of", 3), captures(values("x"))),
        repeated(".refine()", "predicate", loop("for…in", 4), captures(values("k"))),
        repeated(".refine()", "predicate", loop("while", 5)),
        repeated(".refine()", "predicate", loop("do…while", 6)),
      ],
    },
    {
      name: "for await…of loop",
      code: `${Z}for await (const x of source) z.string().refine((s) => s === x);`,
      errors: [repeated(".refine()", "predicate", loop("for await…of", 2), captures(values("x")))],
    },
    {
      name: "the test of a while loop re-runs",
      code: `${Z}while (z.string().refine((s) => s.length > 0).safeParse(next()).success) step();`,
      errors: [repeated(".refine()", "predicate", loop("while", 2))],
    },
    {
      name: "a loop inside a function names the loop (innermost boundary)",
      code: `${Z}export function run(items: string[]) { for (const item of items) z.string().refine((s) => s === item).parse(item); }`,
      errors: [repeated(".refine()", "predicate", loop("for…of", 2), captures(values("item")))],
    },
    {
      name: "callback passed to app.get",
      code: `${Z}app.get("/", (req) => { z.string().refine((s) => s === req.query.q).parse(req.body); });`,
      errors: [repeated(".refine()", "predicate", callback("app.get"), captures(values("req")))],
    },
    {
      name: "callback passed to a call on a call result",
      code: `${Z}router().post("/", function (req) { z.string().refine((s) => s.length > 0).parse(req.body); });`,
      errors: [repeated(".refine()", "predicate", callback("router(…).post"))],
    },
    {
      name: "default export function",
      code: `${Z}export default function (input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", "on every call of the default export")],
    },
    {
      name: "an IIFE inside a function takes the function's answer",
      code: `${Z}export function run() { return (() => z.string().refine((s) => s.length > 0).parse(""))(); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "z.lazy thunk inside a component",
      code: `${Z}export function Tree() { const S = z.lazy(() => z.string().refine((s) => s.length > 0)); return <div>{String(S.safeParse("").success)}</div>; }`,
      filename: "component.tsx",
      errors: [repeated(".refine()", "predicate", call("Tree"))],
    },
    {
      name: "component body (tsx)",
      code: `${Z}export function UserForm({ min }: { min: number }) { const schema = z.string().refine((s) => s.length > min); return <input data-ok={schema.safeParse("").success} />; }`,
      filename: "component.tsx",
      errors: [repeated(".refine()", "predicate", call("UserForm"), captures(values("min")))],
    },
    {
      name: "memoFunctions option replaces the default list: useMemo is no longer a memo",
      code: `${Z}import { useMemo } from "react";\nexport function useName() { return useMemo(() => z.string().refine((s) => s.length > 0), []); }`,
      options: [{ memoFunctions: ["remember"] }],
      errors: [repeated(".refine()", "predicate", call("useName"))],
    },
    {
      name: "useReducer reducer (first argument) is not a memo callback",
      code: `${Z}import { useReducer } from "react";\nexport function useName() { return useReducer((s: unknown) => z.string().refine((x) => x.length > 0).parse(s), null); }`,
      errors: [repeated(".refine()", "predicate", callback("useReducer"))],
    },
    {
      name: "useMemo deps array is not the memo callback",
      code: `${Z}import { useMemo } from "react";\nexport function useName() { return useMemo(() => 1, [z.string().refine((s) => s.length > 0)]); }`,
      errors: [repeated(".refine()", "predicate", call("useName"))],
    },
    {
      name: "scope: all reports module level with inlineModule and still reports repeated code with inlineRepeated",
      code: `${Z}export const A = z.string().refine((s) => s.length > 0);
export function run(input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); }`,
      options: [{ scope: "all" }],
      errors: [moduleLevel(".refine()", "predicate", "", { line: 2 }), repeated(".refine()", "predicate", call("run"), "", { line: 3 })],
    },
    {
      name: "scope: all reports static fields and memo callbacks as module-level",
      code: `${Z}import { useMemo } from "react";
export class Store { static schema = z.string().refine((s) => s.length > 0); }
export function useName() { return useMemo(() => z.string().refine((s) => s.length > 0), []); }`,
      options: [{ scope: "all" }],
      errors: [moduleLevel(".refine()", "predicate", "", { line: 3 }), moduleLevel(".refine()", "predicate", "", { line: 4 })],
    },
  ],
});
