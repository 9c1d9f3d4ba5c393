// Importing `stable-schema` (the runtime) loads nothing but lru-cache and node: builtins.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const runtimeSrc = join(root, "lib/runtime");
const fixtures = join(here, "fixtures");
// Inside the package, so `lru-cache` resolves from the package's node_modules like it does from dist/.
const transpiled = join(here, `.tmp-isolation-${process.pid}`);

function transpileRuntime(): void {
  mkdirSync(transpiled, { recursive: true });
  for (const file of readdirSync(runtimeSrc).filter((f) => f.endsWith(".ts"))) {
    const { outputText } = ts.transpileModule(readFileSync(join(runtimeSrc, file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: file,
    });
    writeFileSync(join(transpiled, file.replace(/\.ts$/, ".js")), outputText);
  }
  writeFileSync(join(transpiled, "package.json"), '{ "type": "module" }\n');
}

/** Run node with the recording hooks; return every module URL it resolved or required. */
function loadedBy(targets: string[]): string[] {
  const record = join(tmpdir(), `stable-schema-isolation-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(record, "");
  try {
    execFileSync(process.execPath, ["--import", pathToFileURL(join(fixtures, "record-register.mjs")).href, join(fixtures, "record-entry.mjs"), ...targets], {
      env: { ...process.env, RECORD_FILE: record, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return [...new Set(readFileSync(record, "utf8").split("\n").filter(Boolean))];
  } finally {
    rmSync(record, { force: true });
  }
}

function foreign(urls: string[], runtimeDir: string): string[] {
  const allowed = [pathToFileURL(runtimeDir).href + "/", pathToFileURL(join(root, "node_modules/lru-cache")).href + "/", pathToFileURL(fixtures).href + "/"];
  return urls.filter((url) => !url.startsWith("node:") && !allowed.some((prefix) => url.startsWith(prefix)));
}

beforeAll(transpileRuntime);
afterAll(() => rmSync(transpiled, { recursive: true, force: true }));

describe("the runtime imports nothing but lru-cache", () => {
  it("loads only its own files, lru-cache and node: builtins (source, transpiled)", () => {
    const urls = loadedBy([join(transpiled, "index.js")]);
    expect(urls.some((u) => u.includes("/node_modules/lru-cache/"))).toBe(true);
    expect(urls).toContain(pathToFileURL(join(transpiled, "with-key.js")).href);
    expect(foreign(urls, transpiled)).toEqual([]);
  });

  it("the same holds for the built package's ESM and CommonJS entries (lib/runtime/dist)", () => {
    const dist = join(root, "lib/runtime/dist");
    // `npm test` builds first; a missing build is a failure here, not a skip.
    expect(existsSync(join(dist, "esm/index.js")), "run `npm run build` first").toBe(true);
    const esm = loadedBy([join(dist, "esm/index.js")]);
    expect(esm).toContain(pathToFileURL(join(dist, "esm/with-key.js")).href);
    expect(foreign(esm, dist)).toEqual([]);
    const cjs = loadedBy([`require:${join(dist, "cjs/index.js")}`]);
    expect(cjs).toContain(pathToFileURL(join(dist, "cjs/with-key.js")).href);
    expect(foreign(cjs, dist)).toEqual([]);
  });

  it("would notice typescript, eslint or jscodeshift (negative control)", () => {
    const urls = loadedBy([join(transpiled, "index.js"), "typescript", "require:eslint/use-at-your-own-risk", "require:jscodeshift"]);
    const offenders = foreign(urls, transpiled);
    expect(offenders.some((u) => u.includes("/node_modules/typescript/"))).toBe(true);
    expect(offenders.some((u) => u.includes("/node_modules/eslint/"))).toBe(true);
    expect(offenders.some((u) => u.includes("/node_modules/jscodeshift/"))).toBe(true);
  });

  it("its sources import only lru-cache and each other (no lib/analysis, lib/edits, rules, codemods)", () => {
    const all: string[] = [];
    for (const file of readdirSync(runtimeSrc).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(runtimeSrc, file), "utf8");
      const specifiers = [...source.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\s*\(\s*"([^"]+)"\s*\)|import\s+"([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^(lru-cache|\.\/[\w-]+\.js)$/);
      all.push(...specifiers.map(String));
    }
    expect(all).toContain("lru-cache");
    expect(all).toContain("./with-key.js");
  });
});
