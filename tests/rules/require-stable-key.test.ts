// require-stable-key: every check (key form, coverage, reassignment, lexical this, fresh values,
// duplicate ids, unused elements), tracing by binding, and the codemod's wrap output linting clean.
import "../setup-rule-tester.js";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { RuleTester, type TestLanguageOptions } from "@typescript-eslint/rule-tester";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { migrateSource } from "../../lib/edits/migrate.js";
import rule from "../../rules/require-stable-key.js";

const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils: the rule's types differ only by that copy.
const testedRule = rule as unknown as Parameters<typeof tester.run>[1];

// `sourceType` is passed through to ESLint's flat config; TestLanguageOptions does not declare it.
const commonjs = { sourceType: "commonjs" } as TestLanguageOptions;

const imp = `import { withKey } from "stable-schema";\n`;

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "array key covering every captured binding",
      code: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n >= min && n <= max, ["range", min, max]);
}`,
    },
    {
      name: "string key when the closure captures only module-level bindings",
      code: `${imp}const LIMIT = 10;
let calls = 0;
export function f() {
  return withKey((n: number) => n <= LIMIT && calls >= 0, "limit");
}`,
    },
    {
      name: "type-only captures need no key",
      code: `${imp}export function f<T extends string>(allowed: readonly T[]) {
  type Local = { value: T };
  return withKey((v: T, w?: Local) => allowed.includes(v) && w === undefined, ["allowed", allowed]);
}`,
    },
    {
      name: "destructured capture keyed by the destructured binding",
      code: `${imp}export function f(opts: { min: number }) {
  const { min } = opts;
  return withKey((n: number) => n >= min, ["min", min]);
}`,
    },
    {
      name: "captures through a nested function inside the closure are covered",
      code: `${imp}export function f(min: number) {
  return withKey((xs: number[]) => xs.every((x) => x >= min), ["every", min]);
}`,
    },
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
      name: "member-path key covers the binding when the closure reads it only through that path",
      code: `${imp}export function f(user: { id: string; name: string }) {
  return withKey((s: string) => s === user.id || s.length === user.id.length, ["owner", user.id]);
}`,
    },
    {
      name: "closure that is a parameter: only the key form is checked",
      code: `${imp}export function f(fn: (n: number) => boolean) { return withKey(fn, "passed"); }`,
    },
    {
      name: "closure through an identifier bound to a local arrow, captures covered",
      code: `${imp}export function f(min: number) {
  const atLeast = (n: number) => n >= min;
  return withKey(atLeast, ["atLeast", min]);
}`,
    },
    {
      name: "recursive local function declaration: its own name is not a capture",
      code: `${imp}export function f(min: number) {
  function down(n: number): boolean { return n <= min || down(n - 1); }
  return withKey(down, ["down", min]);
}`,
    },
    {
      name: "named function expression calling itself",
      code: `${imp}export function f(min: number) {
  return withKey(function fact(n: number): number { return n <= min ? 1 : n * fact(n - 1); }, ["fact", min]);
}`,
    },
    {
      name: "a function expression reading its own this (yup) is not lexical this",
      code: `${imp}export function f(min: number) {
  return withKey(function (this: { parent: { n: number } }) { return this.parent.n >= min; }, ["parent", min]);
}`,
    },
    {
      name: "let assigned only before the closure is created",
      code: `${imp}export function f(flag: boolean) {
  let min = 1;
  if (flag) min = 2;
  return withKey((n: number) => n >= min, ["min", min]);
}`,
    },
    {
      name: "for-let loop variable: the update writes the next iteration's binding",
      code: `${imp}export function f() {
  const out = [];
  for (let i = 0; i < 3; i++) out.push(withKey((n: number) => n === i, ["is", i]));
  return out;
}`,
    },
    {
      name: "same id with the same code in two functions",
      code: `${imp}export function f(p: number) { return withKey(() => p, ["same", p]); }
export function g(p: number) { return withKey(() => p, ["same", p]); }`,
    },
    {
      name: "a constant element (a version) and an expression of captured bindings",
      code: `${imp}export function f(a: number, b: number) {
  return withKey((n: number) => n >= a && n <= b, ["between", 2, a + b, a, b]);
}`,
    },
    {
      name: "allowUnusedKeys: an element the closure does not use is accepted",
      code: `${imp}export function f(min: number, locale: string) {
  return withKey((n: number) => n >= min, ["min", min, locale]);
}`,
      options: [{ allowUnusedKeys: true }],
    },
    {
      name: "settings: a configured module and name",
      code: `import { memoFn } from "@/lib/keys";
