// The CLI reads the project's ESLint configuration per file, the way ESLint does: settings
// (`modules`), the rule on/off per file, and the rule's options; ESLint 9 and 10; no config at all.
// Real ESLint, real git, built CLI (`npm test` builds first).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../codemods/lib/report.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");
const pluginUrl = pathToFileURL(path.join(repoRoot, "dist/plugin.js")).href;
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com", GIT_CONFIG_NOSYSTEM: "1" };

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>, eslint: "eslint" | "eslint9" = "eslint"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stable-schema-config-"));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  // The project's own ESLint: the CLI resolves it from the working directory first.
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules", eslint), path.join(dir, "node_modules/eslint"), "dir");
  writeFileSync(path.join(dir, ".gitignore"), "node_modules/\n");
  execFileSync("git", ["init", "-q"], { cwd: dir, env: gitEnv });
  execFileSync("git", ["add", "-A"], { cwd: dir, env: gitEnv });
  execFileSync("git", ["commit", "-qm", "init"], { cwd: dir, env: gitEnv });
  return dir;
}

function migrate(dir: string, ...args: string[]): { code: number | null; stderr: string; report: Report } {
  const reportFile = path.join(dir, "..", `${path.basename(dir)}.report.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["FORCE_COLOR"];
  const r = spawnSync(process.execPath, [cli, "migrate", "--dry", "--no-project", "--report", reportFile, ...args, "src"], { cwd: dir, env, encoding: "utf8" });
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  rmSync(reportFile, { force: true });
  return { code: r.status, stderr: r.stderr, report };
}

const config = (extra: string) => `import stableSchema from ${JSON.stringify(pluginUrl)};
export default [
  ...stableSchema.configs.recommended,
${extra}
];
`;

/** A file that imports zod through a re-export module (`~/schema`). */
const MAPPED = `import { z } from "~/schema";\nexport function check(input) { return z.string().refine((s) => s.length > 0).parse(input); }\n`;
const PLAIN_ZOD = `import { z } from "zod";\nexport function check(input) { return z.string().refine((s) => s.length > 0).parse(input); }\n`;
const FACTORY = `import { z } from "zod";\nexport function minLength(n) { return z.string().refine((s) => s.length >= n); }\n`;
const MEMO = `import { z } from "zod";\nimport { remember } from "./remember.mjs";\nexport function useName() { return remember(() => z.string().refine((s) => s.length > 0)); }\n`;

function statusOf(report: Report, file: string): { status: string; skipReason?: string; sites: number } {
  const entry = report.files.find((f) => f.path === file);
  if (!entry) throw new Error(`${file} is not in the report`);
  return { status: entry.status, ...(entry.skipReason ? { skipReason: entry.skipReason } : {}), sites: entry.sites.length };
}

describe.each(["eslint", "eslint9"] as const)("the ESLint config (%s)", (eslint) => {
  it("settings.modules maps a re-export module without --modules; --no-eslint-config does not", () => {
    const dir = project(
      { "eslint.config.js": config(`  { settings: { "stable-schema": { modules: { "~/schema": "zod" } } } },`), "src/a.mjs": MAPPED },
      eslint,
    );
    const r = migrate(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`rule options and settings from the ESLint ${eslint === "eslint" ? "10" : "9"}\\.\\d+\\.\\d+ configuration`));
    expect(statusOf(r.report, "src/a.mjs")).toEqual({ status: "changed", sites: 1 });
    expect(statusOf(migrate(dir, "--no-eslint-config").report, "src/a.mjs")).toEqual({ status: "skipped", skipReason: "prefilter", sites: 0 });
    // --modules still overrides the settings.
    expect(statusOf(migrate(dir, "--modules", "~/other=zod").report, "src/a.mjs")).toMatchObject({ status: "skipped" });
  });

  it("skips files the config turns the rule off for (recommended's test files, a per-directory off) and says why", () => {
    const dir = project(
      {
        "eslint.config.js": config(`  { files: ["src/legacy/**"], rules: { "stable-schema/no-inline-predicate": "off" } },`),
        "src/a.mjs": PLAIN_ZOD,
        "src/a.test.mjs": PLAIN_ZOD,
        "src/legacy/b.mjs": PLAIN_ZOD,
      },
      eslint,
    );
    const r = migrate(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(statusOf(r.report, "src/a.mjs")).toEqual({ status: "changed", sites: 1 });
    expect(statusOf(r.report, "src/a.test.mjs")).toEqual({ status: "skipped", skipReason: "rule-off", sites: 0 });
    expect(statusOf(r.report, "src/legacy/b.mjs")).toEqual({ status: "skipped", skipReason: "rule-off", sites: 0 });
    expect(r.report.files.find((f) => f.path === "src/legacy/b.mjs")?.skipDetail).toBe(
      "stable-schema/no-inline-predicate is off for this file in the ESLint config",
    );
    expect(r.stderr).toMatch(/skipped \(rule off in the ESLint config\)\s+2/);
  });

  it("applies the rule's options per file: checkFactories and memoFunctions", () => {
    const files = { "src/factory.mjs": FACTORY, "src/memo.mjs": MEMO, "src/remember.mjs": "export const remember = (f) => f();\n" };
    const defaults = project({ "eslint.config.js": config(""), ...files }, eslint);
    const r1 = migrate(defaults);
    expect(statusOf(r1.report, "src/factory.mjs")).toEqual({ status: "skipped", skipReason: "no-candidates", sites: 0 });
    expect(statusOf(r1.report, "src/memo.mjs")).toEqual({ status: "changed", sites: 1 });

    const configured = project(
      {
        "eslint.config.js": config(
          `  { rules: { "stable-schema/no-inline-predicate": ["error", { checkFactories: true, memoFunctions: ["remember"] }] } },`,
        ),
        ...files,
      },
      eslint,
    );
    const r2 = migrate(configured);
    expect(statusOf(r2.report, "src/factory.mjs")).toEqual({ status: "changed", sites: 1 });
    expect(statusOf(r2.report, "src/memo.mjs")).toEqual({ status: "skipped", skipReason: "no-candidates", sites: 0 });
  });
});

describe("without an ESLint config", () => {
  it("uses the default rule options and says so", () => {
    const dir = project({ "src/a.mjs": PLAIN_ZOD, "src/a.test.mjs": PLAIN_ZOD });
    const r = migrate(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("no ESLint config file found: using the default rule options");
    expect(statusOf(r.report, "src/a.test.mjs")).toEqual({ status: "changed", sites: 1 });
  });

  it("a config that cannot be loaded stops the run with the reason (exit 2)", () => {
    const dir = project({ "eslint.config.js": "export default [ { rules: oops } ];\n", "src/a.mjs": PLAIN_ZOD });
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
    const r = spawnSync(process.execPath, [cli, "migrate", "--dry", "src"], { cwd: dir, env, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain("stable-schema: cannot load the ESLint configuration: oops is not defined");
  });
});
