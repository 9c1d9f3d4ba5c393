// End-to-end tests of the built CLI (`node dist/codemods/cli.js`) on real files in temp directories,
// with real git. `npm test` builds first.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { processFile, processSource } from "../../codemods/lib/process.js";
import { buildReport, computeTotals, formatDiff, formatSummary, type Report } from "../../codemods/lib/report.js";
import { writeResult } from "../../codemods/lib/write.js";
import { formatBar } from "../../codemods/lib/progress.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");

const ZOD_FILE = `import { z } from "zod";\nexport const Positive = z.number().refine((n) => n > 0);\n`;
const ZOD_CAPTURING = `import { z } from "zod";\nexport function f(min: number) { return z.number().refine((n) => n > min).parse(1); }\n`;
const PLAIN_FILE = `export const answer = 42;\n`;
const BROKEN_FILE = `import { z } from "zod";\nexport const s = z.number(.refine((n) => n > 0);\n`;

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stable-schema-cli-"));
  tempDirs.push(dir);
  return dir;
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8" });
}

function gitRepo(files: Record<string, string>): string {
  const dir = tempDir();
  writeTree(dir, files);
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "init");
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(cwd: string, ...args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["FORCE_COLOR"];
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readReport(file: string): Report {
  return JSON.parse(readFileSync(file, "utf8")) as Report;
}

describe("usage", () => {
  it("prints help with every option and exits 0", () => {
    const r = runCli(repoRoot, "--help");
    expect(r.code, r.stderr).toBe(0);
    for (const option of ["--dry", "--report", "--project", "--with-key-import", "--modules", "--extensions", "--jobs", "--force"]) {
      expect(r.stdout).toContain(option);
    }
  });

  it("prints the package version", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(runCli(repoRoot, "--version").stdout.trim()).toBe(pkg.version);
  });

  it.each([
    [["migrate"], "migrate needs at least one file or directory"],
    [[], "missing command"],
    [["transmogrify", "src"], "unknown command: transmogrify"],
    [["migrate", "--frobnicate", "src"], "--frobnicate"],
    [["migrate", "--jobs", "0", "src"], "--jobs expects a positive integer"],
    [["migrate", "--with-key-import", "stable-schema", "src"], "--with-key-import expects <module>#<name>"],
    [["migrate", "--with-key-import", "stable-schema#with-key", "src"], "not a valid JavaScript identifier"],
    [["migrate", "--modules", "{oops", "src"], "--modules: invalid JSON"],
    [["migrate", "--modules", "~/schema", "src"], "--modules: expected module=library"],
  ])("usage error %j exits 2 with a clear message", (args, message) => {
    const r = runCli(repoRoot, ...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("a missing path exits 2 naming it", () => {
    const dir = tempDir();
    const r = runCli(dir, "migrate", "does-not-exist");
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("stable-schema: no such file or directory: does-not-exist");
  });
});

describe("git tree check", () => {
  it("refuses to write to a tree with uncommitted changes and touches nothing", () => {
    const dir = gitRepo({ "src/a.ts": ZOD_FILE, "src/b.ts": PLAIN_FILE });
    writeFileSync(path.join(dir, "src/b.ts"), `${PLAIN_FILE}// edited\n`);
    const r = runCli(dir, "migrate", "--report", "report.json", "src");
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("uncommitted changes");
    expect(r.stderr).toContain("src/b.ts");
    expect(r.stderr).toContain("--force");
    expect(() => statSync(path.join(dir, "report.json"))).toThrow(); // it stopped before doing anything
  });

  it("counts untracked files as uncommitted", () => {
    const dir = gitRepo({ "src/a.ts": ZOD_FILE });
    writeFileSync(path.join(dir, "src/new.ts"), PLAIN_FILE);
    const r = runCli(dir, "migrate", "src");
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("src/new.ts");
  });

  it("only looks at the target paths", () => {
    const dir = gitRepo({ "src/a.ts": ZOD_FILE, "other/b.ts": PLAIN_FILE });
    writeFileSync(path.join(dir, "other/b.ts"), `${PLAIN_FILE}// edited\n`);
    expect(runCli(dir, "migrate", "src").code).toBe(0);
  });

  it("does not count its own --report file, left by an earlier run, as a change", () => {
    const dir = gitRepo({ "a.ts": ZOD_FILE });
    expect(runCli(dir, "migrate", "--dry", "--report", "report.json", ".").code).toBe(0);
    expect(runCli(dir, "migrate", "--report", "report.json", ".").code).toBe(0);
    const other = runCli(dir, "migrate", "--report", "other.json", ".");
    expect(other.code, other.stderr).toBe(2);
    expect(other.stderr).toContain("report.json");
  });

  it("runs on a dirty tree with --force", () => {
    const dir = gitRepo({ "src/a.ts": ZOD_FILE, "src/b.ts": PLAIN_FILE });
    writeFileSync(path.join(dir, "src/b.ts"), `${PLAIN_FILE}// edited\n`);
    const r = runCli(dir, "migrate", "--force", "src");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("files scanned");
  });

  it("does not refuse a dry run", () => {
    const dir = gitRepo({ "src/a.ts": ZOD_FILE });
    writeFileSync(path.join(dir, "src/a.ts"), `${ZOD_FILE}// edited\n`);
    const r = runCli(dir, "migrate", "--dry", "src");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("uncommitted");
  });

  it("proceeds outside a git repository and says so", () => {
    const dir = tempDir();
    writeTree(dir, { "a.ts": ZOD_FILE });
    const r = runCli(dir, "migrate", ".");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("not in a git repository");
  });
});

describe("files", () => {
  it("reports a file that does not parse with file:line, leaves it untouched, processes the others, exits 1", () => {
    const dir = gitRepo({ "src/bad.ts": BROKEN_FILE, "src/good.ts": ZOD_FILE, "src/plain.ts": PLAIN_FILE });
    const r = runCli(dir, "migrate", "--report", "report.json", "src");
    expect(r.code, r.stderr).toBe(1);
    // line 2, column 27 (1-based): the `.` after `z.number(`
    expect(r.stderr).toContain("src/bad.ts:2:27: Argument expression expected.");
    expect(readFileSync(path.join(dir, "src/bad.ts"), "utf8")).toBe(BROKEN_FILE);
    const report = readReport(path.join(dir, "report.json"));
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ["src/bad.ts", "failed"],
      ["src/good.ts", expect.stringMatching(/^(changed|unchanged|skipped)$/)],
      ["src/plain.ts", "skipped"],
    ]);
    expect(report.files[0]?.error).toEqual({ message: "Argument expression expected.", line: 2, column: 26 });
    expect(report.totals.files.failed).toBe(1);
  });

  it("skips node_modules and .gitignore'd files (root and nested .gitignore), but takes files named explicitly", () => {
    const dir = gitRepo({
      ".gitignore": "generated/\n*.gen.ts\n",
      "src/a.ts": ZOD_FILE,
      "src/a.gen.ts": BROKEN_FILE,
      "src/generated/x.ts": BROKEN_FILE,
      "src/node_modules/lib/index.ts": BROKEN_FILE,
      "node_modules/zod-thing/index.ts": BROKEN_FILE,
      "src/nested/.gitignore": "local.ts\n!keep.gen.ts\n",
      "src/nested/local.ts": BROKEN_FILE,
      "src/nested/keep.gen.ts": ZOD_FILE,
      "src/nested/other.ts": PLAIN_FILE,
      "src/readme.md": "# not code\n",
    });
    const r = runCli(dir, "migrate", "--report", "report.json", ".");
    expect(r.code, r.stderr).toBe(0);
    const paths = readReport(path.join(dir, "report.json")).files.map((f) => f.path);
    expect(paths).toEqual(["src/a.ts", "src/nested/keep.gen.ts", "src/nested/other.ts"]);

    // Walking a subdirectory still honours the root .gitignore.
    const sub = runCli(dir, "migrate", "--report", "sub.json", "src/nested");
    expect(readReport(path.join(dir, "sub.json")).files.map((f) => f.path)).toEqual([
      "src/nested/keep.gen.ts",
      "src/nested/other.ts",
    ]);
    expect(sub.code, sub.stderr).toBe(0);

    // An ignored file named on the command line is processed (and here fails to parse).
    const explicit = runCli(dir, "migrate", "--force", "src/a.gen.ts");
    expect(explicit.code, explicit.stderr).toBe(1);
    expect(explicit.stderr).toContain("src/a.gen.ts:2:27");
  });

  it("picks extensions with --extensions", () => {
    const dir = gitRepo({ "a.ts": ZOD_FILE, "b.js": ZOD_FILE, "c.mjs": ZOD_FILE, "d.json": "{}" });
    const out = tempDir();
    runCli(dir, "migrate", "--report", path.join(out, "default.json"), ".");
    expect(readReport(path.join(out, "default.json")).files.map((f) => f.path)).toEqual(["a.ts", "b.js", "c.mjs"]);
    runCli(dir, "migrate", "--extensions", ".ts,mjs", "--report", path.join(out, "some.json"), ".");
    expect(readReport(path.join(out, "some.json")).files.map((f) => f.path)).toEqual(["a.ts", "c.mjs"]);
  });

  it("counts files without a schema import as skipped by the prefilter", () => {
    const dir = gitRepo({
      "a.ts": ZOD_FILE,
      "b.ts": PLAIN_FILE,
      "c.ts": `import * as v from "valibot";\nexport const S = v.string();\n`,
      "d.ts": `const name = "zodiac";\nexport default name;\n`,
      "e.ts": `import { local } from "~/schema";\nexport const S = local.string();\n`,
    });
    const out = tempDir();
    const first = runCli(dir, "migrate", "--report", path.join(out, "report.json"), ".");
    expect(first.code, first.stderr).toBe(0);
    const report = readReport(path.join(out, "report.json"));
    const prefiltered = report.files.filter((f) => f.skipReason === "prefilter").map((f) => f.path);
    expect(prefiltered).toEqual(["b.ts", "d.ts", "e.ts"]);
    expect(report.totals.files.skipped).toBeGreaterThanOrEqual(3);

    // A module mapped with --modules gets past the prefilter.
    runCli(dir, "migrate", "--modules", "~/schema=zod", "--report", path.join(out, "mapped.json"), ".");
    const mapped = readReport(path.join(out, "mapped.json"));
    expect(mapped.files.filter((f) => f.skipReason === "prefilter").map((f) => f.path)).toEqual(["b.ts", "d.ts"]);
  });

  it("writes a report with totals and one entry per file, sorted by path", () => {
    const dir = gitRepo({ "z.ts": PLAIN_FILE, "a/b.ts": ZOD_FILE, "a/bad.ts": BROKEN_FILE });
    runCli(dir, "migrate", "--dry", "--report", "out/report.json", ".");
    const report = readReport(path.join(dir, "out/report.json"));
    expect(report.version).toBe(1);
    expect(report.dryRun).toBe(true);
    expect(Object.keys(report.totals)).toEqual(["files", "sites", "leftReasons", "hoistableWithTypes"]);
    expect(Object.keys(report.totals.files)).toEqual(["scanned", "changed", "unchanged", "skipped", "failed"]);
    expect(Object.keys(report.totals.sites)).toEqual(["hoisted", "wrapped", "left"]);
    expect(report.totals.files.scanned).toBe(3);
    expect(report.files.map((f) => f.path)).toEqual(["a/b.ts", "a/bad.ts", "z.ts"]);
    for (const file of report.files) {
      expect(["changed", "unchanged", "skipped", "failed"]).toContain(file.status);
      expect(Array.isArray(file.sites)).toBe(true);
      expect(file).not.toHaveProperty("source");
      expect(file).not.toHaveProperty("output");
    }
    const { files } = report.totals;
    expect(files.changed + files.unchanged + files.skipped + files.failed).toBe(files.scanned);
  });

  it("--jobs 2 and --jobs 1 produce identical reports", () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
      tree[`src/m${String(i).padStart(2, "0")}.ts`] = [ZOD_FILE, PLAIN_FILE, BROKEN_FILE, ZOD_CAPTURING][i % 4] as string;
    }
    const dir = gitRepo(tree);
    const one = runCli(dir, "migrate", "--dry", "--jobs", "1", "--report", "one.json", "src");
    const two = runCli(dir, "migrate", "--dry", "--jobs", "2", "--report", "two.json", "src");
    expect(one.code, one.stderr).toBe(1);
    expect(two.code, two.stderr).toBe(1);
    expect(readFileSync(path.join(dir, "two.json"), "utf8")).toBe(readFileSync(path.join(dir, "one.json"), "utf8"));
    expect(two.stdout).toBe(one.stdout); // the --dry diffs come out in path order too
    expect(readReport(path.join(dir, "one.json")).totals.files.failed).toBe(3);
  });

  it("--dry writes nothing", () => {
    const dir = gitRepo({ "a.ts": ZOD_CAPTURING, "b.ts": BROKEN_FILE });
    const before = statSync(path.join(dir, "a.ts")).mtimeMs;
    runCli(dir, "migrate", "--dry", ".");
    expect(readFileSync(path.join(dir, "a.ts"), "utf8")).toBe(ZOD_CAPTURING);
    expect(statSync(path.join(dir, "a.ts")).mtimeMs).toBe(before);
    expect(git(dir, "status", "--porcelain")).toBe("");
  });

  it(
    "--dry prints a unified diff for a capturing zod closure",
    () => {
      const dir = gitRepo({ "src/f.ts": ZOD_CAPTURING });
      const r = runCli(dir, "migrate", "--dry", "src");
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("--- a/src/f.ts");
      expect(r.stdout).toContain("+++ b/src/f.ts");
      expect(r.stdout).toMatch(/^\+.*withKey/m);
      expect(readFileSync(path.join(dir, "src/f.ts"), "utf8")).toBe(ZOD_CAPTURING);
    },
  );

  it("says when the withKey it wrote cannot resolve the runtime, and is silent once it can", () => {
    const dir = gitRepo({ "src/f.ts": ZOD_CAPTURING, "package.json": '{ "name": "app", "private": true }\n' });
    const r = runCli(dir, "migrate", "src");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: the migrated code imports withKey from "stable-schema", which does not resolve from src: add the runtime as a dependency \(npm i stable-schema\)/);
    // Installed (a package directory the resolver finds): no note.
    const again = gitRepo({ "src/f.ts": ZOD_CAPTURING, "node_modules/stable-schema/package.json": '{ "name": "stable-schema", "main": "index.js" }\n', "node_modules/stable-schema/index.js": "" });
    const r2 = runCli(again, "migrate", "--force", "src");
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/wrapped in withKey\s+1/);
    expect(r2.stderr).not.toMatch(/note: the migrated code imports withKey/);
  });

  it("writes migrated files in place, keeping BOM, CRLF and the file mode", () => {
    const crlf = `\uFEFF${ZOD_CAPTURING.replaceAll("\n", "\r\n")}`;
    const dir = gitRepo({ "src/f.ts": crlf, "src/plain.ts": PLAIN_FILE });
    chmodSync(path.join(dir, "src/f.ts"), 0o640);
    const r = runCli(dir, "migrate", "--report", path.join(tempDir(), "r.json"), "src");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(""); // no diff without --dry
    const after = readFileSync(path.join(dir, "src/f.ts"), "utf8");
    expect(after).not.toBe(crlf);
    expect(after.startsWith("\uFEFFimport")).toBe(true);
    expect(after.replaceAll("\r\n", "")).not.toContain("\n");
    expect(statSync(path.join(dir, "src/f.ts")).mode & 0o777).toBe(0o640);
    expect(git(dir, "status", "--porcelain")).toBe(" M src/f.ts\n");
    expect(r.stderr).toMatch(/changed\s+1/);
  });

  it("--project loads the program and runs (in-process)", () => {
    const dir = gitRepo({
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", noEmit: true }, include: ["src"] }),
      "src/a.ts": ZOD_FILE,
      "outside.ts": ZOD_FILE,
    });
    const r = runCli(dir, "migrate", "--project", "tsconfig.json", "--jobs", "2", "--report", "r.json", "src", "outside.ts");
    expect(r.stderr).toContain("--project runs in-process");
    expect(r.code, r.stderr).toBe(0);
    expect(readReport(path.join(dir, "r.json")).totals.files.scanned).toBe(2);

    const missing = runCli(dir, "migrate", "--project", "nope.json", "src");
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain("cannot read nope.json");
  });
});

