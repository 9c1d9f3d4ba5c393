// Oxlint parity: the real `oxlint` binary (npm package `oxlint`) loads the built plugin through
// `jsPlugins` and must give what ESLint gives, on the example app and on every codemod fixture:
// - the same reports (rule, range, message);
// - `oxlint --fix`, ONE run, writes the bytes `eslint --fix` writes (ESLint lints again and applies
//   more fixes, up to 10 passes; Oxlint applies one pass: the autofix is planned so that one pass is
//   enough, lib/edits/pass-fix.ts);
// - `oxlint --fix-suggestions` (the first suggestion of every report, one pass) writes what ESLint's
//   first suggestions give when applied in one pass by ESLint's own rule for overlapping fixes.
// Needs `npm run build` (dist/plugin.js): `npm test` builds first.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyFixes } from "../../lib/edits/text.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const pluginPath = path.join(root, "dist/plugin.js");
const oxlintBin = path.join(path.dirname(createRequire(import.meta.url).resolve("oxlint/package.json")), "bin/oxlint");
const settings = { "stable-schema": { modules: { effect3: "effect" } } };
const sourceFile = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** The files under test, relative to the work directory: the example app, every codemod fixture, key cases. */
const trees = [
  { from: path.join(root, "examples"), to: "examples" },
  { from: path.join(root, "tests/codemods/__testfixtures__"), to: "fixtures" },
  // require-stable-key has nothing to report on the others: its cases live here.
  { from: path.join(root, "tests/oxlint/__testfixtures__"), to: "keys" },
];

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listFiles(full, path.join(prefix, name));
    return sourceFile.test(name) ? [path.join(prefix, name)] : [];
  });
}

interface Report {
  readonly file: string;
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

let work: string;
let plugin: { rules: Record<string, unknown> };

/** A fresh copy of the trees under `work/<name>`, with the configs both linters read. */
function copyTrees(name: string): string {
  const dir = path.join(work, name);
  for (const tree of trees) cpSync(tree.from, path.join(dir, tree.to), { recursive: true });
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`stable-schema/${id}`, "error"]));
  // No native Oxlint rule: only the plugin's rules report.
  writeFileSync(
    path.join(dir, ".oxlintrc.json"),
    JSON.stringify({ plugins: [], categories: { correctness: "off" }, jsPlugins: [pluginPath], settings, rules }, null, 2),
  );
  return dir;
}

function eslintFor(dir: string, fix: boolean): ESLint {
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`stable-schema/${id}`, "error" as const]));
  const config: Linter.Config[] = [
    {
      files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
      languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { "stable-schema": plugin as NonNullable<Linter.Config["plugins"]>[string] },
      settings,
      rules,
    },
    { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
  ];
  return new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, fix, ignore: false });
}

function runOxlint(dir: string, ...args: string[]): string {
  const child = spawnSync(process.execPath, [oxlintBin, ...args, "."], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.error) throw child.error;
  // Exit 1 means "problems found"; anything else (or a signal) is a crash.
  if (child.signal || (child.status !== 0 && child.status !== 1)) {
    throw new Error(`oxlint ${args.join(" ")} exited with ${child.status ?? child.signal}:\n${child.stderr}\n${child.stdout}`);
  }
  return child.stdout;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

function sortReports(reports: Report[]): Report[] {
  return reports.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
}

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const tree of trees) for (const file of listFiles(path.join(dir, tree.to))) files[path.join(tree.to, file)] = readFileSync(path.join(dir, tree.to, file), "utf8");
  return files;
}

