// `--hoist-schemas`: fixture pairs in __testfixtures__/schemas/ (`lazy.*` with `--lazy-schemas`), each
// also run on its own output (idempotence); where every site is an autofix, `eslint --fix` with
// no-schema-in-function gives the same bytes; and the report says what was left and why.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { migrateSource } from "../../lib/edits/migrate.js";
import { rules } from "../../rules/index.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "__testfixtures__/schemas");
const cases = readdirSync(dir)
  .filter((file) => file.includes(".input."))
  .sort()
  .map((input) => ({ input, output: input.replace(".input.", ".output."), hoist: input.startsWith("lazy") ? ("lazy" as const) : ("eager" as const) }));

function migrate(file: string, text: string, hoist: "eager" | "lazy") {
  return migrateSource(text, { filename: path.join(dir, file), hoistSchemas: hoist });
}

function eslintFix(file: string, text: string, hoist: "eager" | "lazy"): string {
  const linter = new Linter({ configType: "flat" });
  const config: Linter.Config[] = [
    {
      files: ["**/*.{ts,tsx,js}"],
      languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { "stable-schema": { rules } as never },
      rules: { "stable-schema/no-schema-in-function": ["error", { hoist }] as never },
    },
  ];
  return linter.verifyAndFix(text, config, { filename: path.join(dir, file) }).output;
}

describe("codemod --hoist-schemas: fixture pairs", () => {
  it("covers hoist (move and inline), lazy, useMemo, schemaFactory, compiles and what is left", () => {
    expect(cases.map((c) => c.input)).toEqual(["compile.input.ts", "component.input.tsx", "factory.input.ts", "handlers.input.ts", "lazy.input.js", "left.input.ts"]);
  });

  it.each(cases)("$input → $output, and again on its own output (idempotent)", ({ input, output, hoist }) => {
    const source = readFileSync(path.join(dir, input), "utf8");
    const expected = readFileSync(path.join(dir, output), "utf8");
    const result = migrate(input, source, hoist);
    expect(result.output).toBe(expected);
    const again = migrate(output, expected, hoist);
    expect(again.output).toBe(expected);
    expect(again.sites.filter((site) => site.kind === "schema" && site.action !== "left")).toEqual([]);
  });

  it.each(["handlers.input.ts", "lazy.input.js"])("%s: eslint --fix gives the codemod's bytes (every site is an autofix)", (input) => {
    const hoist = input.startsWith("lazy") ? "lazy" : "eager";
    const source = readFileSync(path.join(dir, input), "utf8");
    expect(eslintFix(input, source, hoist)).toBe(migrate(input, source, hoist).output);
  });

  it("reports what it did with each schema, and why it left the others", () => {
    const compile = migrate("compile.input.ts", readFileSync(path.join(dir, "compile.input.ts"), "utf8"), "eager");
    expect(compile.sites.map(({ api, action, fix, reason }) => ({ api, action, fix, reason }))).toEqual([
      { api: "ajv.compile()", action: "hoisted", fix: "hoist", reason: "it compiles at module load, against the instance's state at that point" },
      { api: "Compile()", action: "hoisted", fix: "hoist", reason: "it compiles at module load, against the instance's state at that point" },
    ]);
    const left = migrate("left.input.ts", readFileSync(path.join(dir, "left.input.ts"), "utf8"), "eager");
    expect(left.changed).toBe(false);
    expect(left.sites.map(({ line, action, reason }) => ({ line, action, reason }))).toEqual([
      { line: 4, action: "left", reason: "not hoisted: it calls `crypto.randomUUID()`: once at module load instead of on every call" },
      { line: 5, action: "left", reason: "not hoisted: it registers the schema (`.meta()`): once instead of on every call" },
      {
        line: 7,
        action: "left",
        reason: "no hoist: it reads `options` from the code around it; no schema-factory: without type information it cannot tell that `options` is a primitive",
      },
    ]);
  });

  it("without --hoist-schemas the schemas are left alone", () => {
    const source = readFileSync(path.join(dir, "handlers.input.ts"), "utf8");
    expect(migrateSource(source, { filename: path.join(dir, "handlers.input.ts") }).output).toBe(source);
  });
});
