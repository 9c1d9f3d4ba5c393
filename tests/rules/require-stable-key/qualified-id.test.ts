// require-stable-key: an id whose closure reads module-level bindings starts with the module's identity (unqualifiedId, issue 10 case 11).
import "../../setup-rule-tester.js";
import { moduleIdentity } from "../../../lib/edits/module-id.js";
import { INSIDE, OUTSIDE, imp, testedRule, tester } from "./helpers.js";

tester.run("require-stable-key", testedRule, {
  valid: [
    {
      name: "a short id is fine when the closure reads no module-level binding (package imports are the same everywhere)",
      code: `${imp}import { z } from "zod";
export function f(min: number) {
  return withKey((n: number) => n >= min && z.number().safeParse(n).success, ["min", min]);
}`,
    },
  ],
  invalid: [
    {
      name: "issue 10 case 11: an unqualified id for a closure reading a module-level binding is prefixed with the module",
      filename: OUTSIDE,
      code: `${imp}const LIMIT = 10;
export function f() {
  return withKey((n: number) => n <= LIMIT, "limit");
}`,
      output: `${imp}const LIMIT = 10;
export function f() {
  return withKey((n: number) => n <= LIMIT, "limits#limit");
}`,
      errors: [{ messageId: "unqualifiedId", data: { id: "limit", name: "LIMIT", qualified: "limits#limit" }, suggestions: [{ messageId: "qualifyId", data: { qualified: "limits#limit" }, output: `${imp}const LIMIT = 10;
export function f() {
  return withKey((n: number) => n <= LIMIT, "limits#limit");
}` }] }],
    },
    {
      name: "issue 10 case 11: the same for an array key, a relative import and single quotes",
      filename: OUTSIDE,
      code: `${imp}import { MAX } from "./config";
export function f(min: number) {
  return withKey((n: number) => n >= min && n <= MAX, ['range', min]);
}`,
      output: `${imp}import { MAX } from "./config";
export function f(min: number) {
  return withKey((n: number) => n >= min && n <= MAX, ['limits#range', min]);
}`,
      errors: [{ messageId: "unqualifiedId", data: { id: "range", name: "MAX", qualified: "limits#range" }, suggestions: [{ messageId: "qualifyId", data: { qualified: "limits#range" }, output: `${imp}import { MAX } from "./config";
export function f(min: number) {
  return withKey((n: number) => n >= min && n <= MAX, ['limits#range', min]);
}` }] }],
    },
    {
      name: "issue 10 case 11: inside a package the id starts with the package name and the path in it",
      filename: INSIDE,
      code: `${imp}const LIMIT = 10;
export function f() {
  return withKey((n: number) => n <= LIMIT, "limit");
}`,
      output: `${imp}const LIMIT = 10;
export function f() {
  return withKey((n: number) => n <= LIMIT, ${JSON.stringify(`${moduleIdentity(INSIDE)}#limit`)});
}`,
      errors: [
        {
          messageId: "unqualifiedId",
          data: { id: "limit", name: "LIMIT", qualified: `${moduleIdentity(INSIDE)}#limit` },
          suggestions: [
            {
              messageId: "qualifyId",
              data: { qualified: `${moduleIdentity(INSIDE)}#limit` },
              output: `${imp}const LIMIT = 10;
export function f() {
  return withKey((n: number) => n <= LIMIT, ${JSON.stringify(`${moduleIdentity(INSIDE)}#limit`)});
}`,
            },
          ],
        },
      ],
    },
  ],
});
