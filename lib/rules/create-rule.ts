import { ESLintUtils } from "@typescript-eslint/utils";

export interface StableSchemaDocs {
  description: string;
  recommended?: "recommended" | "strict";
  /** Severity in `recommended` (default "error"); `strict` always uses "error". */
  recommendedSeverity?: "warn" | "error";
  requiresTypeChecking?: boolean;
}

export const docsUrl = (name: string): string =>
  `https://github.com/stable-schema/stable-schema/blob/main/docs/rules/${name}.md`;

export const createRule = ESLintUtils.RuleCreator<StableSchemaDocs>(docsUrl);
