// require-stable-key: one id, one piece of code in the module (duplicateId).
import "../../setup-rule-tester.js";
import { imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "same id with the same code in two functions",
      code: `${imp}export function f(p: number) { return withKey(() => p, ["same", p]); }
export function g(p: number) { return withKey(() => p, ["same", p]); }`,
    },
  ],
  invalid: [
    {
      name: "same id, different code",
      code: `${imp}export function f(p: number) { return withKey(() => p, ["same", p]); }
export function g(p: number) { return withKey(() => p + 1, ["same", p]); }`,
      errors: [{ messageId: "duplicateId", data: { id: "same", line: 2 }, line: 3 }],
    },
  ],
});
