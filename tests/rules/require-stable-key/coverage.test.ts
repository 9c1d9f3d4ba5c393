// require-stable-key: every captured value is in the key: identifiers, member paths, closures bound to locals (missingKey).
import "../../setup-rule-tester.js";
import { OUTSIDE, imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "array key covering every captured binding",
      code: `${imp}export function f(min: number, max: number) {
  return withKey((n: number) => n >= min && n <= max, ["range", min, max]);
}`,
    },
    {
      name: "string key when the closure captures only module-level bindings (with a module-qualified id)",
      filename: OUTSIDE,
      code: `${imp}const LIMIT = 10;
let calls = 0;
export function f() {
  return withKey((n: number) => n <= LIMIT && calls >= 0, "limits#limit");
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
      name: "a constant element (a version) and an expression of captured bindings",
      code: `${imp}export function f(a: number, b: number) {
  return withKey((n: number) => n >= a && n <= b, ["between", 2, a + b, a, b]);
}`,
    },
    {
      name: "a const captured object is keyed by identity",
      code: `${imp}export function f(limits: { min: number }) {
  const copy = { ...limits };
  return withKey((n: number) => n >= copy.min && n >= limits.min, ["limits", copy, limits]);
}`,
    },
  ],
  invalid: [
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
  ],
});
