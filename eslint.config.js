// The repository's own lint (`npm run lint` = build + `eslint .`):
//  - typescript-eslint `recommended` for the project's code;
//  - eslint-plugin-eslint-plugin `rules-recommended` for rule files, `tests-recommended` for rule tests;
//  - dogfooding: stable-schema's own `configs.recommended`, loaded from the build (./dist/plugin.js).
import { defineConfig, globalIgnores } from "eslint/config";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import tseslint from "typescript-eslint";
import stableSchema from "./dist/plugin.js";

export default defineConfig(
  globalIgnores([
    "**/dist/",
    "coverage/",
    // git-ignored scratch and cache directories.
    ".scratch/",
    ".cache/",
    // The example app and the test fixtures contain problems on purpose.
    "examples/",
    "tests/**/__testfixtures__/**",
    "tests/**/fixtures/**",
    // The jscodeshift entry shim (hand-written CommonJS-compatible loader for jscodeshift's `-t` path).
    "codemods/*.js",
  ]),
  {
    name: "stable-schema/repo/files",
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
  },
  ...tseslint.configs.recommended,
  {
    name: "stable-schema/repo/typescript",
    rules: {
      // `_`-prefixed names are deliberate: unused parameters kept for a signature, ignored destructured parts.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Oxlint sets absent optional children to `null`, typescript-eslint leaves them `undefined`:
    // lib/analysis/node-fields.ts reads them (`optionalChild`) so the analysis never compares them itself.
    name: "stable-schema/repo/optional-children",
    files: ["lib/**/*.ts", "rules/**/*.ts", "codemods/**/*.ts"],
    ignores: ["lib/analysis/node-fields.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "BinaryExpression[operator=/^[!=]==?$/]:matches([right.name='undefined'], [right.raw='null']) > MemberExpression.left[property.name=/^(typeAnnotation|returnType|typeParameters|typeArguments|superTypeArguments|accessibility|directive|default)$/]",
          message: "Read optional AST children with optionalChild() (lib/analysis/node-fields.ts): Oxlint gives `null` where typescript-eslint gives `undefined`.",
        },
      ],
    },
  },
  {
    // What the published plugin runs must not need TypeScript to install: typescript-eslint's utils and
    // parser declare a hard `typescript` peer range, so shipped code uses them for types only
    // (lib/analysis/eslint-utils.ts wraps @eslint-community/eslint-utils; lib/edits/parse.ts loads the
    // parser lazily, as an optional peer). `typescript` itself is only ever loaded on demand.
    name: "stable-schema/repo/no-typescript-at-install",
    files: ["plugin.ts", "lib/**/*.ts", "rules/**/*.ts", "codemods/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@typescript-eslint/utils", message: "Types only (import type); values come from @eslint-community/eslint-utils or @typescript-eslint/types.", allowTypeImports: true },
            { name: "@typescript-eslint/parser", message: "Optional peer: load it through lib/edits/parse.ts.", allowTypeImports: true },
            { name: "typescript", message: "Optional: import types only, load the module on demand (lib/edits/typescript.ts).", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // The CommonJS entry of the plugin: require() is the point of it.
    name: "stable-schema/repo/commonjs-entry",
    files: ["plugin.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    name: "stable-schema/repo/rules",
    files: ["rules/**/*.ts"],
    ...eslintPlugin.configs["rules-recommended"],
  },
  {
    name: "stable-schema/repo/rule-tests",
    files: ["tests/rules/**/*.ts"],
    ...eslintPlugin.configs["tests-recommended"],
  },
  // Dogfooding: the project's schema code is held to its own rules.
  ...stableSchema.configs.recommended,
);
