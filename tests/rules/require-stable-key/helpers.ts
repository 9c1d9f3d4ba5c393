// Shared by the require-stable-key tests (one file per check).
import { RuleTester, type TestLanguageOptions } from "@typescript-eslint/rule-tester";
import rule from "../../../rules/require-stable-key.js";

export const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils: the rule's types differ only by that copy.
export const testedRule = rule as unknown as Parameters<typeof tester.run>[1];

// `sourceType` is passed through to ESLint's flat config; TestLanguageOptions does not declare it.
export const commonjs = { sourceType: "commonjs" } as TestLanguageOptions;

export const imp = `import { withKey } from "stable-schema";\n`;
