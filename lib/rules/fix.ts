import type { TSESLint } from "@typescript-eslint/utils";

/** A planned text edit as an ESLint fix function. */
export const replaceWith =
  (edit: { readonly range: readonly [number, number]; readonly text: string }) =>
  (fixer: TSESLint.RuleFixer): TSESLint.RuleFix =>
    fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text);
