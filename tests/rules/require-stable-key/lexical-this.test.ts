// require-stable-key: no enclosing this / arguments / super in the closure (lexicalThis).
import "../../setup-rule-tester.js";
import { imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "a function expression reading its own this (yup) is not lexical this",
      code: `${imp}export function f(min: number) {
  return withKey(function (this: { parent: { n: number } }) { return this.parent.n >= min; }, ["parent", min]);
}`,
    },
  ],
  invalid: [
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
  ],
});
