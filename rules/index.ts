import type { TSESLint } from "@typescript-eslint/utils";
import noInlinePredicate from "./no-inline-predicate.js";
import noSchemaInFunction from "./no-schema-in-function.js";
import noUnboundedCache from "./no-unbounded-cache.js";
import requireStableKey from "./require-stable-key.js";

export type StableSchemaRule = TSESLint.RuleModule<string, readonly unknown[], { description: string; recommended?: "recommended" | "strict"; recommendedSeverity?: "warn" | "error"; requiresTypeChecking?: boolean }>;

export const rules = {
  "no-inline-predicate": noInlinePredicate,
  "no-schema-in-function": noSchemaInFunction,
  "no-unbounded-cache": noUnboundedCache,
  "require-stable-key": requireStableKey,
} satisfies Record<string, StableSchemaRule>;
