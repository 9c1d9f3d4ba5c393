// Lints the pinned real-world corpus (bench/corpus.mjs) with the built `no-unbounded-cache` rule:
// no crash anywhere, prints the reports per package (default options and `checkEscaping: true`), and
// checks the reports read by hand (docs/rules/no-unbounded-cache.md#corpus) are still there.
// `STABLE_SCHEMA_CORPUS_REPORT=file.json` writes every report, for reading.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusLintConfig, loadCorpus } from "../../bench/corpus.mjs";
import { formatTable, lintFile, loadBuiltPlugin, toPosix } from "./lint-helpers.js";

const RULE = "no-unbounded-cache";
const RULE_ID = `stable-schema/${RULE}`;

type Report = { package: string; file: string; line: number; message: string; escaping: boolean };

/** Reports read by hand and judged true positives (package, file, line): they must stay reported. */
const KNOWN_TRUE_POSITIVES: readonly (readonly [string, string, number])[] = [
  ["webpack@5.113.0", "lib/node/nodeConsole.js", 32],
  ["eslint@10.15.0", "lib/linter/esquery.js", 137],
  ["eslint@10.15.0", "lib/config/config-loader.js", 52],
  ["effect@4.1.0", "src/cluster/ShardId.ts", 105],
];

/** Registration APIs read by hand (they store what their callers pass): silent unless checkEscaping. */
const KNOWN_REGISTRATIONS: readonly (readonly [string, string, number])[] = [
  ["@grpc/grpc-js@1.14.7", "src/resolver.ts", 104],
  ["@grpc/grpc-js@1.14.7", "src/load-balancer.ts", 157],
  ["@grpc/grpc-js@1.14.7", "src/admin.ts", 29],
];

describe("corpus: no-unbounded-cache on real npm packages", () => {
  const reports: Report[] = [];
  const crashes: string[] = [];

  beforeAll(async () => {
    const plugin = await loadBuiltPlugin(RULE);
    const corpus = await loadCorpus({ log: (message) => console.log(message) });
    const linter = new Linter();
    const configFor = (checkEscaping: boolean) =>
      corpusLintConfig([
        {
          plugins: { "stable-schema": plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
          rules: { [RULE_ID]: ["error", { checkEscaping }] },
        },
      ]);
    const configs = [configFor(false), configFor(true)] as const;
    const rows: Record<string, string | number>[] = [];
    for (const pkg of corpus) {
      const counts = [0, 0];
      const started = performance.now();
      for (const file of pkg.files) {
        const text = await fs.readFile(file, "utf8");
        const relative = toPosix(path.relative(pkg.dir, file));
        const virtual = `${pkg.id.replace("/", "__")}/${relative}`;
        configs.forEach((config, index) => {
          const result = lintFile(linter, config, virtual, text);
          for (const crash of result.crashes) crashes.push(`${pkg.id} ${relative}: ${crash}`);
          for (const message of result.messages) {
            if (message.ruleId !== RULE_ID) continue;
            counts[index]! += 1;
            reports.push({ package: pkg.id, file: relative, line: message.line, message: message.message, escaping: index === 1 });
          }
        });
      }
      rows.push({ package: pkg.id, files: pkg.files.length, reports: counts[0]!, "with checkEscaping": counts[1]!, ms: Math.round(performance.now() - started) });
    }
    console.log(`\n${formatTable(rows)}\n`);
    const dump = process.env.STABLE_SCHEMA_CORPUS_REPORT;
    if (dump) {
      await fs.writeFile(dump, JSON.stringify(reports, null, 2) + "\n");
      console.log(`wrote ${reports.length} reports to ${dump}`);
    }
  });

  it("never crashes the rule (no exception, no fatal non-parse message)", () => {
    expect(crashes).toEqual([]);
  });

  it("meets real caches: the server-side packages produce reports", () => {
    expect(reports.filter((report) => !report.escaping).length).toBeGreaterThan(0);
  });

  it("still reports the true positives read by hand", () => {
    const reported = new Set(reports.filter((report) => !report.escaping).map((report) => `${report.package} ${report.file}:${report.line}`));
    for (const [pkg, file, line] of KNOWN_TRUE_POSITIVES) expect(reported, `${pkg} ${file}:${line}`).toContain(`${pkg} ${file}:${line}`);
  });

  it("leaves registration APIs to checkEscaping", () => {
    const at = (escaping: boolean) => new Set(reports.filter((r) => r.escaping === escaping).map((r) => `${r.package} ${r.file}:${r.line}`));
    const byDefault = at(false);
    const withOption = at(true);
    for (const [pkg, file, line] of KNOWN_REGISTRATIONS) {
      expect(byDefault, `${pkg} ${file}:${line}`).not.toContain(`${pkg} ${file}:${line}`);
      expect(withOption, `${pkg} ${file}:${line}`).toContain(`${pkg} ${file}:${line}`);
    }
  });

  it("reports with checkEscaping a superset of the default reports", () => {
    const escaping = new Set(reports.filter((report) => report.escaping).map((report) => `${report.package} ${report.file}:${report.line}`));
    for (const report of reports.filter((r) => !r.escaping)) expect(escaping).toContain(`${report.package} ${report.file}:${report.line}`);
  });
});
