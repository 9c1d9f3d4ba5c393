// require-stable-key: withKey calls found by binding: imports, aliases, namespaces, require, settings; look-alikes stay silent.
import "../../setup-rule-tester.js";
import { OUTSIDE_JS, commonjs, imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "a local function named withKey is not the runtime (shadowing)",
      code: `${imp}export function f(min: number) {
  const withKey = <F,>(fn: F, _key: unknown) => fn;
  return withKey((n: number) => n >= min, "min");
}`,
    },
    {
      name: "withKey imported from another module is not traced",
      code: `import { withKey } from "./my-memo";
export function f(min: number) { return withKey((n: number) => n >= min, "min"); }`,
    },
    {
      name: "type-only import of withKey is not a call site",
      code: `import type { withKey } from "stable-schema";
export function f(min: number, wk: typeof withKey) { return wk((n: number) => n >= min, "min"); }`,
    },
    {
      name: "settings: a configured module and name",
      code: `import { memoFn } from "@/lib/keys";
export function f(min: number) { return memoFn((n: number) => n >= min, ["min", min]); }`,
      settings: { "stable-schema": { withKey: { module: "@/lib/keys", name: "memoFn" } } },
    },
  ],
  invalid: [
    {
      name: "aliased import `withKey as wk`",
      code: `import { withKey as wk } from "stable-schema";
export function f(min: number) { return wk((n: number) => n >= min, "min"); }`,
      output: `import { withKey as wk } from "stable-schema";
export function f(min: number) { return wk((n: number) => n >= min, ["min", min]); }`,
      errors: [{ messageId: "missingKey", data: { id: "min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `import { withKey as wk } from "stable-schema";
export function f(min: number) { return wk((n: number) => n >= min, ["min", min]); }` }] }],
    },
    {
      name: "namespace import `ss.withKey`",
      code: `import * as ss from "stable-schema";
export function f(min: number) { return ss.withKey((n: number) => n >= min, ["min"]); }`,
      output: `import * as ss from "stable-schema";
export function f(min: number) { return ss.withKey((n: number) => n >= min, ["min", min]); }`,
      errors: [{ messageId: "missingKey", data: { id: "min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `import * as ss from "stable-schema";
export function f(min: number) { return ss.withKey((n: number) => n >= min, ["min", min]); }` }] }],
    },
    {
      name: "CommonJS destructured require, with a rename",
      code: `const { withKey: keyed } = require("stable-schema");
function f(min) { return keyed((n) => n >= min, "min"); }`,
      output: `const { withKey: keyed } = require("stable-schema");
function f(min) { return keyed((n) => n >= min, ["min", min]); }`,
      errors: [{ messageId: "missingKey", data: { id: "min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `const { withKey: keyed } = require("stable-schema");
function f(min) { return keyed((n) => n >= min, ["min", min]); }` }] }],
    },
    {
      name: "sourceType commonjs: require is a configured global and top-level bindings are module level",
      filename: OUTSIDE_JS,
      code: `const { withKey } = require("stable-schema");
const LIMIT = 10;
function f(min) { return withKey((n) => n >= min && n < LIMIT, "limits#min"); }
module.exports = { f };`,
      output: `const { withKey } = require("stable-schema");
const LIMIT = 10;
function f(min) { return withKey((n) => n >= min && n < LIMIT, ["limits#min", min]); }
module.exports = { f };`,
      languageOptions: commonjs,
      errors: [{ messageId: "missingKey", data: { id: "limits#min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `const { withKey } = require("stable-schema");
const LIMIT = 10;
function f(min) { return withKey((n) => n >= min && n < LIMIT, ["limits#min", min]); }
module.exports = { f };` }] }],
    },
    {
      name: "CommonJS require(...).withKey called directly",
      code: `function f(min) { return require("stable-schema").withKey((n) => n >= min, "min"); }`,
      output: `function f(min) { return require("stable-schema").withKey((n) => n >= min, ["min", min]); }`,
      errors: [{ messageId: "missingKey", data: { id: "min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `function f(min) { return require("stable-schema").withKey((n) => n >= min, ["min", min]); }` }] }],
    },
    {
      name: "CommonJS namespace require and a const alias",
      code: `const ss = require("stable-schema");
const wk = ss.withKey;
function f(min) { return wk((n) => n >= min, "min"); }`,
      output: `const ss = require("stable-schema");
const wk = ss.withKey;
function f(min) { return wk((n) => n >= min, ["min", min]); }`,
      errors: [{ messageId: "missingKey", data: { id: "min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `const ss = require("stable-schema");
const wk = ss.withKey;
function f(min) { return wk((n) => n >= min, ["min", min]); }` }] }],
    },
    {
      name: "settings: configured module and name",
      code: `import { memoFn } from "@/lib/keys";
export function f(min: number) { return memoFn((n: number) => n >= min, "min"); }`,
      output: `import { memoFn } from "@/lib/keys";
export function f(min: number) { return memoFn((n: number) => n >= min, ["min", min]); }`,
      settings: { "stable-schema": { withKey: { module: "@/lib/keys", name: "memoFn" } } },
      errors: [{ messageId: "missingKey", data: { id: "min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `import { memoFn } from "@/lib/keys";
export function f(min: number) { return memoFn((n: number) => n >= min, ["min", min]); }` }] }],
    },
  ],
});
