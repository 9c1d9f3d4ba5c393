// require-stable-key: no key element the closure does not read (unusedKey).
import "../../setup-rule-tester.js";
import { imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "allowUnusedKeys: an element the closure does not use is accepted",
      code: `${imp}export function f(min: number, locale: string) {
  return withKey((n: number) => n >= min, ["min", min, locale]);
}`,
      options: [{ allowUnusedKeys: true }],
    },
  ],
  invalid: [
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
