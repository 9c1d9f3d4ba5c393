// From plans to ESLint fixes: one text edit as a fix function, and the one helper that decides, for a
// site's chosen fix option, whether it is the report's autofix or a named suggestion.
import type { TSESLint } from "@typescript-eslint/utils";
import { fixKind } from "../edits/fix-kinds.js";
import { type SitePlan, chosenOption } from "../edits/plan.js";
import type { TextEdit } from "../edits/text.js";
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
 * The report's `fix` and `suggest` for a plan. Every option that applies is a suggestion named after
 * its kind (the rule's messageId), in kind order: in the editor each fixes this site alone. In
 * `autofix` mode, when the chosen (first) option's kind is marked `autofix`, `autofix` — the file's
 * one-pass fix for it (see lib/edits/pass-fix.ts) — is also the report's fix. `none` (or no plan)
 * gives neither.
 */
export function fixOrSuggest<MessageIds extends string>(
  plan: SitePlan | undefined,
  mode: FixMode,
  autofix: TextEdit | undefined,
): FixOrSuggest<MessageIds> {
  const option = plan && mode !== "none" ? chosenOption(plan) : undefined;
  if (!plan || !option?.fix) return {};
  const suggest = plan.options.flatMap((candidate) =>
    candidate.fix ? [{ messageId: candidate.kind as MessageIds, data: candidate.data ?? {}, fix: replaceWith(candidate.fix) }] : [],
  );
  if (mode === "autofix" && fixKind(option.kind)?.autofix && autofix) return { fix: replaceWith(autofix), suggest };
  return { suggest };
}
