import { ESLintUtils } from "@typescript-eslint/utils";

export interface StableSchemaDocs {
  description: string;
  recommended?: "recommended" | "strict";
  requiresTypeChecking?: boolean;
}

// The package root: dist/lib/rules/ in the build, lib/rules/ in the sources (tests).
const packageRoot = new URL(import.meta.url.includes("/dist/") ? "../../../" : "../../", import.meta.url);

/**
 * The rule's page inside the installed package (`docs/` is in package.json `files`): a link that always
 * resolves, offline, and describes the installed version. The editor opens it from the diagnostic's
 * rule link and from "Show documentation".
 */
export const docsUrl = (name: string): string => new URL(`docs/rules/${name}.md`, packageRoot).href;

export const createRule = ESLintUtils.RuleCreator<StableSchemaDocs>(docsUrl);
