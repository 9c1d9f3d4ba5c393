// Decide by binding, not by name: look-alikes stay silent; aliases, re-export mappings, variables
// holding schemas and destructured builders are traced.
import { call, repeated, rule, ruleTester } from "./helpers.js";

const mapped = { "stable-schema": { modules: { "@/lib/zod": "zod" } } };

ruleTester.run("no-inline-predicate: tracing", rule, {
  valid: [
    {
      name: "sonner toast.custom",
      code: `import { toast } from "sonner";
export function notify() { toast.custom(() => null); }`,
    },
    {
      name: "Array.prototype.filter/some/every/find next to a zod import",
      code: `import { z } from "zod";
export function pick(xs: number[]) { return [xs.filter((x) => x > 0), xs.some((x) => x > 1), xs.every((x) => x < 9), xs.find((x) => x === 3), z.string().parse("a")]; }`,
    },
    {
      name: "RegExp.prototype.test",
      code: `import * as yup from "yup";
export function ok(s: string) { return /re/.test(s) && yup.string().isValidSync(s); }`,
    },
    {
      name: "vitest test(name, fn) next to yup",
      code: `import { test, expect } from "vitest";
import * as yup from "yup";
export function register() { test("accepts", () => { expect(yup.string().isValidSync("a")).toBe(true); }); }`,
    },
    {
      name: "lodash _.transform",
      code: `import _ from "lodash";
import { z } from "zod";
export function keys(o: object) { return _.transform(o, (acc: string[], _v, k) => { acc.push(String(k)); }, []); }`,
    },
    {
      name: "node stream new Transform({ transform() {} })",
      code: `import { Transform } from "node:stream";
import { z } from "zod";
export function upper() { return new Transform({ transform(chunk, _enc, cb) { cb(null, String(chunk).toUpperCase()); } }); }`,
    },
    {
      name: "RxJS filter",
      code: `import { filter } from "rxjs";
import * as v from "valibot";
export function positives() { return filter((n: number) => n > 0); }`,
    },
    {
      name: "an object not traced to a library",
      code: `import { z } from "zod";
export function run(obj: { refine(fn: (x: unknown) => boolean): unknown; custom(fn: () => void): void }) { obj.refine((x) => !!x); obj.custom(() => {}); }`,
    },
    {
      name: "a parameter named z shadows the import",
      code: `import { z } from "zod";
export function run(z: any) { return z.string().refine((s: string) => s.length > 0); }`,
    },
    {
      name: "a local const v shadows the valibot namespace",
      code: `import * as v from "valibot";
export function run() { const v = { check: (fn: (s: string) => boolean) => fn }; return v.check((s) => s.length > 0); }`,
    },
    {
      name: "import type { z } is not a value binding",
      code: `import type { z } from "zod";
export function run(z2: typeof z) { return z2.string().refine((s: string) => s.length > 0); }`,
    },
    {
      name: "inline type specifier import { type z }",
      code: `import { type z } from "zod";
declare const zz: typeof z;
export function run() { return zz.string().refine((s: string) => s.length > 0).parse(""); }`,
    },
    {
      name: "a re-export module without a settings mapping is unknown",
      code: `import { z } from "@/lib/zod";
export function run(input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); }`,
    },
    {
      name: "let reassigned: the variable no longer traces to a schema",
      code: `import { z } from "zod";
export function run(input: unknown, other: any) { let s = z.string(); s = other; return s.refine((x: string) => x.length > 0).parse(input); }`,
    },
    {
      name: "a local require function is not CommonJS require",
      code: `function require(_: string) { return { z: { string: () => ({ refine: (fn: unknown) => fn }) } }; }
const { z } = require("zod");
export function run() { return z.string().refine((s: string) => s.length > 0); }`,
      filename: "file.js",
    },
    {
      name: "the result of .parse() is data, not a schema",
      code: `import { z } from "zod";
export function run(input: unknown) { return z.array(z.number()).parse(input).filter((n) => n > 0); }`,
    },
  ],
  invalid: [
    {
      name: "alias import { z as zz }",
      code: `import { z as zz } from "zod";
export function run(input: unknown) { return zz.string().refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "namespace import * as Zod (apiText names the namespace)",
      code: `import * as Zod from "zod";
export function run(input: unknown) { return Zod.custom((s) => !!s).parse(input); }`,
      errors: [repeated("Zod.custom()", "predicate", call("run"))],
    },
    {
      name: "default import of joi",
      code: `import Joi from "joi";
export function run(input: unknown) { return Joi.any().custom((v) => v).validate(input); }`,
      errors: [repeated(".custom()", "validator", call("run"))],
    },
    {
      name: "re-export mapping via settings",
      code: `import { z } from "@/lib/zod";
export function run(input: unknown) { return z.string().refine((s) => s.length > 0).parse(input); }`,
      settings: mapped,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "a const holding a schema inside a function",
      code: `import { z } from "zod";
export function run(input: unknown) { const base = z.string(); return base.refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "a module-level const holding a schema, refined inside a function",
      code: `import { z } from "zod";
const base = z.string().min(1);
export function run(input: unknown) { return base.refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "a let never reassigned holds a schema",
      code: `import { z } from "zod";
export function run(input: unknown) { let base = z.string(); return base.refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "destructuring builders from the namespace: const { string } = z",
      code: `import { z } from "zod";
const { string, custom } = z;
export function run(input: unknown) { string().refine((s) => s.length > 0).parse(input); custom((v) => !!v).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run")), repeated("custom()", "predicate", call("run"))],
    },
    {
      name: "chained through TypeScript wrappers and optional chaining",
      code: `import { z } from "zod";
export function run(input: unknown) { return (z.string() as z.ZodString)!.refine((s) => s.length > 0)?.parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "import zod = require('zod')",
      code: `import zod = require("zod");
export function run(input: unknown) { return zod.string().refine((s) => s.length > 0).parse(input); }`,
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "CommonJS: const { z } = require('zod') and const yup = require('yup') in a .cjs file",
      code: `const { z } = require("zod");
const yup = require("yup");
function run(input) { z.string().refine((s) => s.length > 0).parse(input); return yup.string().test((v) => !!v).validateSync(input); }
module.exports = { run };`,
      filename: "file.cjs",
      languageOptions: { parserOptions: { sourceType: "script", ecmaFeatures: { jsx: false } } },
      errors: [repeated(".refine()", "predicate", call("run")), repeated(".test()", "predicate", call("run"))],
    },
    {
      name: "CommonJS with require declared as a global (globals.node): still traced (bug fix)",
      code: `const { z } = require("zod");
const min = 1;
function run(input) { return z.string().refine((s) => s.length > min).parse(input); }
module.exports = { run };`,
      filename: "file.js",
      languageOptions: { globals: { require: "readonly", module: "writable" } },
      errors: [repeated(".refine()", "predicate", call("run"))],
    },
    {
      name: "plain .js and .mjs files",
      code: `import * as z from "zod/v4";
export const handler = async (req) => z.string().refine((s) => s === req.user).parse(req.body);`,
      filename: "file.mjs",
      errors: [repeated(".refine()", "predicate", call("handler"), " (captures `req`)")],
    },
    {
      name: ".jsx component",
      code: `import { z } from "zod";
export function Form() { return <form onSubmit={(e) => z.string().refine((s) => s.length > 0).parse(e.target.value)} />; }`,
      filename: "component.jsx",
      errors: [repeated(".refine()", "predicate", "on every call of the `onSubmit` handler")],
    },
    {
      name: "shadowing is per scope: the outer function still sees the import",
      code: `import { z } from "zod";
export function run(input: unknown) {
  function inner(z: any) { return z.string().refine((s: string) => s.length > 0); }
  return [inner, z.string().refine((s) => s.length > 0).parse(input)];
}`,
      errors: [repeated(".refine()", "predicate", call("run"), "", { line: 4 })],
    },
  ],
});
