// require-stable-key: the key is a string literal id or an array literal `["id", ...elements]` (badKey).
import "../../setup-rule-tester.js";
import { imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "the key `as const`",
      code: `${imp}export function f(min: number) { return withKey((n: number) => n >= min, ["min", min] as const); }`,
    },
  ],
  invalid: [
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
  ],
});
