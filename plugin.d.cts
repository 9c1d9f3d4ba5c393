// Types of the CommonJS entry (dist/plugin.cjs): `const stableSchema = require("eslint-plugin-stable-schema")`.
// The same shape as the ESM entry's default export (plugin.ts); tests/install type-checks both.
import type { ESLint, Linter } from "eslint";

declare namespace stableSchema {
  type StableSchemaRuleName = "no-inline-predicate" | "require-stable-key";
  interface StableSchemaPlugin extends ESLint.Plugin {
    meta: { name: string; version: string };
    rules: Record<StableSchemaRuleName, NonNullable<ESLint.Plugin["rules"]>[string]>;
    configs: { recommended: Linter.Config[]; strict: Linter.Config[] };
  }
}
declare const stableSchema: stableSchema.StableSchemaPlugin;
export = stableSchema;