export function f(min: number) { return memoFn((n: number) => n >= min, ["min", min]); }`,
      settings: { "stable-schema": { withKey: { module: "@/lib/keys", name: "memoFn" } } },
    },
    {
      name: "a const captured object is keyed by identity",
      code: `${imp}export function f(limits: { min: number }) {
  const copy = { ...limits };
  return withKey((n: number) => n >= copy.min && n >= limits.min, ["limits", copy, limits]);
}`,
    },
    {
      name: "the key `as const`",
      code: `${imp}export function f(min: number) { return withKey((n: number) => n >= min, ["min", min] as const); }`,
    },
  ],
  invalid: [
    // --- key form ---------------------------------------------------------------------------------
    {
      name: "missing key",
      code: `${imp}export function f(fn: () => void) { return withKey(fn); }`,
      errors: [{ messageId: "badKey", data: { reason: "the key is missing" }, line: 2 }],
    },
    {
      name: "key held in a variable is not a literal",
      code: `${imp}export function f(min: number) {
  const key = ["min", min] as const;
  return withKey((n: number) => n >= min, key);
}`,
      errors: [{ messageId: "badKey", data: { reason: "it is not a literal" }, line: 4 }],
    },
    {
      name: "template literal id with an expression is not a literal",
      code: `${imp}export function f(kind: string) { return withKey(() => kind, \`k-\${kind}\`); }`,
      errors: [{ messageId: "badKey", data: { reason: "it is not a literal" } }],
    },
    {
      name: "first array element is not a string literal",
      code: `${imp}export function f(min: number) { return withKey((n: number) => n >= min, [min]); }`,
      errors: [{ messageId: "badKey", data: { reason: "the first element of the key must be a string literal id" } }],
    },
    {
      name: "spread element in the key",
      code: `${imp}export function f(deps: number[]) { return withKey(() => deps, ["deps", ...deps]); }`,
      errors: [{ messageId: "badKey", data: { reason: "a spread element cannot be checked against the captured bindings" } }],
    },
    // --- coverage -------------------------------------------------------------------------------------
    {
      name: "string key, two captured bindings: the fix turns it into an array in first-use order",
      code: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n <= max && n >= min, "range");
}`,
      output: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n <= max && n >= min, ["range", max, min]);
}`,
      errors: [
        { messageId: "missingKey", data: { id: "range", name: "max" }, suggestions: [{ messageId: "addToKey", data: { names: "`max`, `min`" }, output: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n <= max && n >= min, ["range", max, min]);
}` }] },
        { messageId: "missingKey", data: { id: "range", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`max`, `min`" }, output: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n <= max && n >= min, ["range", max, min]);
}` }] },
      ],
    },
    {
      name: "array key missing one binding: appended",
      code: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n >= min && n <= max, ["range", min]);
}`,
      output: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n >= min && n <= max, ["range", min, max]);
}`,
      errors: [{ messageId: "missingKey", data: { id: "range", name: "max" }, suggestions: [{ messageId: "addToKey", data: { names: "`max`" }, output: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n >= min && n <= max, ["range", min, max]);
}` }] }],
    },
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
      code: `const { withKey } = require("stable-schema");
const LIMIT = 10;
function f(min) { return withKey((n) => n >= min && n < LIMIT, "min"); }
module.exports = { f };`,
      output: `const { withKey } = require("stable-schema");
const LIMIT = 10;
function f(min) { return withKey((n) => n >= min && n < LIMIT, ["min", min]); }
module.exports = { f };`,
      languageOptions: commonjs,
      errors: [{ messageId: "missingKey", data: { id: "min", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `const { withKey } = require("stable-schema");
const LIMIT = 10;
function f(min) { return withKey((n) => n >= min && n < LIMIT, ["min", min]); }
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
    {
      name: "destructured capture: the key names the object, the closure reads `min` (one fix adds and removes; each suggestion does its part)",
      code: `${imp}export function f(opts: { min: number }) {
  const { min } = opts;
  return withKey((n: number) => n >= min, ["min", opts]);
}`,
      output: `${imp}export function f(opts: { min: number }) {
  const { min } = opts;
  return withKey((n: number) => n >= min, ["min", min]);
}`,
      errors: [
        {
          messageId: "missingKey",
          data: { id: "min", name: "min" },
          suggestions: [
            {
              messageId: "addToKey",
              data: { names: "`min`" },
              output: `${imp}export function f(opts: { min: number }) {
  const { min } = opts;
  return withKey((n: number) => n >= min, ["min", opts, min]);
}`,
            },
          ],
        },
        {
          messageId: "unusedKey",
          data: { id: "min", name: "opts" },
          suggestions: [
            {
              messageId: "removeFromKey",
              data: { names: "`opts`" },
              output: `${imp}export function f(opts: { min: number }) {
  const { min } = opts;
  return withKey((n: number) => n >= min, ["min"]);
}`,
            },
          ],
        },
      ],
    },
    {
      name: "capture through a nested function inside the closure",
      code: `${imp}export function f(min: number) {
  return withKey((xs: number[]) => xs.some((x) => x < min), "any");
}`,
      output: `${imp}export function f(min: number) {
  return withKey((xs: number[]) => xs.some((x) => x < min), ["any", min]);
}`,
      errors: [{ messageId: "missingKey", data: { id: "any", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `${imp}export function f(min: number) {
  return withKey((xs: number[]) => xs.some((x) => x < min), ["any", min]);
}` }] }],
    },
    {
      name: "member-path key but the closure also reads another property",
      code: `${imp}export function f(user: { id: string; name: string }) {
  return withKey((s: string) => s === user.id || s === user.name, ["owner", user.id]);
}`,
      output: `${imp}export function f(user: { id: string; name: string }) {
  return withKey((s: string) => s === user.id || s === user.name, ["owner", user.id, user]);
}`,
      errors: [{ messageId: "missingKey", data: { id: "owner", name: "user" }, suggestions: [{ messageId: "addToKey", data: { names: "`user`" }, output: `${imp}export function f(user: { id: string; name: string }) {
  return withKey((s: string) => s === user.id || s === user.name, ["owner", user.id, user]);
}` }] }],
    },
    {
      name: "member-path key but the closure calls it as a method (`user` is its `this`)",
      code: `${imp}export function f(user: { getId(): string }) {
  return withKey((s: string) => s === user.getId(), ["owner", user.getId]);
}`,
      output: `${imp}export function f(user: { getId(): string }) {
  return withKey((s: string) => s === user.getId(), ["owner", user.getId, user]);
}`,
      errors: [{ messageId: "missingKey", data: { id: "owner", name: "user" }, suggestions: [{ messageId: "addToKey", data: { names: "`user`" }, output: `${imp}export function f(user: { getId(): string }) {
  return withKey((s: string) => s === user.getId(), ["owner", user.getId, user]);
}` }] }],
    },
    {
      name: "identifier closure bound to a local arrow: its captures count",
      code: `${imp}export function f(min: number) {
  const atLeast = (n: number) => n >= min;
  return withKey(atLeast, "atLeast");
}`,
      output: `${imp}export function f(min: number) {
  const atLeast = (n: number) => n >= min;
  return withKey(atLeast, ["atLeast", min]);
}`,
      errors: [{ messageId: "missingKey", data: { id: "atLeast", name: "min" }, suggestions: [{ messageId: "addToKey", data: { names: "`min`" }, output: `${imp}export function f(min: number) {
  const atLeast = (n: number) => n >= min;
  return withKey(atLeast, ["atLeast", min]);
}` }] }],
    },
    {
      name: "a captured local class and a captured local helper",
      code: `${imp}export function f(prefix: string) {
  class Tag { constructor(readonly v: string) {} }
  const fmt = (s: string) => prefix + s;
  return withKey((s: string) => new Tag(fmt(s)), "tag");
}`,
      output: `${imp}export function f(prefix: string) {
  class Tag { constructor(readonly v: string) {} }
  const fmt = (s: string) => prefix + s;
  return withKey((s: string) => new Tag(fmt(s)), ["tag", Tag, fmt]);
}`,
      errors: [
        { messageId: "missingKey", data: { id: "tag", name: "Tag" }, suggestions: [{ messageId: "addToKey", data: { names: "`Tag`, `fmt`" }, output: `${imp}export function f(prefix: string) {
  class Tag { constructor(readonly v: string) {} }
  const fmt = (s: string) => prefix + s;
  return withKey((s: string) => new Tag(fmt(s)), ["tag", Tag, fmt]);
}` }] },
        { messageId: "missingKey", data: { id: "tag", name: "fmt" }, suggestions: [{ messageId: "addToKey", data: { names: "`Tag`, `fmt`" }, output: `${imp}export function f(prefix: string) {
  class Tag { constructor(readonly v: string) {} }
  const fmt = (s: string) => prefix + s;
  return withKey((s: string) => new Tag(fmt(s)), ["tag", Tag, fmt]);
}` }] },
      ],
    },
    {
      name: "a captured binding declared below the call: reported without a fix (the key would throw)",
      code: `${imp}export function f(p: number) {
  const check = withKey((n: number) => n > later, "later");
  const later = p * 2;
  return check;
}`,
      output: null,
      errors: [{ messageId: "missingKey", data: { id: "later", name: "later" } }],
    },
    {
      name: "a capture shadowed at the call site: no fix appends it (the name would key another binding)",
      code: `${imp}export function f(min: number) {
  const check = (n: number) => n >= min;
  return (scale: number) => {
    const min = scale;
    return withKey(check, ["check", min]);
  };
}`,
      output: `${imp}export function f(min: number) {
  const check = (n: number) => n >= min;
  return (scale: number) => {
    const min = scale;
    return withKey(check, ["check"]);
  };
}`,
      errors: [
        { messageId: "missingKey", data: { id: "check", name: "min" } },
        { messageId: "unusedKey", data: { id: "check", name: "min" }, suggestions: [{ messageId: "removeFromKey", data: { names: "`min`" }, output: `${imp}export function f(min: number) {
  const check = (n: number) => n >= min;
  return (scale: number) => {
    const min = scale;
    return withKey(check, ["check"]);
  };
}` }] },
      ],
    },
    {
      name: "a key element declared below the call throws",
      code: `${imp}export function f(p: number) {
  const check = withKey((n: number) => n > later, ["later", later]);
  const later = p * 2;
  return check;
}`,
      errors: [{ messageId: "uninitializedKey", data: { id: "later", name: "later", line: 4 } }],
    },
    {
      name: "a key element read inside its own declaration throws",
      code: `${imp}export function f(p: number) {
  const self: () => unknown = withKey(() => self() ?? p, ["self", self, p]);
  return self;
}`,
      errors: [{ messageId: "uninitializedKey", data: { id: "self", name: "self", line: 3 } }],
    },
    // --- reassignment -------------------------------------------------------------------------------
    {
      name: "let reassigned after the closure is created",
      code: `${imp}export function f() {
  let min = 1;
  const check = withKey((n: number) => n >= min, ["min", min]);
  min = 2;
  return check;
}`,
      errors: [{ messageId: "reassigned", data: { id: "min", name: "min", line: 5 }, line: 4, column: 45 }],
    },
    {
      name: "parameter written inside the closure",
      code: `${imp}export function f(count: number) {
  return withKey(() => count++, ["count", count]);
}`,
      errors: [{ messageId: "reassigned", data: { id: "count", name: "count", line: 3 } }],
    },
    {
      name: "var loop counter: one binding for every iteration",
      code: `${imp}export function f() {
  const out = [];
  for (var i = 0; i < 3; i++) out.push(withKey((n: number) => n === i, ["is", i]));
  return out;
}`,
      errors: [{ messageId: "reassigned", data: { id: "is", name: "i", line: 4 } }],
    },
    {
      name: "let written before the call inside a loop around it",
      code: `${imp}export function f(xs: number[]) {
  let last = 0;
  const out = [];
  for (const x of xs) {
    last = x;
    out.push(withKey((n: number) => n > last, ["last", last]));
  }
  return out;
}`,
      errors: [{ messageId: "reassigned", data: { id: "last", name: "last", line: 6 } }],
    },
    {
      name: "let written by a nested function (may run any time)",
      code: `${imp}export function f() {
  let min = 1;
  const raise = () => { min += 1; };
  return [raise, withKey((n: number) => n >= min, ["min", min])];
}`,
      errors: [{ messageId: "reassigned", data: { id: "min", name: "min", line: 4 } }],
    },
    // --- this / arguments / super ---------------------------------------------------------------------
    {
      name: "arrow closure reading the enclosing this",
      code: `${imp}export class Desk {
  max = 3;
  check() { return withKey((n: number) => n <= this.max, "max"); }
}`,
      errors: [{ messageId: "lexicalThis", data: { id: "max", name: "this" } }],
    },
    {
      name: "arrow closure reading the enclosing arguments",
      code: `${imp}export function f() {
  return withKey(() => arguments.length, "count");
}`,
      errors: [{ messageId: "lexicalThis", data: { id: "count", name: "arguments" } }],
    },
    {
      name: "arrow closure calling super",
      code: `${imp}class Base { ok(n: number) { return n > 0; } }
export class Derived extends Base {
  check() { return withKey((n: number) => super.ok(n), "ok"); }
}`,
      errors: [{ messageId: "lexicalThis", data: { id: "ok", name: "super" } }],
    },
    // --- fresh values ---------------------------------------------------------------------------------------
    {
      name: "clock, random and new objects in the key (the evil schema)",
      code: `${imp}export function f(min: number) {
  return withKey((n: number) => n >= min, ["min", min, Math.random(), Date.now(), performance.now(), crypto.randomUUID(), new Date(), {}, [], () => 0, \`t\${Date.now()}\`, Symbol("k"), /x/]);
}`,
      errors: [
        { messageId: "freshKey", data: { id: "min", text: "Math.random()" } },
        { messageId: "freshKey", data: { id: "min", text: "Date.now()" } },
        { messageId: "freshKey", data: { id: "min", text: "performance.now()" } },
        { messageId: "freshKey", data: { id: "min", text: "crypto.randomUUID()" } },
        { messageId: "freshKey", data: { id: "min", text: "new Date()" } },
        { messageId: "freshKey", data: { id: "min", text: "{}" } },
        { messageId: "freshKey", data: { id: "min", text: "[]" } },
        { messageId: "freshKey", data: { id: "min", text: "() => 0" } },
        { messageId: "freshKey", data: { id: "min", text: "`t${Date.now()}`" } },
        { messageId: "freshKey", data: { id: "min", text: 'Symbol("k")' } },
        { messageId: "freshKey", data: { id: "min", text: "/x/" } },
      ],
    },
    {
      name: "a fresh object holding the captured value",
      code: `${imp}export function f(min: number) { return withKey((n: number) => n >= min, ["min", { min }, min]); }`,
      errors: [{ messageId: "freshKey", data: { id: "min", text: "{ min }" } }],
    },
    // --- one id, one code ---------------------------------------------------------------------------
    {
      name: "same id, different code",
      code: `${imp}export function f(p: number) { return withKey(() => p, ["same", p]); }
export function g(p: number) { return withKey(() => p + 1, ["same", p]); }`,
      errors: [{ messageId: "duplicateId", data: { id: "same", line: 2 }, line: 3 }],
    },
    // --- unused elements ----------------------------------------------------------------------------
    {
      name: "an element the closure does not use is removed",
      code: `${imp}export function f(min: number, locale: string) {
  return withKey((n: number) => n >= min, ["min", locale, min]);
}`,
      output: `${imp}export function f(min: number, locale: string) {
  return withKey((n: number) => n >= min, ["min", min]);
}`,
      errors: [{ messageId: "unusedKey", data: { id: "min", name: "locale" }, suggestions: [{ messageId: "removeFromKey", data: { names: "`locale`" }, output: `${imp}export function f(min: number, locale: string) {
  return withKey((n: number) => n >= min, ["min", min]);
}` }] }],
    },
    {
      name: "two unused elements removed in one fix; member path of an unused binding",
      code: `${imp}export function f(min: number, user: { id: string }, locale: string) {
  return withKey((n: number) => n >= min, ["min", min, user.id, locale]);
}`,
      output: `${imp}export function f(min: number, user: { id: string }, locale: string) {
  return withKey((n: number) => n >= min, ["min", min]);
}`,
      errors: [
        { messageId: "unusedKey", data: { id: "min", name: "user.id" }, suggestions: [{ messageId: "removeFromKey", data: { names: "`user.id`, `locale`" }, output: `${imp}export function f(min: number, user: { id: string }, locale: string) {
  return withKey((n: number) => n >= min, ["min", min]);
}` }] },
        { messageId: "unusedKey", data: { id: "min", name: "locale" }, suggestions: [{ messageId: "removeFromKey", data: { names: "`user.id`, `locale`" }, output: `${imp}export function f(min: number, user: { id: string }, locale: string) {
  return withKey((n: number) => n >= min, ["min", min]);
}` }] },
      ],
    },
  ],
});

