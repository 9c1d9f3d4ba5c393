// lib/edits/plan.ts and fix-kinds.ts: plans as ordered named fix options.
import { describe, expect, it } from "vitest";
import { fixActions, fixKind, fixKinds } from "../../lib/edits/fix-kinds.js";
import { chosenOption, planSites, reasonsBefore } from "../../lib/edits/plan.js";
import { planning } from "./plan-helpers.js";

describe("fix kinds", () => {
  it("are hoist, wrap on members, then wrap, with distinct names; only hoist is an autofix; the wraps share one action", () => {
    expect(fixKinds.map((kind) => [kind.kind, kind.action, kind.autofix])).toEqual([
      ["hoist", "hoisted", true],
      ["wrapMembers", "wrapped", false],
      ["wrap", "wrapped", false],
    ]);
    expect(fixActions.map((entry) => entry.action)).toEqual(["hoisted", "wrapped"]);
    expect(fixKind("wrap")).toBe(fixKinds[2]);
    expect(fixKind("nope")).toBeUndefined();
  });
});

describe("planSites", () => {
  const code = `import { z } from "zod";
export function f(min: number) {
  return z.number().refine((n: number) => n > 0).refine((n) => n > min).refine((n) => n > this.x);
}`;
  const { input, facts } = planning(code);
  const plans = planSites(input, facts.map((entry) => entry.site));

  it("tries the kinds in order and stops at the first autofix that applies", () => {
    expect(plans.map((plan) => plan.options.map((option) => [option.kind, option.fix !== undefined]))).toEqual([
      [["hoist", true]],
      [["hoist", false], ["wrapMembers", false], ["wrap", true]],
      [["hoist", false], ["wrapMembers", false], ["wrap", false]],
    ]);
  });

  it("a closure reading only members of a captured object gets both wraps: on the members first, then on the object", () => {
    const members = planning(`import { z } from "zod";
export function f(row: { prefix: string }) {
  return z.string().refine((s) => s.startsWith(row.prefix));
}`);
    const [plan] = planSites(members.input, members.facts.map((entry) => entry.site));
    expect(plan!.options.map((option) => [option.kind, option.fix !== undefined])).toEqual([["hoist", false], ["wrapMembers", true], ["wrap", true]]);
    expect(chosenOption(plan!)?.kind).toBe("wrapMembers");
    // One site, one id: both wraps key on it.
    expect(plan!.options[1]!.name).toBe(plan!.options[2]!.name);
  });

  it("chosenOption is the applying option; reasonsBefore what the earlier ones said", () => {
    expect(plans.map((plan) => chosenOption(plan)?.kind)).toEqual(["hoist", "wrap", undefined]);
    expect(reasonsBefore(plans[1]!, "wrap")).toEqual(["it reads `min` from the code around it"]);
    expect(reasonsBefore(plans[2]!)).toEqual(["it reads `this` from the code around it", "it uses `this` of the enclosing function, which differs between calls"]);
  });
});
