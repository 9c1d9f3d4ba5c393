// The migration as a user runs it in a monorepo: from the root, on both packages, with no flags beyond
// the paths (bench/monorepo-fixture.mjs: two tsconfigs under project references, an eslint.config.js
// with settings and per-package options, a re-export module, test files, a duplicated dependency).
// Then: the rule and the CLI agree on every file, the rules report nothing any more, the tree
// type-checks, Prettier's check passes, and a second run changes nothing.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeMonorepo } from "../../bench/monorepo-fixture.mjs";
import type { Report } from "../../codemods/lib/report.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com", GIT_CONFIG_NOSYSTEM: "1" };

let root: string;
let reportDir: string;

function run(command: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["FORCE_COLOR"];
  const r = spawnSync(command, args, { cwd: root, env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const prettier = (...args: string[]) => run(process.execPath, [path.join(root, "node_modules/prettier/bin/prettier.cjs"), ...args]);

/** Rule reports per file (relative path → rule id → count), linting the tree the way the project does. */
async function lint(): Promise<Map<string, Map<string, number>>> {
  const eslint = new ESLint({ cwd: root });
  const byFile = new Map<string, Map<string, number>>();
  for (const result of await eslint.lintFiles(["packages"])) {
    const counts = new Map<string, number>();
    for (const message of result.messages) {
      expect(message.fatal, `${result.filePath}: ${message.message}`).not.toBe(true);
      counts.set(message.ruleId ?? "", (counts.get(message.ruleId ?? "") ?? 0) + 1);
    }
    byFile.set(path.relative(root, result.filePath).split(path.sep).join("/"), counts);
  }
  return byFile;
}

let before: Map<string, Map<string, number>>;
let dryReport: Report;
let migrated: ReturnType<typeof run>;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "stable-schema-monorepo-"));
  reportDir = mkdtempSync(path.join(os.tmpdir(), "stable-schema-monorepo-report-"));
  writeMonorepo(root);
  // The fixture starts Prettier-clean (twice: Prettier is not always idempotent on member chains).
  expect(prettier("--write", "packages").code).toBe(0);
  expect(prettier("--write", "packages").code).toBe(0);
  expect(prettier("--check", "packages").code).toBe(0);
  execFileSync("git", ["init", "-q"], { cwd: root, env: gitEnv });
  execFileSync("git", ["add", "-A"], { cwd: root, env: gitEnv });
  execFileSync("git", ["commit", "-qm", "init"], { cwd: root, env: gitEnv });
  before = await lint();
  const reportFile = path.join(reportDir, "dry.json");
  const dry = run(process.execPath, [cli, "migrate", "--dry", "--report", reportFile, "packages"]);
  expect(dry.code, dry.stderr).toBe(0);
  dryReport = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  migrated = run(process.execPath, [cli, "migrate", "packages"]);
}, 180_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(reportDir, { recursive: true, force: true });
});

describe("a monorepo migrated from its root with no flags", () => {
  it("reads the ESLint config and both tsconfigs, and says so", () => {
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stderr).toMatch(/rule options and settings from the ESLint \d+\.\d+\.\d+ configuration/);
    expect(migrated.stderr).toContain("type information from 2 tsconfigs");
    expect(migrated.stderr).toMatch(/Prettier \d+\.\d+\.\d+ formatted \d+ changed files/);
    expect(migrated.stderr).toMatch(/stable-schema migrate — \d+\.\ds, [\d.]+ files\/s/);
  });

  it("the rule and the CLI agree on every file: each reported closure is a migrated site, files the config exempts are skipped", () => {
    const rule = "stable-schema/no-inline-predicate";
    const reported = [...before].filter(([, counts]) => (counts.get(rule) ?? 0) > 0);
    expect(reported.length).toBeGreaterThanOrEqual(5);
    for (const file of dryReport.files) {
      const expected = before.get(file.path)?.get(rule) ?? 0;
      expect({ file: file.path, sites: file.sites.length }).toEqual({ file: file.path, sites: expected });
      expect(file.sites.every((site) => site.action !== "left")).toBe(true);
    }
    const skippedByConfig = dryReport.files.filter((f) => f.skipReason === "rule-off").map((f) => f.path);
    expect(skippedByConfig.sort()).toEqual(["packages/api/src/handlers/users.test.ts", "packages/ui/src/components/SignupForm.test.tsx"]);
    // Only type information finds `User.refine(…)` on a schema imported from another module, and the
    // `~/zod` re-export module is found through the settings.
    expect(dryReport.files.find((f) => f.path === "packages/api/src/handlers/roles.ts")?.sites).toHaveLength(1);
    expect(dryReport.files.find((f) => f.path === "packages/api/src/factories.ts")?.sites).toHaveLength(1);
  });

  it("leaves no reports of the rules, type-checks, and passes Prettier's check", async () => {
    const after = await lint();
    for (const [file, counts] of after) {
      expect({ file, counts: Object.fromEntries(counts) }).toEqual({ file, counts: {} });
    }
    const tsc = run(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-b"]);
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
    const check = prettier("--check", "packages");
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("runs on its own output and changes nothing", () => {
    execFileSync("git", ["add", "-A"], { cwd: root, env: gitEnv });
    execFileSync("git", ["commit", "-qm", "migrated"], { cwd: root, env: gitEnv });
    const again = run(process.execPath, [cli, "migrate", "packages"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/changed\s+0\n/);
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" })).toBe("");
  });
});
