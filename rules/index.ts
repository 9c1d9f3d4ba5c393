import type { TSESLint } from "@typescript-eslint/utils";

export type StableSchemaRule = TSESLint.RuleModule<string, readonly unknown[], { recommended?: "recommended" | "strict"; requiresTypeChecking?: boolean }>;

export const rules: Record<string, StableSchemaRule> = {};
