import type { TSESLint } from "@typescript-eslint/utils";
import noInlinePredicate from "./no-inline-predicate.js";

export type StableSchemaRule = TSESLint.RuleModule<string, readonly unknown[], { description: string; recommended?: "recommended" | "strict"; requiresTypeChecking?: boolean }>;

export const rules = {
  "no-inline-predicate": noInlinePredicate,
} satisfies Record<string, StableSchemaRule>;
