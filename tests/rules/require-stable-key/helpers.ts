// Shared by the require-stable-key tests (one file per check).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RuleTester, type TestLanguageOptions } from "@typescript-eslint/rule-tester";
import rule from "../../../rules/require-stable-key.js";

export const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils: the rule's types differ only by that copy.
export const testedRule = rule as unknown as Parameters<typeof tester.run>[1];

// `sourceType` is passed through to ESLint's flat config; TestLanguageOptions does not declare it.
export const commonjs = { sourceType: "commonjs" } as TestLanguageOptions;

export const imp = `import { withKey } from "stable-schema";\n`;

/** A relative path in a directory that does not exist: its module identity is the bare name `limits`. */
export const OUTSIDE = "no-such-directory-outside-any-package/limits.ts";
export const OUTSIDE_JS = OUTSIDE.replace(/\.ts$/, ".js");
/** A file in this repository: `<root package name>/tests/rules/require-stable-key/limits`. */
export const INSIDE = path.join(path.dirname(fileURLToPath(import.meta.url)), "limits.ts");
