// require-stable-key: nothing the closure captures is written after it is created (reassigned).
import "../../setup-rule-tester.js";
import { imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
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
  ],
  invalid: [
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
  ],
});
