// Lints the pinned real-world corpus (bench/corpus.mjs) with the built `no-schema-in-function` rule:
// no crash anywhere; reports per package; the mistral SDK's per-call stream schemas (`z.custom(…)` built
// in src/funcs/*Stream*.ts) are reported, its ~800 module-level schemas in src/models/** are not.
// STABLE_SCHEMA_REPORTS_OUT=<file> writes every report (file, line, message, source line) as JSON lines,
// for reading a sample by hand (the precision in docs/benchmarks.md comes from such a reading).
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusLintConfig, loadCorpus, type CorpusPackage } from "../../bench/corpus.mjs";

const RULE = "no-schema-in-function";
const RULE_ID = `stable-schema/${RULE}`;
const MISTRAL = "@mistralai/mistralai";
const MISTRAL_STREAM_HELPERS = [
  "src/funcs/agentsStream.ts",
  "src/funcs/chatStream.ts",
  "src/funcs/fimStream.ts",
  "src/funcs/betaConversationsStartStream.ts",
  "src/funcs/betaConversationsAppendStream.ts",
  "src/funcs/betaConversationsRestartStream.ts",
];

type Linted = { pkg: CorpusPackage; relative: string; text: string; reports: Linter.LintMessage[]; crashes: string[] };

describe("corpus: no-schema-in-function on real npm packages", () => {
  const linted: Linted[] = [];

  beforeAll(async () => {
    const plugin = (await import(new URL("../../dist/plugin.js", import.meta.url).href)) as { default: { rules: Record<string, unknown> } };
    if (!(RULE in plugin.default.rules)) throw new Error(`rule not built yet: dist/plugin.js has no rules["${RULE}"] (run \`npm run build\`)`);
    const corpus = await loadCorpus({ log: (message) => console.log(message) });
    const linter = new Linter();
    const config = corpusLintConfig([
      { plugins: { "stable-schema": plugin.default as unknown as NonNullable<Linter.Config["plugins"]>[string] }, rules: { [RULE_ID]: "error" } },
    ]);
    for (const pkg of corpus) {
      for (const file of pkg.files) {
        const text = await fs.readFile(file, "utf8");
        const relative = path.relative(pkg.dir, file).split(path.sep).join("/");
        let messages: Linter.LintMessage[] = [];
        const crashes: string[] = [];
        try {
          messages = linter.verify(text, config, `${pkg.id.replace("/", "__")}/${relative}`);
        } catch (error) {
          crashes.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
        }
        for (const message of messages) {
          const parseError = message.fatal && message.ruleId === null && message.message.startsWith("Parsing error");
          const directive = message.ruleId === null && !message.fatal && message.message.includes("noInlineConfig");
          if (!parseError && !directive && (message.fatal || message.ruleId === null)) crashes.push(`${relative}:${message.line}: ${message.message}`);
        }
        linted.push({ pkg, relative, text, reports: messages.filter((message) => message.ruleId === RULE_ID), crashes });
      }
    }
    const rows = corpus.map((pkg) => {
      const files = linted.filter((entry) => entry.pkg === pkg);
      const reports = files.flatMap((entry) => entry.reports);
      return { package: pkg.id, files: files.length, reports: reports.length, fixable: reports.filter((r) => r.fix).length, suggestions: reports.filter((r) => r.suggestions?.length).length };
    });
    console.log(rows.map((row) => `${row.package.padEnd(36)} files ${String(row.files).padStart(5)}  reports ${String(row.reports).padStart(5)}  autofix ${String(row.fixable).padStart(4)}  with suggestions ${String(row.suggestions).padStart(4)}`).join("\n"));
    const out = process.env["STABLE_SCHEMA_REPORTS_OUT"];
    if (out) {
      const lines = linted.flatMap((entry) =>
        entry.reports.map((report) =>
          JSON.stringify({ pkg: entry.pkg.id, file: entry.relative, line: report.line, message: report.message, source: entry.text.split(/\r?\n/)[report.line - 1]?.trim(), fix: Boolean(report.fix), suggestions: (report.suggestions ?? []).map((s) => s.desc) }),
        ),
      );
      await fs.writeFile(out, `${lines.join("\n")}\n`);
    }
  });

  it("never crashes", () => {
    expect(linted.flatMap((entry) => entry.crashes)).toEqual([]);
  });

  it("reports the mistral SDK's per-call stream schemas (`z.custom(…)` built in each stream helper)", () => {
    for (const helper of MISTRAL_STREAM_HELPERS) {
      const entry = linted.find((e) => e.pkg.name === MISTRAL && e.relative === helper);
      expect(entry, helper).toBeDefined();
      expect(entry!.reports.map((r) => r.message).filter((m) => m.includes("`z.custom()`")), helper).not.toEqual([]);
    }
  });

  it("stays silent on the mistral SDK's module-level schemas in src/models/** (only per-event stream callbacks there are reported)", () => {
    const models = linted.filter((entry) => entry.pkg.name === MISTRAL && entry.relative.startsWith("src/models/"));
    expect(models.length).toBeGreaterThan(500);
    // `new EventStream(stream, (rawEvent) => ({ value: z.lazy(() => Events).parse(rawEvent) }))`: a z.lazy per event.
    const notPerEvent = models.flatMap((entry) =>
      entry.reports.filter((r) => !r.message.includes("the callback passed to `EventStream`")).map((r) => `${entry.relative}:${r.line} ${r.message}`),
    );
    expect(notPerEvent).toEqual([]);
  });
});
