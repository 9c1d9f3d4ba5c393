// Capture analysis as it shows in messages.
import { call, captures, repeated, rule, ruleTester, types, values } from "./helpers.js";

const Z = `import { z } from "zod";\n`;
const fresh = (name: string): string => `\`${name}\` (a new object on every call, so no \`withKey\` key can ever hit)`;

ruleTester.run("no-inline-predicate: captures in messages", rule, {
  valid: [
    {
      name: "module-level bindings are not captures (and module level is not reported)",
      code: `${Z}const min = 1;\nexport const A = z.string().refine((s) => s.length > min);`,
    },
  ],
  invalid: [
    { name: "one capture", code: `${Z}export function f(min: number) { z.string().refine((s) => s.length > min).parse(""); }`, errors: [repeated(".refine()", "predicate", call("f"), captures(values("min")))] },
    {
      name: "several captures in first-use order",
      code: `${Z}export function f(min: number, max: number) { z.number().refine((n) => n < max && n > min && n !== max).parse(1); }`,
      errors: [repeated(".refine()", "predicate", call("f"), captures(values("max", "min")))],
    },
    { name: "module-level bindings and imports are not listed", code: `${Z}const base = 1;\nexport function f() { z.number().refine((n) => n > base && z.number().safeParse(n).success).parse(1); }`, errors: [repeated(".refine()", "predicate", call("f"))] },
    { name: "generic type parameter", code: `${Z}export function f<T>() { z.custom((v: T) => v != null).parse(1); }`, errors: [repeated("z.custom()", "predicate", call("f"), captures(types("T")))] },
    { name: "local interface", code: `${Z}export function f() { interface Local { a: string } z.custom((v: Local) => v.a === "").parse(1); }`, errors: [repeated("z.custom()", "predicate", call("f"), captures(types("Local")))] },
    { name: "typeof local", code: `${Z}export function f() { const local = { c: 1 }; z.custom((v: typeof local) => v.c === 1).parse(1); }`, errors: [repeated("z.custom()", "predicate", call("f"), captures(types("local")))] },
    {
      name: "values and several types",
      code: `${Z}export function f<T, U>(min: number) { z.custom((v: T) => { const w: U | undefined = undefined; return v != null && w === undefined && min > 0; }).parse(1); }`,
      errors: [repeated("z.custom()", "predicate", call("f"), captures(values("min"), types("T", "U")))],
    },
    { name: "this in an arrow", code: `${Z}export class A { x = 1; m() { return z.number().refine((n) => n > this.x).parse(1); } }`, errors: [repeated(".refine()", "predicate", call("A.m"), captures("uses `this`"))] },
    { name: "own this of a function expression is not listed", code: `${Z}export class A { m() { return z.number().refine(function (this: unknown, n) { return this !== n; }).parse(1); } }`, errors: [repeated(".refine()", "predicate", call("A.m"))] },
    { name: "arguments in an arrow", code: `${Z}export function f() { z.string().refine((s) => s === arguments[0]).parse(""); }`, errors: [repeated(".refine()", "predicate", call("f"), captures("uses `arguments`"))] },
    { name: "super and new.target", code: `${Z}export class B extends Base { constructor() { super(); z.string().refine((s) => super.ok(s) && new.target !== undefined).parse(""); } }`, errors: [repeated(".refine()", "predicate", "on every call of the constructor of `B`", captures("uses `super`", "uses `new.target`"))] },
    { name: "block-scoped const in a loop body", code: `${Z}export function f(items: number[]) { for (const item of items) { const lim = item * 2; z.number().refine((n) => n > lim).parse(1); } }`, errors: [repeated(".refine()", "predicate", "on every iteration of the `for…of` loop at line 2", captures(values("lim")))] },
    {
      name: "sibling local functions",
      code: `${Z}export function f() { function helper(n: number) { return n > 0; } const arrow = (n: number) => n > 1; z.number().refine((n) => helper(n) && arrow(n)).parse(1); }`,
      errors: [repeated(".refine()", "predicate", call("f"), captures(`captures ${fresh("helper")}, ${fresh("arrow")}`))],
    },
    {
      name: "issue 10 case 12: a captured object literal is named as a new object on every call, which no key can ever hit",
      code: `${Z}export function f(min: number) { const opts = { min }; z.number().refine((n) => n > opts.min).parse(1); }`,
      errors: [repeated(".refine()", "predicate", call("f"), captures(`captures ${fresh("opts")}`))],
    },
    { name: "var hoisting", code: `${Z}export function f() { z.number().refine((n) => n > hoisted).parse(1); var hoisted = 1; }`, errors: [repeated(".refine()", "predicate", call("f"), captures(values("hoisted")))] },
    { name: "recursion through a named function expression is not a capture", code: `${Z}export function f() { z.number().refine(function self(n): boolean { return n <= 0 || self(n - 1); }).parse(1); }`, errors: [repeated(".refine()", "predicate", call("f"))] },
    { name: "TypeScript this parameter", code: `${Z}export function f() { z.number().refine(function (this: Window, n: number) { return n > 0; }).parse(1); }`, errors: [repeated(".refine()", "predicate", call("f"))] },
    { name: "outer function's this parameter used from an arrow", code: `${Z}export function f(this: { min: number }) { return z.string().refine((s) => s.length > this.min).parse(""); }`, errors: [repeated(".refine()", "predicate", call("f"), captures("uses `this`"))] },
    { name: "a reassigned let is listed like any capture", code: `${Z}export function f() { let counter = 0; counter++; z.number().refine((n) => n > counter).parse(1); }`, errors: [repeated(".refine()", "predicate", call("f"), captures(values("counter")))] },
  ],
});