beforeAll(async () => {
  if (!existsSync(pluginPath)) throw new Error("dist/plugin.js is missing: run `npm run build` (npm test does)");
  plugin = (await import(pluginPath)).default;
  work = mkdtempSync(path.join(tmpdir(), "stable-schema-oxlint-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("Oxlint (jsPlugins) and ESLint", () => {
  it("runs the real oxlint binary", () => {
    expect(execFileSync(process.execPath, [oxlintBin, "--version"], { encoding: "utf8" })).toMatch(/\d+\.\d+\.\d+/);
  });

  it("give the same reports on the example app and every codemod fixture", async () => {
    const dir = copyTrees("reports");
    const ox = JSON.parse(runOxlint(dir, "-f", "json")) as {
      diagnostics: { message: string; code: string; filename: string; labels: { span: { offset: number; length: number } }[] }[];
    };
    const oxReports = sortReports(
      ox.diagnostics.map((d) => {
        // Oxlint's spans count UTF-8 bytes of the file (BOM included); ESLint's columns count UTF-16
        // code units after the BOM.
        const bytes = readFileSync(path.join(dir, d.filename));
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 1 : 0;
        const chars = (offset: number) => bytes.subarray(0, offset).toString("utf8").length - bom;
        const { offset, length } = d.labels[0]!.span;
        return {
          file: path.normalize(d.filename),
          rule: d.code.replace(/^stable-schema\((.*)\)$/, "stable-schema/$1"),
          start: chars(offset),
          end: chars(offset + length),
          message: d.message,
        };
      }),
    );
    const results = await eslintFor(dir, false).lintFiles(["."]);
    const esReports = sortReports(
      results.flatMap((result) => {
        const text = readFileSync(result.filePath, "utf8").replace(/^\uFEFF/, "");
        return result.messages.map((m) => {
          if (m.fatal) throw new Error(`${result.filePath}: ${m.message}`);
          return {
            file: path.relative(dir, result.filePath),
            rule: m.ruleId!,
            start: offsetOf(text, m.line, m.column),
            end: offsetOf(text, m.endLine!, m.endColumn!),
            message: m.message,
          };
        });
      }),
    );
    // A test that cannot fail is a defect: both sides must have found the seeded problems.
    expect(esReports.length).toBeGreaterThan(50);
    expect(new Set(esReports.map((r) => r.rule))).toEqual(new Set(Object.keys(plugin.rules).map((id) => `stable-schema/${id}`)));
    expect(oxReports).toEqual(esReports);
  });

  it("`oxlint --fix` in one run writes what `eslint --fix` writes", async () => {
    const oxDir = copyTrees("fix-oxlint");
    const esDir = copyTrees("fix-eslint");
    const before = readTree(oxDir);
    runOxlint(oxDir, "--fix");
    await ESLint.outputFixes(await eslintFor(esDir, true).lintFiles(["."]));
    const ox = readTree(oxDir);
    const es = readTree(esDir);
    const changed = Object.keys(es).filter((file) => es[file] !== before[file]);
    expect(changed.length).toBeGreaterThan(10);
    for (const file of Object.keys(es)) expect({ file, text: ox[file] }).toEqual({ file, text: es[file] });
  });

  it("`oxlint --fix-suggestions` applies the same first suggestions as ESLint reports", async () => {
    const oxDir = copyTrees("suggest-oxlint");
    const before = readTree(oxDir);
    runOxlint(oxDir, "--fix-suggestions");
    const ox = readTree(oxDir);
    const results = await eslintFor(copyTrees("suggest-eslint"), false).lintFiles(["."]);
    let applied = 0;
    for (const result of results) {
      const file = path.relative(path.join(work, "suggest-eslint"), result.filePath);
      const text = before[file]!;
      const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
      // Oxlint applies a report's fix when it has one, else its first suggestion; one pass, overlaps skipped.
      const fixes = result.messages.flatMap((m) => {
        const fix = m.fix ?? m.suggestions?.[0]?.fix;
        return fix ? [{ range: fix.range, text: fix.text }] : [];
      });
      const { output, applied: done } = applyFixes(text.slice(bom.length), fixes);
      applied += done.length;
      expect({ file, text: ox[file] }).toEqual({ file, text: bom + output });
    }
    expect(applied).toBeGreaterThan(20);
  });
});
