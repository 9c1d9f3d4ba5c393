// Codemod fixtures: `__testfixtures__/<codemod>/<case>.input.<ext>` → `<case>.output.<ext>`, one per known trap and per
// catalogue library. For every pair:
// - migrateSource(input) is the output byte for byte, and migrateSource(output) changes nothing;
// - `eslint --fix` with no-inline-predicate (repeated until no fix), then the first suggestion of the
//   first message that has one (re-linting after each), gives the same bytes: the rule and the
//   codemod share one edit plan;
// - the fixed output has no autofix left (the RuleTester's idempotence check).
// Type-checking and running the outputs is tests/codemods/gates.test.ts.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { migrateSource } from "../../lib/edits/migrate.js";
import plugin from "../../plugin.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureDir = path.join(here, "__testfixtures__", "stable-predicates");

/** Settings shared by the codemod and the lint run: `effect3` is effect 3 installed under an alias. */
const modules = { effect3: "effect" };
const BOM = "\uFEFF";

export interface Fixture {
  readonly name: string;
  /** The file name the fixture stands for (`arktype.ts`): decides TS vs JS and JSX. */
  readonly filename: string;
  readonly inputPath: string;
  readonly outputPath: string;
}

export function listFixtures(): Fixture[] {
  return readdirSync(fixtureDir)
    .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
    .sort()
    .map((file) => ({
      name: file.replace(".input.", "."),
      filename: path.join(fixtureDir, file.replace(".input.", ".")),
      inputPath: path.join(fixtureDir, file),
      outputPath: path.join(fixtureDir, file.replace(".input.", ".output.")),
    }));
}

const fixtures = listFixtures();

const linter = new Linter({ configType: "flat" });
const config: Linter.Config[] = [
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
    languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: "module" },
    plugins: { "stable-schema": plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
    settings: { "stable-schema": { modules } },
    rules: { "stable-schema/no-inline-predicate": "error" },
  },
];

function lintMessages(text: string, filename: string): Linter.LintMessage[] {
  const messages = linter.verify(text, config, { filename });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filename}:${fatal.line}:${fatal.column}: ${fatal.message}`);
  return messages;
}

/** `eslint --fix` until nothing changes, then apply suggestions one at a time, like a user in the editor. */
function eslintFixAndSuggest(source: string, filename: string): string {
  let text = source;
  for (let pass = 0; pass < 50; pass++) {
    const result = linter.verifyAndFix(text, config, { filename });
    const fatal = result.messages.find((message) => message.fatal);
    if (fatal) throw new Error(`${filename}:${fatal.line}:${fatal.column}: ${fatal.message}`);
    if (!result.fixed) break;
    text = result.output;
  }
  // Suggestion ranges are offsets into the text without its BOM (ESLint strips it before parsing).
  const bom = text.startsWith(BOM) ? BOM : "";
  let body = text.slice(bom.length);
  for (let applied = 0; applied < 100; applied++) {
    const withSuggestion = lintMessages(bom + body, filename).find((message) => (message.suggestions?.length ?? 0) > 0);
    if (!withSuggestion) break;
    const { fix } = withSuggestion.suggestions![0]!;
    body = body.slice(0, fix.range[0]) + fix.text + body.slice(fix.range[1]);
  }
  return bom + body;
}

describe("codemod fixtures", () => {
  it("cover every known trap and every catalogue library", () => {
    const names = fixtures.map((fixture) => fixture.name);
    for (const expected of [
      "arrow-unparenthesised.ts",
      "use-client.tsx",
      "license-header.ts",
      "import-type-existing.ts",
      "value-import-existing.ts",
      "withkey-bound.ts",
      "shadowed-names.ts",
      "yup-this.ts",
      "yup-this.js",
      "generics.ts",
      "crlf.ts",
      "bom.ts",
      "loop.ts",
      "component.tsx",
      "hook.ts",
      "class-field.ts",
      "exported-function.ts",
      "tdz-circular.mjs",
      "reassigned-let.ts",
      "arguments.js",
      "comments.ts",
      "yup-method-shorthand.js",
      "async-generator.js",
      "zod4-classic.ts",
      "zod-mini.ts",
      "zod3.ts",
      "valibot.ts",
      "yup.ts",
      "arktype.ts",
      "effect3.ts",
      "effect4.ts",
      "joi.ts",
      "superstruct.ts",
      "io-ts.ts",
      "typebox034.ts",
      "typebox1.ts",
      "plain.js",
      "module.mjs",
      "commonjs.cjs",
    ]) {
      expect(names).toContain(expected);
    }
  });

  describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const input = readFileSync(fixture.inputPath, "utf8");
    const output = readFileSync(fixture.outputPath, "utf8");

    it("migrates the input to the output", () => {
      const result = migrateSource(input, { filename: fixture.filename, modules });
      expect(result.output).toBe(output);
      expect(result.changed).toBe(input !== output);
    });

    it("leaves the output as it is (idempotence)", () => {
      const result = migrateSource(output, { filename: fixture.filename, modules });
      expect(result.output).toBe(output);
      expect(result.sites.every((site) => site.action === "left")).toBe(true);
    });

    if (/\.(?:[cm]?js|jsx)$/.test(fixture.filename)) it("gives the same output without typescript-eslint (espree + eslint-scope)", () => {
      expect(migrateSource(input, { filename: fixture.filename, modules, parser: "espree" }).output).toBe(output);
      expect(migrateSource(output, { filename: fixture.filename, modules, parser: "espree" }).output).toBe(output);
    });

    it("gives the same bytes as eslint --fix plus the rule's suggestions", () => {
      expect(eslintFixAndSuggest(input, fixture.filename)).toBe(output);
    });

    it("has no autofix left in the output", () => {
      const messages = lintMessages(output, fixture.filename);
      expect(messages.filter((message) => message.fix !== undefined)).toEqual([]);
      expect(messages.filter((message) => (message.suggestions?.length ?? 0) > 0)).toEqual([]);
    });
  });
});

describe("fixture properties the outputs are read for", () => {
  const read = (file: string) => readFileSync(path.join(fixtureDir, file), "utf8");

  it("never annotates an unparenthesised arrow parameter in place", () => {
    const code = read("arrow-unparenthesised.output.ts").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/\b\w+: \w+ =>/);
    expect(code).toContain("withKey(s => s.trim(), ");
  });

  it("keeps CRLF on every line, inserted ones included", () => {
    const output = read("crlf.output.ts");
    expect(output.split("\n").slice(0, -1).every((line) => line.endsWith("\r"))).toBe(true);
    expect(output).toContain("withKey");
  });

  it("keeps the BOM first", () => {
    expect(read("bom.output.ts").startsWith(BOM)).toBe(true);
    expect(read("bom.output.ts").indexOf(BOM, 1)).toBe(-1);
  });

  it("keeps directives and license headers on top", () => {
    expect(read("use-client.output.tsx").startsWith("'use client'\n")).toBe(true);
    expect(read("use-client.output.tsx")).not.toContain(";;");
    expect(read("license-header.output.ts").startsWith("/*!\n")).toBe(true);
    expect(read("commonjs.output.cjs")).toMatch(/^\/\*[\s\S]*?\*\/\n"use strict";\n/);
  });

  it("never turns a function that reads its own `this` into an arrow", () => {
    expect(read("yup-this.output.js")).toMatch(/function matches\(value\) \{\n\s*return value === this\.parent\.password;/);
    expect(read("yup-method-shorthand.output.js")).toContain("test: withKey(function (value) {");
    expect(read("yup-this.output.ts")).toContain("withKey(function (value: string | undefined) {");
  });
});
