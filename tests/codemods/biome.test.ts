// The migration in a project that formats with Biome (issue 11): the project's own Biome formats the
// changed files that were clean for it before, and only those; without it the output keeps the file's
// style traits (tabs, single quotes, no semicolons). Real Biome: @biomejs/biome 2.6.8 through its native
// binary, and 2.5.14 (`biome25`) with the JS API of the same version (@biomejs/js-api + wasm-nodejs).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stripJsonComments } from "../../codemods/lib/biome.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");
const nm = path.join(repoRoot, "node_modules");
const temp = mkdtempSync(path.join(os.tmpdir(), "stable-schema-biome-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const BIOME_CONFIG = {
  formatter: { indentStyle: "tab", lineWidth: 80 },
  javascript: { formatter: { quoteStyle: "single", semicolons: "asNeeded" } },
};

/** Clean for `biome check`: formatted, imports sorted. */
const CLEAN = `import { z } from 'zod'

export function handle(input: unknown, min: number) {
	const name = z.string().refine((s) => s.length > min)
	const code = z.string().transform((v) => v.trim())
	return [name.parse(input), code.parse(input)]
}
`;

/** Formatted, but its imports are not sorted: clean for `biome format`, not for `biome check`. */
const UNSORTED = `import { helper } from './helper'
import { z } from 'zod'

export function check(input: unknown, limit: number) {
	const schema = z.number().refine((n) => n < limit && helper(n))
	return schema.parse(input)
}
`;

/** Not formatted the Biome way (double quotes, semicolons): left as the codemod writes it. */
const DIRTY = `import { z } from "zod";

export function parse(input: unknown, prefix: string) {
	const schema = z.string().refine((s) => s.startsWith(prefix));
	return schema.parse(input);
}
`;

const HELPER = `export function helper(n: number): boolean {
	return n > 0
}
`;

interface Project {
  root: string;
  biome: (...args: string[]) => { code: number | null; out: string };
}

/** A project in `name` with the given Biome installed as @biomejs/biome (or none). */
function project(name: string, options: { biome?: string; jsApi?: boolean; config?: object } = {}): Project {
  const root = path.join(temp, name);
  mkdirSync(path.join(root, "src"), { recursive: true });
  mkdirSync(path.join(root, "node_modules/@biomejs"), { recursive: true });
  writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "biome-app", type: "module" }));
  writeFileSync(path.join(root, "biome.json"), `${JSON.stringify(options.config ?? BIOME_CONFIG, null, 2)}\n`);
  symlinkSync(path.join(nm, "zod"), path.join(root, "node_modules/zod"), "dir");
  symlinkSync(path.join(repoRoot, "lib/runtime"), path.join(root, "node_modules/stable-schema"), "dir");
  if (options.biome) symlinkSync(path.join(nm, options.biome), path.join(root, "node_modules/@biomejs/biome"), "dir");
  if (options.jsApi) {
    for (const pkg of ["js-api", "wasm-nodejs"]) symlinkSync(path.join(nm, "@biomejs", pkg), path.join(root, "node_modules/@biomejs", pkg), "dir");
  }
  for (const [file, text] of Object.entries({ "clean.ts": CLEAN, "unsorted.ts": UNSORTED, "dirty.ts": DIRTY, "helper.ts": HELPER })) {
    writeFileSync(path.join(root, "src", file), text);
  }
  // Biome's own script (bin/biome), as a project runs it.
  const bin = path.join(nm, options.biome ?? "@biomejs/biome", "bin/biome");
  const biome = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };
  return { root, biome };
}

