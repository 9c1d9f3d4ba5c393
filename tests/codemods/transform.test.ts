// The jscodeshift transform (codemods/stable-predicates.js → dist/codemods/stable-predicates.js),
// its option parsing and the text prefilter. `npm test` builds first.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { API, FileInfo, Options } from "jscodeshift";
import { afterAll, describe, expect, it } from "vitest";
import type transformType from "../../codemods/stable-predicates.js";
import { parseModules, parseWithKeyImport } from "../../codemods/lib/options.js";
import { mightContainCandidates } from "../../codemods/lib/prefilter.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const jscodeshiftBin = path.join(repoRoot, "node_modules/jscodeshift/bin/jscodeshift.js");
const shim = path.join(repoRoot, "codemods/stable-predicates.js");
// Through the published shim, which loads the compiled transform from dist/ (`npm test` builds first).
const { default: transform } = (await import(shim)) as { default: typeof transformType };

const VALID = `'use client';\r\nimport { z } from "zod";\r\nexport const Positive = z.number().refine((n) => n > 0);\r\n`;
const BROKEN = `import { z } from "zod";\nexport const s = z.number(.refine((n) => n > 0);\n`;

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stable-schema-transform-"));
  tempDirs.push(dir);
  return dir;
}

function fakeApi(reports: string[]): API {
  const api: Pick<API, "report" | "stats"> = { report: (msg: string) => void reports.push(msg), stats: () => {} };
  // The transform must not touch api.jscodeshift / api.j (no recast): leave them out so a use throws.
  return api as API;
}

async function runTransform(file: FileInfo, options: Options = {}): Promise<{ out: string | undefined; reports: string[] }> {
  const reports: string[] = [];
  const out = await transform(file, fakeApi(reports), options);
  return { out, reports };
}

describe("transform (called directly)", () => {
  it("returns the source itself for a file it leaves alone, byte for byte (CRLF, directive), without recast", async () => {
    const { out, reports } = await runTransform({ path: "a.ts", source: VALID });
    // Until the planner lands this file is unchanged; afterwards it may change, but never loses CRLF.
    if (out === VALID) expect(out).toBe(VALID);
    else expect(out).toMatch(/^'use client';\r\n/);
    expect(reports).toEqual([]);
  });

  it("skips a file without schema imports (returns it unchanged)", async () => {
    const source = "export const a = 1;\n";
    expect((await runTransform({ path: "plain.ts", source })).out).toBe(source);
  });

  it("reports a file that does not parse with file:line:column and skips it instead of throwing", async () => {
    const { out, reports } = await runTransform({ path: "src/bad.ts", source: BROKEN });
    expect(out).toBeUndefined();
    expect(reports).toEqual(["src/bad.ts:2:27: Argument expression expected. (file left unchanged)"]);
  });

  it("reports a malformed --with-key-import instead of throwing", async () => {
    const { out, reports } = await runTransform({ path: "a.ts", source: VALID }, { "with-key-import": "stable-schema" });
    expect(out).toBeUndefined();
    expect(reports[0]).toContain("--with-key-import expects <module>#<name>");
  });

  it("accepts --modules as the object jscodeshift JSON-parses it into, and uses it for the prefilter", async () => {
    const source = `import { s } from "~/schema";\nexport const X = s.number(.refine((n) => n > 0);\n`;
    // Not a schema module: prefiltered, the syntax error is never seen.
    expect((await runTransform({ path: "m.ts", source })).out).toBe(source);
    // Mapped: parsed, so the syntax error is reported.
    const mapped = await runTransform({ path: "m.ts", source }, { modules: { "~/schema": "zod" } });
    expect(mapped.out).toBeUndefined();
    expect(mapped.reports[0]).toMatch(/^m\.ts:2:\d+: /);
  });
});

