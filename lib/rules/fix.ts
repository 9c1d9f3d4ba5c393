// From plans to ESLint fixes: one text edit as a fix function, and the one helper that decides, for a
// site's chosen fix option, whether it is the report's autofix or a named suggestion.
import type { TSESLint } from "@typescript-eslint/utils";
import { fixKind } from "../edits/fix-kinds.js";
import { type SitePlan, chosenOption } from "../edits/plan.js";
import type { FixMode } from "./options.js";

/** A planned text edit as an ESLint fix function. */
export const replaceWith =
  (edit: { readonly range: readonly [number, number]; readonly text: string }) =>
  (fixer: TSESLint.RuleFixer): TSESLint.RuleFix =>
    fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text);

export interface FixOrSuggest<MessageIds extends string> {
  fix?: TSESLint.ReportFixFunction;
  suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[];
}

/**
 * The report's `fix` or `suggest` for a plan: a kind marked `autofix` is the fix in `autofix` mode;
 * every other applicable option is a suggestion named after its kind (the rule's messageId); `none`
 * (or no plan) gives neither.
 */
export function fixOrSuggest<MessageIds extends string>(plan: SitePlan | undefined, mode: FixMode): FixOrSuggest<MessageIds> {
  const option = plan && mode !== "none" ? chosenOption(plan) : undefined;
  if (!option?.fix) return {};
  const fix = replaceWith(option.fix);
  if (mode === "autofix" && fixKind(option.kind)?.autofix) return { fix };
  return { suggest: [{ messageId: option.kind as MessageIds, data: option.data ?? {}, fix }] };
}
