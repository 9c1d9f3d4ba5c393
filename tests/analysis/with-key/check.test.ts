// withKey checker, stage 4: the problems, named by the require-stable-key messageIds.
import { describe, expect, it } from "vitest";
import { checkWithKeyCalls, runtimeWithKey } from "../../../lib/analysis/with-key/index.js";
import { parse } from "../../snippets.js";
import { imp } from "./helpers.js";

const problems = (code: string, options = {}) =>
  checkWithKeyCalls(parse(code), [runtimeWithKey], options).map((problem) => {
    const { node: _node, change, ...rest } = problem as typeof problem & { change?: { add?: readonly string[] } };
    return change?.add ? { ...rest, add: change.add } : rest;
  });

describe("checkWithKeyCalls", () => {
  it("missing captures carry the names the fix adds (all of them, in first-use order)", () => {
    expect(problems(`${imp}export function f(a: number, b: number) { return withKey((n: number) => n > b && n > a, "k"); }`)).toEqual([
      { type: "missingKey", id: "k", name: "b", add: ["b", "a"] },
      { type: "missingKey", id: "k", name: "a", add: ["b", "a"] },
    ]);
  });

  it("no `add` when a missing name cannot be written at the call (declared below it)", () => {
    expect(problems(`${imp}export function f() { const k = withKey((n: number) => n > late, "k"); const late = 1; return k; }`)).toEqual([
      { type: "missingKey", id: "k", name: "late" },
    ]);
  });

  it("reports reassigned captures, lexical this, fresh elements, duplicate ids, uninitialised and unused elements", () => {
    const code = `${imp}export class C {
  m(p: number, extra: string) {
    let q = p;
    const a = withKey((n: number) => n > q && this.ok, ["a", q, {}, extra]);
    q = 2;
    const b = withKey((n: number) => n < 0, ["dup"]);
    const c = withKey((n: number) => n > 0, ["dup"]);
    const d = withKey((n: number) => n > below, ["d", below]);
    const below = 1;
    return [a, b, c, d];
  }
  ok = true;
}`;
    expect(problems(code).map((problem) => problem.type)).toEqual([
      "freshKey",
      "lexicalThis",
      "reassigned",
      "unusedKey",
      "duplicateId",
      "uninitializedKey",
    ]);
    expect(problems(code, { allowUnusedKeys: true }).map((problem) => problem.type)).not.toContain("unusedKey");
  });

  it("a file that never names withKey costs nothing and has no problems", () => {
    expect(problems(`export const a = 1;`)).toEqual([]);
  });
});
