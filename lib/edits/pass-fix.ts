// The autofix of a file as one pass. ESLint applies the fixes that do not overlap, lints again and
// repeats (up to 10 passes); Oxlint applies one pass. Every hoist inserts above the statement that
// holds its closure, so two hoists in one file always overlap as ESLint fixes: one run of a single-pass
// linter would apply one of them. Here the autofix options that one pass can take together (the
// codemod's own choice, `mergeEditGroups`) are merged into ONE fix, given to each of those reports:
// ESLint applies it once and skips the identical copies, Oxlint the same, and both write the codemod's
// bytes in one run. An option that conflicts with them (a closure nested in another hoisted closure)
// keeps its own fix.
import { fixKind } from "./fix-kinds.js";
import { type SitePlan, chosenOption } from "./plan.js";
import { type TextEdit, mergeEditGroups } from "./text.js";

/** The autofix for each plan: its chosen option when that option's kind is an autofix (undefined otherwise). */
export function autofixes(text: string, plans: readonly (SitePlan | undefined)[]): (TextEdit | undefined)[] {
  const owners: number[] = [];
  const groups: (readonly TextEdit[])[] = [];
  const fixes: (TextEdit | undefined)[] = plans.map((plan) => {
    const option = plan && chosenOption(plan);
    return option && fixKind(option.kind)?.autofix ? option.fix : undefined;
  });
  plans.forEach((plan, index) => {
    if (!fixes[index]) return;
    owners.push(index);
    groups.push(chosenOption(plan!)!.edits);
  });
  const merged = mergeEditGroups(text, groups);
  if (merged) for (const group of merged.applied) fixes[owners[group]!] = merged.fix;
  return fixes;
}
