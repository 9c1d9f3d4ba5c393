// require-stable-key: no key element that differs on every evaluation (freshKey).
import "../../setup-rule-tester.js";
import { imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [

  ],
  invalid: [
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
  ],
});
