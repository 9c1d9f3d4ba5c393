// require-stable-key: a key element is initialised when the key is evaluated (uninitializedKey).
import "../../setup-rule-tester.js";
import { imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [

  ],
  invalid: [
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
  ],
});