describe("jscodeshift route (spawned like a user runs it)", () => {
  function jscodeshift(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [jscodeshiftBin, ...args], {
      cwd: repoRoot,
      encoding: "utf8",
      // CI=true makes jscodeshift's colour library colour its summary: keep the output plain for matching.
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it("default (babel): babel compiles the shim only, not the planner's dependencies (typescript)", () => {
    const dir = tempDir();
    const file = path.join(dir, "ok.ts");
    writeFileSync(file, VALID);
    const cache = path.join(dir, "babel-cache.json"); // a cold @babel/register cache of our own
    const r = jscodeshift(["-t", shim, "--dry", file], { BABEL_CACHE_PATH: cache });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 errors$/m);
    const compiled = Object.keys(JSON.parse(readFileSync(cache, "utf8")) as Record<string, unknown>).join("\n");
    expect(compiled).toContain("stable-predicates.js");
    expect(compiled).not.toContain("typescript");
    expect(compiled).not.toContain("dist/lib");
  });

  // Default jscodeshift (babel-register on) compiles the shim to CommonJS; --no-babel loads it as ESM.
  for (const babel of [[], ["--no-babel"]]) {
    const label = babel.length ? "--no-babel" : "default (babel)";

    it(`${label}: runs on a valid file and counts it`, () => {
      const dir = tempDir();
      const file = path.join(dir, "ok.ts");
      writeFileSync(file, VALID);
      const r = jscodeshift([...babel, "-t", shim, "--dry", "--print", file]);
      expect(r.stderr).not.toMatch(/Error|TypeError/);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^0 errors$/m);
      expect(r.stdout).toMatch(/^(1 unmodified|1 ok)$/m);
      expect(readFileSync(file, "utf8")).toBe(VALID);
    });

    it(`${label}: reports (does not crash on) a file that does not parse`, () => {
      const dir = tempDir();
      mkdirSync(path.join(dir, "src"));
      const bad = path.join(dir, "src/bad.ts");
      const good = path.join(dir, "src/good.ts");
      writeFileSync(bad, BROKEN);
      writeFileSync(good, VALID);
      const r = jscodeshift([...babel, "-t", shim, "--dry", "--extensions=ts", "--parser=tsx", path.join(dir, "src")]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${bad}:2:27: Argument expression expected. (file left unchanged)`);
      expect(r.stdout).toMatch(/^0 errors$/m);
      expect(r.stdout).toMatch(/^1 skipped$/m);
      expect(readFileSync(bad, "utf8")).toBe(BROKEN);
    });
  }
});

describe("options", () => {
  it.each([
    ["stable-schema#withKey", { module: "stable-schema", name: "withKey" }],
    ["~/lib/keys#keyed", { module: "~/lib/keys", name: "keyed" }],
    ["@scope/pkg/sub#$k", { module: "@scope/pkg/sub", name: "$k" }],
  ])("--with-key-import %s", (value, expected) => {
    expect(parseWithKeyImport(value)).toEqual(expected);
  });

  it.each(["stable-schema", "#withKey", "stable-schema#", "stable-schema#with-key", "m#1abc"])(
    "--with-key-import rejects %j",
    (value) => {
      expect(() => parseWithKeyImport(value)).toThrow(/--with-key-import/);
    },
  );

  it("--modules takes JSON, pairs, or an object", () => {
    expect(parseModules(`{"~/schema":"zod"}`)).toEqual({ "~/schema": "zod" });
    expect(parseModules("~/schema=zod, @app/v=valibot")).toEqual({ "~/schema": "zod", "@app/v": "valibot" });
    expect(parseModules({ "~/schema": "zod" })).toEqual({ "~/schema": "zod" });
    expect(() => parseModules(`{"~/schema":1}`)).toThrow(/must be a library name/);
    expect(() => parseModules("zod")).toThrow(/expected module=library/);
    expect(() => parseModules(true)).toThrow(/--modules/);
  });
});

describe("prefilter", () => {
  it.each([
    `import { z } from "zod";`,
    `import { z } from 'zod/v4';`,
    `import * as z from "zod/v4/core";`,
    `const v = require('valibot');`,
    `const yup = await import("yup");`,
    `import { type } from "arktype";`,
    `import { Schema } from "effect";`,
    `import * as S from "effect/Schema";`,
    `import { Schema } from "@effect/schema";`,
    `import * as S from "@effect/schema/Schema";`,
    `import Joi from "joi";`,
    `import { object } from "superstruct";`,
    `import * as t from "io-ts";`,
    `import * as D from 'io-ts/Decoder';`,
    `import { Type } from "@sinclair/typebox";`,
    `import Type from "typebox";`,
    `import { Value } from "typebox/value";`,
    "export { z } from `zod`;",
  ])("passes %s", (source) => {
    expect(mightContainCandidates(source)).toBe(true);
  });

  it.each([
    `export const a = 1;`,
    `const s = "zodiac";`,
    `import x from "zod-to-json-schema";`,
    `import x from "effects";`,
    `import x from "@effect/platform";`,
    `// uses zod internally`,
    `import { s } from "~/schema";`,
  ])("skips %s", (source) => {
    expect(mightContainCandidates(source)).toBe(false);
  });

  it("passes a module mapped in `modules`, with regex characters taken literally", () => {
    expect(mightContainCandidates(`import { s } from "~/schema";`, { "~/schema": "zod" })).toBe(true);
    expect(mightContainCandidates(`import { s } from "@app/v.x";`, { "@app/v.x": "valibot" })).toBe(true);
    expect(mightContainCandidates(`import { s } from "@app/vXx";`, { "@app/v.x": "valibot" })).toBe(false);
  });
});