function migrate(root: string, ...extra: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env["FORCE_COLOR"];
  const r = spawnSync(process.execPath, [cli, "migrate", "--no-eslint-config", "--no-project", ...extra, "src"], { cwd: root, env, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

const read = (root: string, file: string) => readFileSync(path.join(root, "src", file), "utf8");

/** The codemod's own output for the same tree, without any formatter. */
let plain: Project;
let plainSummary: string;

beforeAll(() => {
  plain = project("plain", { biome: "@biomejs/biome" });
  plainSummary = migrate(plain.root, "--no-format");
});

describe("a project with @biomejs/biome (native binary)", () => {
  let app: Project;
  let summary: string;
  beforeAll(() => {
    // The JS API is installed too, but its wasm is 2.5.14 and the project's Biome 2.6.8: the binary runs.
    app = project("app", { biome: "@biomejs/biome", jsApi: true });
    expect(app.biome("--version").out).toContain("2.6.8");
    // The fixture is what Biome wrote: clean and unsorted pass `biome format`, clean passes `biome check`.
    expect(app.biome("format", "src/clean.ts", "src/unsorted.ts", "src/helper.ts").code).toBe(0);
    expect(app.biome("check", "src/clean.ts").code).toBe(0);
    expect(app.biome("check", "src/unsorted.ts").code).not.toBe(0);
    expect(app.biome("format", "src/dirty.ts").code).not.toBe(0);
    summary = migrate(app.root);
  });

  it("changes the candidate files (the planner did its part)", () => {
    for (const [file, before] of [["clean.ts", CLEAN], ["unsorted.ts", UNSORTED], ["dirty.ts", DIRTY]] as const) {
      expect(read(plain.root, file)).not.toBe(before);
      expect(read(app.root, file)).toContain("withKey(");
    }
  });

  it("a file clean for `biome check` before passes it after (imports sorted, lines wrapped)", () => {
    // Without Biome the codemod's text does not pass: the import is not sorted in, a line is too long.
    expect(plain.biome("check", "src/clean.ts").code).not.toBe(0);
    const result = app.biome("check", "src/clean.ts");
    expect(result.code, result.out).toBe(0);
    expect(read(app.root, "clean.ts")).toMatch(/^import \{ withKey \} from 'stable-schema'\nimport \{ z \} from 'zod'\n/);
  });

  it("a file only format-clean before passes `biome format` after; its import order is left alone", () => {
    expect(plain.biome("format", "src/unsorted.ts").code).not.toBe(0);
    const result = app.biome("format", "src/unsorted.ts");
    expect(result.code, result.out).toBe(0);
    expect(read(app.root, "unsorted.ts").indexOf("from './helper'")).toBeLessThan(read(app.root, "unsorted.ts").indexOf("from 'zod'"));
  });

  it("a file that failed before is left exactly as the codemod wrote it", () => {
    expect(read(app.root, "dirty.ts")).toBe(read(plain.root, "dirty.ts"));
    expect(read(app.root, "dirty.ts")).not.toBe(DIRTY);
  });

  it("says which Biome formatted how many files", () => {
    expect(summary).toContain("Biome 2.6.8 formatted 2 changed files (the ones that were formatted before)");
    expect(summary).not.toContain("JS API");
    expect(plainSummary).not.toContain("Biome");
  });

  it("runs on its own output and changes nothing", () => {
    const again = migrate(app.root);
    expect(again).toMatch(/changed\s+0/);
  });
});

describe("without the formatter, the output already keeps the file's style", () => {
  it("tabs, single quotes, no semicolons (a Biome-style file)", () => {
    const output = read(plain.root, "clean.ts");
    expect(output.startsWith("import { withKey } from 'stable-schema'\n") || output.includes("\nimport { withKey } from 'stable-schema'\n")).toBe(true);
    expect(output).not.toMatch(/"/);
    expect(output).not.toMatch(/;\s*$/m);
    expect(output).not.toMatch(/^ +\S/m);
    // Biome only re-wraps lines (adding trailing commas) and sorts the import in: quotes, semicolons
    // and every other character are already as it writes them.
    const formatted = spawnSync(
      process.execPath,
      [path.join(nm, "@biomejs/biome/bin/biome"), "check", "--write", "--linter-enabled=false", "--stdin-file-path=src/clean.ts"],
      { cwd: plain.root, input: output, encoding: "utf8" },
    ).stdout;
    const characters = (text: string) => [...text.replace(/[\s,]/g, "")].sort().join("");
    expect(formatted).not.toBe(output);
    expect(characters(formatted)).toBe(characters(output));
  });

  it("the file with double quotes and semicolons keeps them", () => {
    const output = read(plain.root, "dirty.ts");
    expect(output).toContain('import { withKey } from "stable-schema";\n');
    expect(output).not.toContain("'");
  });
});

describe("a Biome configuration without @biomejs/biome installed", () => {
  it("leaves the files as the codemod writes them and says so in one line", () => {
    const bare = project("bare");
    const summary = migrate(bare.root);
    for (const file of ["clean.ts", "unsorted.ts", "dirty.ts"]) expect(read(bare.root, file)).toBe(read(plain.root, file));
    const lines = summary.split("\n").filter((line) => line.includes("Biome"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("not formatted with Biome: . has a Biome configuration but no @biomejs/biome installed");
  });
});

describe("the JS API, where it gives what the binary gives", () => {
  it("with @biomejs/js-api of the project's Biome version, formats in-process", () => {
    const wasm = JSON.parse(readFileSync(path.join(nm, "@biomejs/wasm-nodejs/package.json"), "utf8")) as { version: string };
    const cli25 = JSON.parse(readFileSync(path.join(nm, "biome25/package.json"), "utf8")) as { version: string };
    // devDependencies: biome25 and @biomejs/wasm-nodejs are pinned to one version (keep them together).
    expect(wasm.version).toBe(cli25.version);
    const app = project("js-api", { biome: "biome25", jsApi: true });
    const summary = migrate(app.root);
    expect(summary).toContain(`Biome ${cli25.version} (JS API) formatted 2 changed files`);
    const check = app.biome("check", "src/clean.ts");
    expect(check.code, check.out).toBe(0);
    expect(app.biome("format", "src/unsorted.ts").code).toBe(0);
    expect(read(app.root, "dirty.ts")).toBe(read(plain.root, "dirty.ts"));
  });

  it("a configuration with overrides runs the binary, which applies them", () => {
    const config = { ...BIOME_CONFIG, overrides: [{ includes: ["src/unsorted.ts"], formatter: { lineWidth: 120 } }] };
    const app = project("js-api-overrides", { biome: "biome25", jsApi: true, config });
    // With its own override the unsorted file is still format-clean (a wider line width changes nothing).
    expect(app.biome("format", "src/unsorted.ts").code).toBe(0);
    const summary = migrate(app.root);
    expect(summary).toMatch(/Biome 2\.5\.14 formatted 2 changed files/);
    expect(summary).not.toContain("JS API");
    // Formatted with the overridden width: the refine call stays on one line (it is over 80 columns).
    expect(read(app.root, "unsorted.ts")).toMatch(/^\tconst schema = z\.number\(\)\.refine\(withKey\(.{40,}$/m);
    expect(app.biome("format", "src/unsorted.ts").code).toBe(0);
    expect(app.biome("check", "src/clean.ts").code).toBe(0);
  });
});

describe("nested configurations", () => {
  it("a package's own biome.json (root: false) decides for its files", () => {
    const app = project("nested", { biome: "@biomejs/biome" });
    mkdirSync(path.join(app.root, "src/pkg"), { recursive: true });
    writeFileSync(path.join(app.root, "src/pkg/biome.json"), JSON.stringify({ root: false, extends: "//", javascript: { formatter: { quoteStyle: "double", semicolons: "always" } } }));
    const text = `import { z } from "zod";\n\nexport function f(input: unknown, n: number) {\n\tconst schema = z.number().refine((v) => v > n);\n\treturn schema.parse(input);\n}\n`;
    writeFileSync(path.join(app.root, "src/pkg/f.ts"), text);
    expect(app.biome("check", "src/pkg/f.ts").code).toBe(0);
    migrate(app.root);
    const result = app.biome("check", "src/pkg/f.ts");
    expect(result.code, result.out).toBe(0);
    expect(read(app.root, "pkg/f.ts")).toContain('import { withKey } from "stable-schema";');
  });
});

it("stripJsonComments keeps strings and removes comments and trailing commas", () => {
  const text = `{\n  // a comment\n  "a": "// not a comment", /* block */ "b": [1, 2,],\n  "c": "\\"/*x*/\\"",\n}`;
  expect(JSON.parse(stripJsonComments(text))).toEqual({ a: "// not a comment", b: [1, 2], c: '"/*x*/"' });
});
