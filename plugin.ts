// eslint-plugin-stable-schema: the flat-config plugin object (default export).
// Its public types are ESLint's own (`ESLint.Plugin`, `Linter.Config`), so a typed eslint.config.ts
// type-checks with `defineConfig(...)` from "eslint/config" and with a `Linter.Config[]` annotation,
// whatever typescript-eslint version (if any) the project has. dist/plugin.cjs is the CommonJS entry.
import { createRequire } from "node:module";
import type { ESLint, Linter } from "eslint";
import { rules, type StableSchemaRule } from "./rules/index.js";

// dist/plugin.js reads ../package.json; the TypeScript source (tests) reads ./package.json.
const require = createRequire(import.meta.url);
const { name, version } = require(import.meta.url.includes("/dist/") ? "../package.json" : "./package.json") as {
  name: string;
  version: string;
};

/** Globs of test files: `recommended` leaves them alone, `strict` lints them too. */
export const testFileGlobs: string[] = [
  "**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  "**/{test,tests,__tests__,__mocks__}/**",
];

/** The rule ids, without the `stable-schema/` prefix (spelled out so the published types stay ESLint's). */
export type StableSchemaRuleName = "no-inline-predicate" | "no-schema-in-function" | "no-unbounded-cache" | "require-stable-key";
// Compile-time check that the list above names exactly the rules of rules/index.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameRuleNames: Same<StableSchemaRuleName, keyof typeof rules> = true;
void sameRuleNames;

export interface StableSchemaPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: Record<StableSchemaRuleName, NonNullable<ESLint.Plugin["rules"]>[string]>;
  configs: { recommended: Linter.Config[]; strict: Linter.Config[] };
}

const plugin: StableSchemaPlugin = {
  meta: { name, version },
  rules: rules as unknown as StableSchemaPlugin["rules"],
  configs: { recommended: [], strict: [] },
};

type Level = "recommended" | "strict";

/** The rules whose `docs.recommended` is one of `levels`. A rule without it is opt-in. */
function rulesAt(levels: readonly Level[], severity: (rule: StableSchemaRule) => "error" | "warn"): Linter.RulesRecord {
  return Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => {
        const level = (rule as StableSchemaRule).meta.docs?.recommended;
        return level !== undefined && levels.includes(level);
      })
      .map(([id, rule]) => [`stable-schema/${id}`, severity(rule as StableSchemaRule)]),
  );
}

// `strict` is a superset of `recommended`: a rule marked "strict" is only in `strict`. `recommended`
// takes each rule's own severity (a rule may start as a warning); `strict` makes every one an error.
const recommendedRules = rulesAt(["recommended"], (rule) => rule.meta.docs?.recommendedSeverity ?? "error");
const strictRules = rulesAt(["recommended", "strict"], () => "error");

plugin.configs.recommended = [
  {
    name: "stable-schema/recommended",
    plugins: { "stable-schema": plugin },
    rules: recommendedRules,
  },
  {
    name: "stable-schema/recommended/tests-off",
    files: testFileGlobs,
    rules: Object.fromEntries(Object.keys(recommendedRules).map((id) => [id, "off" as const])),
  },
];
plugin.configs.strict = [
  {
    name: "stable-schema/strict",
    plugins: { "stable-schema": plugin },
    rules: strictRules,
  },
];

export default plugin;
