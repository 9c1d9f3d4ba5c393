// lib/edits/plan.ts and fix-kinds.ts: plans as ordered named fix options.
import { describe, expect, it } from "vitest";
import { fixKind, fixKinds } from "../../lib/edits/fix-kinds.js";
import { chosenOption, planSites, reasonsBefore } from "../../lib/edits/plan.js";
import { planning } from "./plan-helpers.js";

describe("fix kinds", () => {
  it("are hoist then wrap, with distinct names and actions; only hoist is an autofix", () => {
    expect(fixKinds.map((kind) => [kind.kind, kind.action, kind.autofix])).toEqual([
      ["hoist", "hoisted", true],
      ["wrap", "wrapped", false],
    ]);
    expect(fixKind("wrap")).toBe(fixKinds[1]);
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

  it("tries the kinds in order and stops at the first that applies", () => {
    expect(plans.map((plan) => plan.options.map((option) => [option.kind, option.fix !== undefined]))).toEqual([
      [["hoist", true]],
      [["hoist", false], ["wrap", true]],
      [["hoist", false], ["wrap", false]],
    ]);
  });

  it("chosenOption is the applying option; reasonsBefore what the earlier ones said", () => {
    expect(plans.map((plan) => chosenOption(plan)?.kind)).toEqual(["hoist", "wrap", undefined]);
    expect(reasonsBefore(plans[1]!, "wrap")).toEqual(["it reads `min` from the code around it"]);
    expect(reasonsBefore(plans[2]!)).toEqual(["it reads `this` from the code around it", "it uses `this` of the enclosing function, which differs between calls"]);
  });
});
