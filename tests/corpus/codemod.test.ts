// The codemod on the pinned real-world corpus (bench/corpus.mjs), without type information: no file
// fails, every migrated file parses, the output is clean under `require-stable-key` (every withKey key
// covers what its closure captures), and what the rule still reports afterwards is exactly what the
// codemod said it left. Prints hoisted / wrapped / left per package and files/s.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusLintConfig, loadCorpus, type CorpusPackage } from "../../bench/corpus.mjs";
import plugin from "../../plugin.js";
import { migrateSource, mightContainCandidates, SourceParseError } from "../../lib/edits/migrate.js";

interface Migrated {
  readonly relative: string;
  readonly hoisted: number;
  readonly wrapped: number;
  readonly left: number;
  readonly keyProblems: string[];
  readonly remainingReports: number;
  readonly outputParses: boolean;
}

interface PackageResult {
  readonly pkg: CorpusPackage;
  readonly candidates: number;
  readonly changed: number;
  readonly failures: string[];
  readonly files: Migrated[];
  readonly ms: number;
}

const linter = new Linter({ configType: "flat" });
const config = corpusLintConfig([
  {
    plugins: { "stable-schema": plugin as never },
    rules: { "stable-schema/no-inline-predicate": ["error", { fix: "none" }], "stable-schema/require-stable-key": "error" },
  },
]) as Linter.Config[];

let results: PackageResult[] = [];

async function migratePackage(pkg: CorpusPackage): Promise<PackageResult> {
  const texts = await Promise.all(pkg.files.map(async (file) => [file, await fs.readFile(file, "utf8")] as const));
  const files: Migrated[] = [];
  const failures: string[] = [];
  let candidates = 0;
  let changed = 0;
  const started = performance.now();
  const outputs: [string, string, Migrated][] = [];
  for (const [file, text] of texts) {
    if (!mightContainCandidates(text)) continue;
    candidates += 1;
    const relative = path.relative(pkg.dir, file).split(path.sep).join("/");
    try {
      const result = migrateSource(text, { filename: file });
      if (!result.changed && result.sites.length === 0) continue;
      if (result.changed) changed += 1;
      const count = (action: string) => result.sites.filter((site) => site.action === action).length;
      const entry: Migrated = {
        relative,
        hoisted: count("hoisted"),
        wrapped: count("wrapped"),
        left: count("left"),
        keyProblems: [],
        remainingReports: 0,
        outputParses: true,
      };
      outputs.push([file, result.output, entry]);
    } catch (error) {
      // A file the parser rejects is reported and left alone; anything else is a codemod bug.
      if (!(error instanceof SourceParseError)) failures.push(`${relative}: ${String(error)}`);
    }
  }
  const ms = performance.now() - started;
  for (const [, output, entry] of outputs) {
    // A path relative to the working directory: flat config matches no file outside it.
    const messages = linter.verify(output, config, { filename: path.join("corpus", pkg.id, entry.relative) });
    const unconfigured = messages.filter((m) => m.ruleId === null && !m.fatal && m.message.includes("No matching configuration"));
    if (unconfigured.length > 0) throw new Error(`lint did not run on ${entry.relative}: ${unconfigured[0]!.message}`);
    const fatal = messages.filter((m) => m.fatal);
    files.push({
      ...entry,
      outputParses: fatal.length === 0,
      keyProblems: messages.filter((m) => m.ruleId === "stable-schema/require-stable-key").map((m) => `${entry.relative}:${m.line}: ${m.message}`),
      remainingReports: messages.filter((m) => m.ruleId === "stable-schema/no-inline-predicate").length,
    });
  }
  return { pkg, candidates, changed, failures, files, ms };
}

describe("codemod on real npm packages", () => {
  beforeAll(async () => {
    const corpus = await loadCorpus({ log: (message: string) => console.log(`corpus: ${message}`) });
    results = [];
    for (const pkg of corpus) results.push(await migratePackage(pkg));
    const rows = results.map((r) => {
      const sum = (key: "hoisted" | "wrapped" | "left") => r.files.reduce((total, file) => total + file[key], 0);
      return [
        r.pkg.id,
        String(r.pkg.files.length),
        String(r.candidates),
        String(r.changed),
        String(sum("hoisted")),
        String(sum("wrapped")),
        String(sum("left")),
        String(Math.round(r.ms)),
        (r.candidates / (r.ms / 1000 || 1)).toFixed(0),
      ];
    });
    const header = ["package", "files", "candidates", "changed", "hoisted", "wrapped", "left", "ms", "candidates/s"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
    console.log(["", line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n"));
  });

  it("no file fails (parse errors excepted) and every migrated file parses", () => {
    expect(results.flatMap((r) => r.failures)).toEqual([]);
    expect(results.flatMap((r) => r.files.filter((f) => !f.outputParses).map((f) => `${r.pkg.id}/${f.relative}`))).toEqual([]);
  });

  it("the codemod changes real code: some sites are hoisted and some wrapped", () => {
    const all = results.flatMap((r) => r.files);
    expect(all.reduce((n, f) => n + f.hoisted, 0)).toBeGreaterThan(0);
    expect(all.reduce((n, f) => n + f.wrapped, 0)).toBeGreaterThan(0);
  });

  it("every withKey the codemod wrote passes require-stable-key", () => {
    expect(results.flatMap((r) => r.files.flatMap((f) => f.keyProblems.map((p) => `${r.pkg.id}/${p}`)))).toEqual([]);
  });

  it("what no-inline-predicate still reports after the migration is exactly what the codemod left (with a reason)", () => {
    const mismatches = results.flatMap((r) =>
      r.files.filter((f) => f.remainingReports !== f.left).map((f) => `${r.pkg.id}/${f.relative}: ${f.left} left, ${f.remainingReports} reported`),
    );
    expect(mismatches).toEqual([]);
  });
});
