// Programs of the CLI's typed runs (codemods/lib/project.ts, codemods/lib/typed-run.ts), on the monorepo
// fixture (bench/monorepo-fixture.mjs: two tsconfigs under project references, a duplicated dependency):
//   - the lockstep gives every file exactly what the per-file migration gives (processFile on the
//     tsconfig's program, rebuilt for each new text), with one program per pass level, one at a time;
//   - the declaration files of installed packages and TypeScript's libs are parsed once for both
//     tsconfigs, and only shared between programs whose options parse them alike.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { runInNewContext } from "node:vm";
import v8 from "node:v8";
import type * as ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeMonorepo } from "../../bench/monorepo-fixture.mjs";
import { type FileResult, processFile, type ProcessOptions } from "../../codemods/lib/process.js";
import { createProject, DeclarationCache, groupByTsconfig, programContains, TsconfigIndex } from "../../codemods/lib/project.js";
import { runTyped } from "../../codemods/lib/typed-run.js";

const typescript = createRequire(import.meta.url)("typescript") as typeof ts;
v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const root = mkdtempSync(path.join(os.tmpdir(), "stable-schema-project-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const options: ProcessOptions = {
  withKeyImport: { module: "stable-schema", name: "withKey" },
  modules: { "~/zod": "zod" },
};
const index = new TsconfigIndex(typescript);
let groups: { tsconfig: string; files: readonly string[] }[];

beforeAll(() => {
  writeMonorepo(root, { copies: 3 });
  const files = ["ui/src/components", "api/src/handlers"].flatMap((dir) =>
    ["SignupForm", "ProfileCard", "users", "roles"].flatMap((name) =>
      ["", "2", "3"].map((n) => path.join(root, "packages", dir, `${name}${n}.${dir.startsWith("ui") ? "tsx" : "ts"}`)),
    ),
  );
  groups = groupByTsconfig(files.filter((f) => (f.includes("/ui/") ? /SignupForm|ProfileCard/ : /users|roles/).test(f)), index).map((group) => ({
    tsconfig: group.tsconfig!,
    files: group.files,
  }));
  expect(groups.map((g) => path.relative(root, g.tsconfig))).toEqual(["packages/ui/tsconfig.json", "packages/api/tsconfig.json"]);
});

const comparable = (result: FileResult) => ({ path: result.path, status: result.status, output: result.output, sites: result.sites, error: result.error });

describe("the lockstep", () => {
  it("gives every file what the per-file migration gives", async () => {
    for (const group of groups) {
      const config = index.config(group.tsconfig)!;
      const program = createProject(typescript, config);
      const programs = [program];
      const perFile = new Map<string, FileResult>();
      for (const file of group.files) {
        perFile.set(file, await processFile(file, options, (f) => (programContains(program, f) ? programs : undefined)));
      }
      const lockstep = new Map<string, FileResult>();
      await runTyped(group.files, () => createProject(typescript, config), { optionsFor: () => options, onResult: (r) => void lockstep.set(r.path, r) });
      expect([...lockstep.keys()].sort()).toEqual([...perFile.keys()].sort());
      for (const [file, result] of perFile) expect(comparable(lockstep.get(file)!), file).toEqual(comparable(result));
      // Types were used: imported schemas (traced by type only) are migrated, closures hoisted with annotations.
      expect([...perFile.values()].some((r) => r.sites.some((s) => s.action === "hoisted"))).toBe(true);
      expect([...perFile.values()].every((r) => r.status === "changed")).toBe(true);
    }
  });

  it("holds one program at a time: each is collectable once the next pass runs on its successor", async () => {
    const group = groups[1]!;
    const config = index.config(group.tsconfig)!;
    let first: WeakRef<ts.Program> | undefined;
    const seen: boolean[] = [];
    await runTyped(
      group.files,
      () => {
        const program = createProject(typescript, config);
        first = new WeakRef(program);
        return program;
      },
      {
        optionsFor: () => options,
        onResult: async () => {
          // A WeakRef target stays alive until the current job ends.
          await new Promise((resolve) => setTimeout(resolve, 0));
          gc();
          seen.push(first!.deref() !== undefined);
        },
      },
    );
    // Every file here takes more than one pass, so its result comes from a later program: by then
    // the first one must be gone (it was kept alive through the new program's compiler host, and
    // through stale registers of suspended generator frames, before both were fixed).
    expect(seen.length).toBe(group.files.length);
    expect(seen.every((alive) => !alive)).toBe(true);
  });

  it("a file whose migration fails goes back to its text for the others, and fails alone", async () => {
    const group = groups[0]!;
    const config = index.config(group.tsconfig)!;
    const broken = group.files[0]!;
    const results: FileResult[] = [];
    const brokenOptions: ProcessOptions = { ...options, withKeyImport: { module: "stable-schema", name: "with key" } };
    await runTyped(group.files, () => createProject(typescript, config), {
      optionsFor: (file) => (file === broken ? brokenOptions : options),
      onResult: (r) => void results.push(r),
    });
    expect(results.find((r) => r.path === broken)?.status).toBe("failed");
    expect(results.filter((r) => r.path !== broken).every((r) => r.status === "changed")).toBe(true);
  });
});

describe("declaration files shared between tsconfigs", () => {
  const sourceFileSet = (program: ts.Program) => new Set(program.getSourceFiles());

  it("parses installed packages' and TypeScript's declarations once, and type-checks both programs", () => {
    const cache = new DeclarationCache(typescript);
    const [ui, api] = groups.map((group) => createProject(typescript, index.config(group.tsconfig)!, cache)) as [ts.Program, ts.Program];
    const uiFiles = sourceFileSet(ui);
    const shared = api.getSourceFiles().filter((file) => uiFiles.has(file));
    const names = shared.map((file) => file.fileName);
    expect(names.some((name) => /\/typescript\/lib\/lib\.es5\.d\.ts$/.test(name))).toBe(true);
    expect(names.some((name) => name.includes("/node_modules/zod/"))).toBe(true);
    // Never the project's own sources (the migration rewrites them), even the ones both programs read.
    expect(names.filter((name) => name.includes("/packages/"))).toEqual([]);
    expect(api.getSourceFiles().some((file) => file.fileName.includes("/packages/ui/src/"))).toBe(true);
    for (const program of [ui, api]) expect(typescript.getPreEmitDiagnostics(program).map((d) => typescript.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  it("does not share between programs that parse differently (another target)", () => {
    const cache = new DeclarationCache(typescript);
    const ui = createProject(typescript, index.config(groups[0]!.tsconfig)!, cache);
    const other = path.join(root, "packages/api/tsconfig.es5.json");
    writeFileSync(other, JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { target: "ES2015" } }));
    const es2015 = createProject(typescript, index.config(other)!, cache);
    const uiFiles = sourceFileSet(ui);
    expect(es2015.getSourceFiles().filter((file) => uiFiles.has(file))).toEqual([]);
  });
});