describe("helpers", () => {
  it("formatDiff prints a unified diff with a/ and b/ paths", () => {
    const before = `import { z } from "zod";\nconst a = 1;\nconst b = z.number().refine((n) => n > 0);\n`;
    const after = `import { z } from "zod";\nconst a = 1;\nconst isPositive = (n: number) => n > 0;\nconst b = z.number().refine(isPositive);\n`;
    const diff = formatDiff("src/x.ts", before, after);
    expect(diff).toBe(
      [
        "--- a/src/x.ts",
        "+++ b/src/x.ts",
        "@@ -1,3 +1,4 @@",
        ` import { z } from "zod";`,
        " const a = 1;",
        "-const b = z.number().refine((n) => n > 0);",
        "+const isPositive = (n: number) => n > 0;",
        "+const b = z.number().refine(isPositive);",
        "",
      ].join("\n"),
    );
    expect(formatDiff("src/x.ts", before, before)).toBe("");
  });

  it("formatDiff keeps CRLF line endings in the hunk lines", () => {
    const diff = formatDiff("x.ts", "a\r\nb\r\n", "a\r\nc\r\n");
    expect(diff).toContain("-b\r\n+c\r\n");
  });

  it("processFile reports an unreadable file as failed with the reason", async () => {
    const result = await processFile(path.join(tempDir(), "gone.ts"), { withKeyImport: { module: "m", name: "withKey" } });
    expect(result).toMatchObject({ status: "failed", error: { message: "cannot read file: ENOENT" } });
  });

  it("never hands back a migrated text that does not parse (a planner bug leaves the file alone)", () => {
    const source = ZOD_CAPTURING;
    const result = processSource("/x/f.ts", source, { withKeyImport: { module: "m", name: "withKey" } }, undefined, () => ({
      output: source.replace("(n) =>", "(n) => =>"),
      changed: true,
      sites: [{ line: 2, column: 58, api: ".refine()", action: "wrapped", name: "gt" }],
    }));
    expect(result.status).toBe("failed");
    expect(result.output).toBeUndefined();
    expect(result.error?.message).toMatch(/^stable-schema bug: the migrated text does not parse \(2:\d+: /);
  });

  it("writeResult writes exactly the output (BOM, CRLF) and keeps the file mode", async () => {
    const file = path.join(tempDir(), "script.ts");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o754);
    const output = "\uFEFFimport { z } from 'zod';\r\nconst a = 1;\r\n";
    const result = await writeResult({ path: file, status: "changed", sites: [], source: "old\n", output });
    expect(result.status).toBe("changed");
    expect(readFileSync(file)).toEqual(Buffer.from(output, "utf8"));
    expect(statSync(file).mode & 0o777).toBe(0o754);
  });

  it("writeResult turns a write error into a failure", async () => {
    const file = path.join(tempDir(), "missing-dir", "x.ts");
    const result = await writeResult({ path: file, status: "changed", sites: [], source: "a", output: "b" });
    expect(result.status).toBe("failed");
    expect(result.error?.message).toMatch(/^cannot write file: /);
  });

  it("totals count sites by action and rank the reasons sites were left", () => {
    const totals = computeTotals([
      {
        path: "/a.ts",
        status: "changed",
        sites: [
          { line: 1, column: 0, api: ".refine", action: "hoisted", name: "isPositive" },
          { line: 2, column: 0, api: ".refine", action: "wrapped", name: "gt" },
          { line: 4, column: 0, api: ".refine", action: "wrapped", name: "isValid", needsTypes: true, reason: "no types" },
          { line: 3, column: 0, api: ".refine", action: "left", reason: "it uses `this` of the enclosing function" },
        ],
      },
      {
        path: "/b.ts",
        status: "unchanged",
        sites: [
          { line: 1, column: 0, api: "v.check", action: "left", reason: "captures the generic type `T`" },
          { line: 2, column: 0, api: "v.check", action: "left", reason: "it uses `this` of the enclosing function" },
          { line: 3, column: 0, api: "v.check", action: "left", reason: "captures the generic type `U`" },
          { line: 4, column: 0, api: "v.check", action: "left", reason: "captures the generic type `U`" },
        ],
      },
      { path: "/c.ts", status: "skipped", skipReason: "prefilter", sites: [] },
      { path: "/d.ts", status: "failed", sites: [], error: { message: "x", line: 1, column: 0 } },
    ]);
    expect(totals).toEqual({
      files: { scanned: 4, changed: 1, unchanged: 1, skipped: 1, failed: 1 },
      sites: { hoisted: 1, wrapped: 2, left: 5 },
      leftReasons: [
        { reason: "captures the generic type `…`", count: 3 },
        // keywords stay readable when names are folded
        { reason: "it uses `this` of the enclosing function", count: 2 },
      ],
      hoistableWithTypes: 1,
    });
    const summary = formatSummary(totals);
    expect(summary).toMatch(/files scanned\s+4/);
    expect(summary).toMatch(/failed\s+1/);
    expect(summary).toMatch(/sites left\s+5/);
    expect(summary).toMatch(/3 {2}captures the generic type `…`\n {2}2 {2}it uses `this` of the enclosing function/);
    expect(summary).toMatch(/tip: 1 closure captures nothing but was wrapped .* run with --project/);
  });

  it("buildReport uses cwd-relative posix paths and sorts by path", () => {
    const report = buildReport(
      [
        { path: "/repo/src/z.ts", status: "skipped", skipReason: "prefilter", sites: [] },
        { path: "/repo/src/a.ts", status: "unchanged", sites: [] },
      ],
      { dryRun: false, cwd: "/repo" },
    );
    expect(report.files.map((f) => f.path)).toEqual(["src/a.ts", "src/z.ts"]);
  });

  it("the progress bar fits the terminal width and shows done/total, rate and the current file", () => {
    const line = formatBar(5, 10, 12.34, "src/very/long/path/to/some/file.ts", 60);
    expect(line.length).toBeLessThan(60);
    expect(line).toContain("5/10");
    expect(line).toContain("50%");
    expect(line).toContain("12.3 files/s");
    expect(line).toMatch(/….*file\.ts$/);
  });
});