// --- the codemod's wrap output must satisfy this rule -----------------------------------------------

function lintWithRule(code: string, filename: string) {
  const linter = new Linter({ configType: "flat" });
  return linter.verify(
    code,
    [
      {
        files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { "stable-schema": { rules: { "require-stable-key": rule } } as never },
        rules: { "stable-schema/require-stable-key": "error" },
      },
    ],
    { filename },
  );
}

const representative: Record<string, string> = {
  "handler.ts": `import { z } from "zod";
export function createUser(req: { body: unknown }, minAge: number, opts: { maxLen: number }) {
  const { maxLen } = opts;
  const User = z.object({
    name: z.string().refine((s) => s.length <= maxLen).transform((s) => s.trim()),
    age: z.number().refine((n) => n >= minAge && [1, 2].every((k) => k < minAge + maxLen)),
  });
  return User.parse(req.body);
}`,
  "form.tsx": `import * as yup from "yup";
export function Form({ reserved }: { reserved: string[] }) {
  const schema = yup.string().test("free", "taken", (name) => !reserved.includes(name ?? ""));
  return <input data-schema={String(schema)} />;
}`,
  "loop.ts": `import * as v from "valibot";
export function importRows(rows: { sku: string; prefix: string }[]) {
  for (const row of rows) {
    const Sku = v.pipe(v.string(), v.check((s) => s.startsWith(row.prefix)));
    v.parse(Sku, row.sku);
  }
}`,
  "generic.ts": `import { z } from "zod";
export function oneOf<T extends string>(values: readonly T[], input: unknown) {
  return z.string().refine((s): s is T => values.includes(s as T)).parse(input);
}`,
  "declared-below.ts": `import { z } from "zod";
export function f(input: unknown, p: number) {
  const s = z.number().refine((n) => n > limit);
  const limit = p * 2;
  return s.parse(input);
}`,
  "reassigned.ts": `import { z } from "zod";
export function f(input: unknown, p: number) {
  let min = p;
  const s = z.number().refine((n) => n > min);
  min += 1;
  return s.parse(input);
}`,
  "existing.ts": `import { z } from "zod";
import { withKey } from "stable-schema";
export function f(input: unknown, a: number, b: number) {
  const one = z.number().refine(withKey((n: number) => n > a, ["checkValue", a]));
  return z.number().refine((n) => n < b).and(one).parse(input);
}`,
};

