// Lints the pinned real-world corpus (bench/corpus.mjs) with the built `no-inline-predicate` rule:
// no crash anywhere, parses almost everything, silent on the mistral SDK's module-level schemas,
// and reports its per-call `z.custom(...)` stream helpers. Prints files/s and reports per package.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { corpusLintConfig, loadCorpus, type CorpusPackage } from "../../bench/corpus.mjs";
import { schemaCallProbe, type SchemaCallSite } from "./schema-call-probe.js";
import { formatTable, lintFile, loadBuiltPlugin, toPosix } from "./lint-helpers.js";

const RULE = "no-inline-predicate";
const RULE_ID = `stable-schema/${RULE}`;
const MISTRAL = "@mistralai/mistralai";
/** Parse errors allowed, as a share of all files (they are the parser's, not the rule's). */
const MAX_PARSE_ERROR_SHARE = 0.01;
/** Stream helpers of the mistral SDK that build `z.custom(x => x instanceof ReadableStream)` on every call. */
const MISTRAL_STREAM_HELPERS = [
  "src/funcs/agentsStream.ts",
  "src/funcs/chatStream.ts",
  "src/funcs/fimStream.ts",
  "src/funcs/filesDownload.ts",
  "src/funcs/betaConversationsStartStream.ts",
  "src/funcs/betaConversationsAppendStream.ts",
  "src/funcs/betaConversationsRestartStream.ts",
];

type LintedFile = {
  /** Path inside the package, with forward slashes. */
  relative: string;
  reports: Linter.LintMessage[];
  parseError: Linter.LintMessage | undefined;
  /** Rule exceptions, fatal non-parse errors and configuration messages: all must be empty. */
  crashes: string[];
};

type LintedPackage = { pkg: CorpusPackage; files: LintedFile[]; bytes: number; ms: number };

