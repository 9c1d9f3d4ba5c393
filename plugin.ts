// stable-schema/eslint-plugin: the flat-config plugin object.
import { createRequire } from "node:module";
import type { TSESLint } from "@typescript-eslint/utils";
import { rules, type StableSchemaRule } from "./rules/index.js";

// dist/plugin.js reads ../package.json; the TypeScript source (tests) reads ./package.json.
const require = createRequire(import.meta.url);
const { name, version } = require(import.meta.url.includes("/dist/") ? "../package.json" : "./package.json") as {
  name: string;
  version: string;
};

/** Globs of test files: `recommended` leaves them alone, `strict` lints them too. */
export const testFileGlobs = [
  "**/*.{test,spec}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}",
  "**/{test,tests,__tests__,__mocks__}/**",
];

type Plugin = {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: Record<"recommended" | "strict", TSESLint.FlatConfig.ConfigArray>;
};

const plugin: Plugin = {
  meta: { name, version },
  rules,
  configs: { recommended: [], strict: [] },
};

const presetRules = Object.entries(rules).filter(([, rule]) => (rule as StableSchemaRule).meta.docs?.recommended !== undefined);
// `recommended` takes each rule's own severity (a rule may start as a warning); `strict` makes every one an error.
const recommendedRules = Object.fromEntries(
  presetRules.map(([id, rule]) => [`stable-schema/${id}`, (rule as StableSchemaRule).meta.docs?.recommendedSeverity ?? "error"]),
) as TSESLint.FlatConfig.Rules;
const strictRules = Object.fromEntries(presetRules.map(([id]) => [`stable-schema/${id}`, "error" as const])) as TSESLint.FlatConfig.Rules;

plugin.configs.recommended = [
  {
    name: "stable-schema/recommended",
    plugins: { "stable-schema": plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: recommendedRules,
  },
  { name: "stable-schema/recommended/tests-off", files: testFileGlobs, rules: Object.fromEntries(Object.keys(recommendedRules).map((id) => [id, "off" as const])) },
];
plugin.configs.strict = [
  {
    name: "stable-schema/strict",
    plugins: { "stable-schema": plugin as unknown as TSESLint.FlatConfig.Plugin },
    rules: strictRules,
  },
];

export default plugin;
