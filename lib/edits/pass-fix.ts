// The autofix of a file as one pass. ESLint applies the fixes that do not overlap, lints again and
// repeats (up to 10 passes); Oxlint applies one pass. Every hoist inserts above the statement that
// holds its closure, so two hoists in one file always overlap as ESLint fixes: one run of a single-pass
// linter would apply one of them. Here the hoists that one pass can take together (the codemod's own
// choice, `mergeEditGroups`) are merged into ONE fix, given to each of those reports: ESLint applies it
// once and skips the identical copies, Oxlint the same, and both write the codemod's bytes in one run.
// A hoist that conflicts with them (a closure nested in another hoisted closure) keeps its own fix.
import type { SitePlan } from "./plan.js";
import { type TextEdit, mergeEditGroups } from "./text.js";

/** The autofix for each plan (undefined when the plan has no hoist). */
export function hoistFixes(text: string, plans: readonly (SitePlan | undefined)[]): (TextEdit | undefined)[] {
  const owners: number[] = [];
  const groups: (readonly TextEdit[])[] = [];
  plans.forEach((plan, index) => {
    if (!plan?.hoist) return;
    owners.push(index);
    groups.push(plan.hoist.edits);
  });
  const fixes: (TextEdit | undefined)[] = plans.map((plan) => plan?.hoist?.fix);
  const merged = mergeEditGroups(text, groups);
  if (merged) for (const group of merged.applied) fixes[owners[group]!] = merged.fix;
  return fixes;
}