describe("corpus: no-inline-predicate on real npm packages", () => {
  const linted: LintedPackage[] = [];
  /** Probe sites per mistral file (relative path). */
  const mistralSites = new Map<string, SchemaCallSite[]>();

  const lintedPackage = (name: string): LintedPackage => {
    const found = linted.find((entry) => entry.pkg.name === name);
    if (!found) throw new Error(`${name} is not in the corpus`);
    return found;
  };

  beforeAll(async () => {
    // Fail first, and clearly, when the rule is missing; then fetch the corpus (not timed).
    const plugin = await loadBuiltPlugin(RULE);
    const corpus = await loadCorpus({ log: (message) => console.log(message) });
    const texts = new Map<string, string>();
    for (const pkg of corpus) {
      for (const file of pkg.files) texts.set(file, await fs.readFile(file, "utf8"));
    }

    const linter = new Linter();
    const config = corpusLintConfig([
      {
        plugins: { "stable-schema": plugin as unknown as NonNullable<Linter.Config["plugins"]>[string] },
        rules: { [RULE_ID]: "error" },
      },
    ]);
    const virtualRoot = (pkg: CorpusPackage) => pkg.id.replace("/", "__");

    for (const pkg of corpus) {
      const files: LintedFile[] = [];
      let bytes = 0;
      const started = performance.now();
      for (const file of pkg.files) {
        const text = texts.get(file) ?? "";
        const relative = toPosix(path.relative(pkg.dir, file));
        const result = lintFile(linter, config, `${virtualRoot(pkg)}/${relative}`, text);
        bytes += text.length;
        files.push({
          relative,
          reports: result.messages.filter((message) => message.ruleId === RULE_ID),
          parseError: result.parseError,
          crashes: result.crashes,
        });
      }
      linted.push({ pkg, files, bytes, ms: performance.now() - started });
    }

    // The independent probe, on the mistral SDK only (not timed).
    const mistral = corpus.find((pkg) => pkg.name === MISTRAL);
    if (!mistral) throw new Error(`${MISTRAL} is missing from the corpus`);
    const probeConfig = corpusLintConfig([
      { plugins: { corpus: { rules: { probe: schemaCallProbe } } }, rules: { "corpus/probe": "error" } },
    ]);
    for (const file of mistral.files) {
      const relative = toPosix(path.relative(mistral.dir, file));
      const messages = linter.verify(texts.get(file) ?? "", probeConfig, `${virtualRoot(mistral)}/${relative}`);
      const sites = messages
        .filter((message) => message.ruleId === "corpus/probe")
        .map((message) => JSON.parse(message.message) as SchemaCallSite);
      if (sites.length > 0) mistralSites.set(relative, sites);
    }

    const rows = linted.map(({ pkg, files, bytes, ms }) => ({
      package: pkg.id,
      files: files.length,
      KB: Math.round(bytes / 1024),
      "parse errors": files.filter((file) => file.parseError).length,
      crashes: files.filter((file) => file.crashes.length > 0).length,
      reports: files.reduce((sum, file) => sum + file.reports.length, 0),
      "files w/ reports": files.filter((file) => file.reports.length > 0).length,
      ms: Math.round(ms),
      "files/s": Math.round((files.length / ms) * 1000),
    }));
    const totalFiles = rows.reduce((sum, row) => sum + row.files, 0);
    const totalMs = linted.reduce((sum, entry) => sum + entry.ms, 0);
    console.log(
      `\n${formatTable(rows)}\n` +
        `total: ${totalFiles} files in ${Math.round(totalMs)} ms (${Math.round((totalFiles / totalMs) * 1000)} files/s), ` +
        `lint only (download and file reads excluded)\n`,
    );

    const dump = process.env.STABLE_SCHEMA_CORPUS_REPORT;
    if (dump) {
      const reports = linted.flatMap(({ pkg, files }) =>
        files.flatMap((file) =>
          file.reports.map((report) => ({
            package: pkg.id,
            file: path.join(pkg.dir, file.relative),
            line: report.line,
            column: report.column,
            message: report.message,
          })),
        ),
      );
      await fs.writeFile(dump, JSON.stringify(reports, null, 2) + "\n");
      console.log(`wrote ${reports.length} reports to ${dump}`);
    }
  });

  it("never crashes the rule (no exception, no fatal non-parse message)", () => {
    const crashes = linted.flatMap(({ pkg, files }) =>
      files.flatMap((file) => file.crashes.map((crash) => `${pkg.id} ${file.relative}: ${crash}`)),
    );
    expect(crashes).toEqual([]);
  });

  it("parses the vast majority of files (parse errors are the parser's, counted separately)", () => {
    const all = linted.flatMap(({ pkg, files }) => files.map((file) => ({ pkg, file })));
    const failed = all
      .filter(({ file }) => file.parseError)
      .map(({ pkg, file }) => `${pkg.id} ${file.relative}:${file.parseError?.line} ${file.parseError?.message}`);
    if (failed.length > 0) console.log(`parse errors:\n  ${failed.join("\n  ")}`);
    expect(all.length).toBeGreaterThan(2000);
    expect(failed.length / all.length).toBeLessThanOrEqual(MAX_PARSE_ERROR_SHARE);
  });

  it("stays silent on the mistral SDK's module-level schemas in src/models/**", () => {
    const { files } = lintedPackage(MISTRAL);
    const models = files.filter((file) => file.relative.startsWith("src/models/"));
    // The premise: src/models holds hundreds of inline-closure schema calls, all at module level.
    const modelSites = [...mistralSites].filter(([file]) => file.startsWith("src/models/")).flatMap(([, sites]) => sites);
    expect(models.length).toBeGreaterThan(500);
    expect(modelSites.filter((site) => site.method === "transform").length).toBeGreaterThan(500);
    expect(modelSites.filter((site) => site.inFunction)).toEqual([]);

    const reported = models.flatMap((file) =>
      file.reports.map((report) => `${file.relative}:${report.line}:${report.column} ${report.message}`),
    );
    expect(reported).toEqual([]);
  });

  it("reports no module-level `.transform(fn)` / `z.custom(fn)` site anywhere in the mistral SDK", () => {
    const { files } = lintedPackage(MISTRAL);
    const wronglyReported: string[] = [];
    let moduleLevelSites = 0;
    for (const file of files) {
      for (const site of mistralSites.get(file.relative) ?? []) {
        if (site.inFunction) continue;
        moduleLevelSites += 1;
        const hits = file.reports.filter((report) => report.line >= site.line && report.line <= site.argumentLine);
        for (const hit of hits) wronglyReported.push(`${file.relative}:${hit.line}:${hit.column} ${hit.message}`);
      }
    }
    expect(moduleLevelSites).toBeGreaterThan(500);
    expect(wronglyReported).toEqual([]);
  });

  /** Probe sites of `method` in the mistral SDK, with the linted file they are in. */
  const mistralSitesOf = (method: SchemaCallSite["method"], keep: (site: SchemaCallSite) => boolean) => {
    const { files } = lintedPackage(MISTRAL);
    return files.flatMap((file) =>
      (mistralSites.get(file.relative) ?? []).filter((site) => site.method === method && keep(site)).map((site) => ({ file, site })),
    );
  };
  const isPerCall = (site: SchemaCallSite) => site.inFunction && !site.returned;
  /** Sites with no report naming `method` on the lines of the call's inline function. */
  const unreported = (sites: Array<{ file: LintedFile; site: SchemaCallSite }>, method: string) =>
    sites
      .filter(
        ({ file, site }) =>
          !file.reports.some(
            (report) =>
              report.line >= site.line && report.line <= site.argumentEndLine && new RegExp(`\\b${method}\\b`).test(report.message),
          ),
      )
      .map(({ file, site }) => `${file.relative}:${site.line}:${site.column}`);

  it("reports every per-call `z.custom(fn)` in the mistral SDK's stream helpers, naming `custom`", () => {
    const perCall = mistralSitesOf("custom", isPerCall);
    // The probe must find the known stream helpers, or this test proves nothing.
    for (const helper of MISTRAL_STREAM_HELPERS) {
      expect(perCall.map(({ file }) => file.relative), `probe found no per-call z.custom in ${helper}`).toContain(helper);
    }
    expect(unreported(perCall, "custom")).toEqual([]);
  });

  it("reports the per-call `.transform(fn)` chained on those `z.custom(...)` calls, naming `transform`", () => {
    const perCall = mistralSitesOf("transform", isPerCall);
    expect(perCall.length).toBeGreaterThanOrEqual(MISTRAL_STREAM_HELPERS.length - 1);
    expect(unreported(perCall, "transform")).toEqual([]);
  });

  it("leaves the mistral SDK's schema factories alone (`return z.custom(…)`, checkFactories defaults to false)", () => {
    const factorySites = [...mistralSitesOf("custom", (site) => site.returned), ...mistralSitesOf("transform", (site) => site.returned)];
    // constDateTime, openEnums.inboundSchema(Int), discriminatedUnion, smartUnion, collectExtraKeys.
    expect(factorySites.length).toBeGreaterThanOrEqual(5);
    const reported = factorySites.flatMap(({ file, site }) =>
      file.reports
        .filter((report) => report.line >= site.line && report.line <= site.argumentLine)
        .map((report) => `${file.relative}:${report.line}:${report.column} ${report.message}`),
    );
    expect(reported).toEqual([]);
  });
});