const fixtureDir = fileURLToPath(new URL("../codemods/__testfixtures__/", import.meta.url));
const fixtureFiles = existsSync(fixtureDir) ? readdirSync(fixtureDir).filter((file) => /\.(input|output)\.[cm]?[jt]sx?$/.test(file)) : [];

describe("require-stable-key: the codemod's wrap output lints clean", () => {
  for (const [filename, code] of Object.entries(representative)) {
    it(`migrateSource(${filename})`, () => {
      const { output, sites } = migrateSource(code, { filename });
      expect(sites.length).toBeGreaterThan(0);
      const reports = lintWithRule(output, filename).map((m) => `${m.line}:${m.column} ${m.ruleId ?? "(parse)"} ${m.message}`);
      expect(reports).toEqual([]);
    });
  }

  it("wraps at least one closure in the representative inputs", () => {
    const wrapped = Object.entries(representative).flatMap(([filename, code]) =>
      migrateSource(code, { filename }).sites.filter((site) => site.action === "wrapped"),
    );
    expect(wrapped.length).toBeGreaterThanOrEqual(5);
  });

  it("leaves a closure whose capture is declared below it (the key would throw)", () => {
    const { sites } = migrateSource(representative["declared-below.ts"]!, { filename: "declared-below.ts" });
    expect(sites.map((site) => [site.action, site.reason])).toEqual([
      ["left", "it captures `limit`, which is declared below it: a key evaluated here would throw before `limit` is initialised"],
    ]);
  });

  for (const file of fixtureFiles) {
    const isOutput = file.includes(".output.");
    it(`${isOutput ? "fixture" : "migrateSource(fixture)"} ${file}`, () => {
      const code = readFileSync(`${fixtureDir}${file}`, "utf8");
      const output = isOutput ? code : migrateSource(code, { filename: file }).output;
      const reports = lintWithRule(output, file).map((m) => `${m.line}:${m.column} ${m.ruleId ?? "(parse)"} ${m.message}`);
      expect(reports).toEqual([]);
    });
  }
});
