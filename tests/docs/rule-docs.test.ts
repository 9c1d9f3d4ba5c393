// Every rule doc's examples are linted with that rule, so the docs cannot drift from the code:
// each ❌ block must produce at least one report of the rule (rule, line and message snapshotted in
// __snapshots__/), each ✅ block none (and no parse error).
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { catalogue } from "../../lib/analysis/index.js";
import { extractExamples } from "./markdown.js";

const docsDir = fileURLToPath(new URL("../../docs/rules/", import.meta.url));
const docFiles = readdirSync(docsDir).filter((file) => file.endsWith(".md"));

function lint(ruleId: string, code: string, lang: string, options: unknown[] = [], settings: Record<string, unknown> = {}) {
  const linter = new Linter({ configType: "flat" });
  const ext = lang.startsWith("j") ? (lang.includes("x") ? "jsx" : "js") : lang === "tsx" ? "tsx" : "ts";
  return linter.verify(
    code,
    [
      {
        files: ["**/*.{ts,tsx,js,jsx}"],
        languageOptions: {
          parser: tsParser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        plugins: { "stable-schema": { rules } as never },
        settings,
        rules: { [`stable-schema/${ruleId}`]: ["error", ...options] as never },
      },
    ],
    { filename: `example.${ext}` },
  );
}

describe("rule docs", () => {
  it("has a doc per rule and no doc without a rule", () => {
    expect(docFiles.map((file) => file.replace(/\.md$/, "")).sort()).toEqual(Object.keys(rules).sort());
  });

  for (const file of docFiles) {
    const ruleId = file.replace(/\.md$/, "");
    const markdown = readFileSync(`${docsDir}${file}`, "utf8");
    const examples = extractExamples(markdown);

    describe(file, () => {
      it("has at least one ❌ and one ✅ example", () => {
        expect(examples.some((example) => example.kind === "incorrect")).toBe(true);
        expect(examples.some((example) => example.kind === "correct")).toBe(true);
      });

      // Named by their order among the page's ❌ (or ✅) blocks, not by line, so that snapshots stay put
      // when text above a block changes.
      const ordinal = { incorrect: 0, correct: 0 };
      for (const example of examples) {
        ordinal[example.kind] += 1;
        const label = `${example.kind === "incorrect" ? "❌" : "✅"} block #${ordinal[example.kind]}${example.options ? ` with ${JSON.stringify(example.options)}` : ""}`;
        it(label, () => {
          const messages = lint(ruleId, example.code, example.lang, example.options, example.settings);
          // Parse errors and "no matching configuration" both come without a rule id.
          const problems = messages.filter((message) => message.ruleId === null).map((message) => message.message);
          expect(problems, `the example at line ${example.line} must parse and be linted`).toEqual([]);
          const reports = messages.filter((message) => message.ruleId === `stable-schema/${ruleId}`);
          if (example.kind === "incorrect") {
            expect(reports.length, "❌ example must be reported").toBeGreaterThan(0);
            // What the page promises, pinned: a changed message or a lost report shows up in review.
            expect(reports.map((report) => ({ rule: report.ruleId, line: report.line, message: report.message }))).toMatchSnapshot();
          } else expect(reports.map((report) => `${report.line}:${report.column} ${report.message}`)).toEqual([]);
        });
      }
    });
  }

  it("no-inline-predicate.md names every library in the catalogue", () => {
    const markdown = readFileSync(`${docsDir}no-inline-predicate.md`, "utf8");
    for (const library of catalogue) expect(markdown, library.label).toContain(library.label);
  });
});
