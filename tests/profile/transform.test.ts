// The profiler's source transform: which sites it counts (the analysis's schema expressions), what
// the inserted code looks like, that no line moves, and that the instrumented code runs as before.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { instrument } from "../../lib/instrument/transform.js";
import { schemaProfile } from "../../lib/runtime/profile.js";

const tmp = fileURLToPath(new URL(`.tmp-transform-${process.pid}/`, import.meta.url));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lines = (text: string) => text.split("\n").length;

describe("instrument()", () => {
  it("leaves a module that builds no schema alone", () => {
    expect(instrument(`export const x = 1;\n`, { file: "a.js" })).toBeUndefined();
    expect(instrument(`import { z } from "zod";\nexport type T = 1;\n`, { file: "a.ts" })).toBeUndefined();
    // a name alone is not a schema library: toast.custom is not traced
    expect(instrument(`import { toast } from "sonner";\nexport const f = () => toast.custom(() => 1);\n`, { file: "a.js" })).toBeUndefined();
  });

  it("counts outermost constructions and compile calls, keeps every line, and counts the enclosing function", () => {
    const input = [
      `"use client";`,
      `import { z } from "zod";`,
      `import Ajv from "ajv";`,
      `const ajv = new Ajv();`,
      `export const S = z.string().min(1);`,
      `export const f = (x) => z.object({ a: z.string() }).parse(x);`,
      `export function g(s) {`,
      `  "use strict";`,
      `  return ajv.compile({ type: "object" })(s);`,
      `}`,
      ``,
    ].join("\n");
    const result = instrument(input, { file: "file:///p/m.js" })!;
    expect(lines(result.code)).toBe(lines(input));
    const out = result.code.split("\n");
    expect(out[0]).toMatch(/^"use client"; import \{ registerModule as __ssRegister \} from "stable-schema\/profile"; var __ssM; function __ss\(\)/);
    expect(out[4]).toBe(`export const S = __ss().t(1, __ss().s(1), z.string().min(1));`);
    expect(out[5]).toBe(`export const f = (x) => (__ss().n[0]++, __ss().t(2, __ss().s(2), z.object({ a: z.string() })).parse(x));`);
    expect(out[7]).toBe(`  "use strict";__ss().n[1]++;`);
    expect(out[8]).toBe(`  return __ss().t(3, __ss().s(3), ajv.compile({ type: "object" }))(s);`);
    expect(result.sites.map((s) => [s.line, s.api, s.kind, s.function, s.reportedByRules])).toEqual([
      [4, "new Ajv()", "compile", "(module)", false],
      [5, "z.string()", "build", "(module)", false],
      [6, "z.object()", "build", "f", true],
      [9, "ajv.compile()", "compile", "g", true],
    ]);
  });

  it("keeps a hashbang first and picks names the module does not use", () => {
    const input = `#!/usr/bin/env node\nimport { z } from "zod";\nconst __ss = 1;\nexport const S = z.string();\n`;
    const { code } = instrument(input, { file: "cli.js" })!;
    expect(code.startsWith("#!/usr/bin/env node import {")).toBe(true);
    expect(code).toContain("__ss1_().t(0, __ss1_().s(0), z.string())");
    expect(lines(code)).toBe(lines(input));
  });

  it("parses TypeScript source as TypeScript (generics, type-only imports)", () => {
    const input = `import { z } from "zod";\nimport type { Foo } from "./foo";\nexport function make<T extends string>(v: T): z.ZodLiteral<T> {\n  return z.literal<T>(v);\n}\n`;
    const result = instrument(input, { file: "m.ts" })!;
    expect(result.code).toContain("__ss().t(0, __ss().s(0), z.literal<T>(v))");
    expect(result.sites[0]).toMatchObject({ line: 4, function: "make", reportedByRules: false });
  });

  it("runs: counts survive a circular import that calls into the module before its body ran", async () => {
    mkdirSync(tmp, { recursive: true });
    const a = `import { z } from "zod";\nimport "./b.mjs";\nexport function build() { return z.object({ id: z.string() }); }\n`;
    const b = `import { build } from "./a.mjs";\nexport const early = build();\n`;
    writeFileSync(path.join(tmp, "a.mjs"), instrument(a, { file: "circular-a.mjs" })!.code);
    writeFileSync(path.join(tmp, "b.mjs"), b);
    const mod = (await import(/* @vite-ignore */ pathToFileURL(path.join(tmp, "a.mjs")).href)) as { build(): { parse(v: unknown): unknown } };
    expect(mod.build().parse({ id: "x" })).toEqual({ id: "x" });
    const site = schemaProfile().sites.find((s) => s.file === "circular-a.mjs")!;
    expect(site).toMatchObject({ builds: 2, calls: 2, function: "build" });
  });
});

describe("the loader hook on CommonJS", () => {
  it("instruments a CommonJS entry point (registration through require)", () => {
    mkdirSync(tmp, { recursive: true });
    const file = path.join(tmp, "entry.cjs");
    writeFileSync(
      file,
      `const { z } = require("zod");\nfunction make() { return z.object({ a: z.string() }); }\nfor (let i = 0; i < 3; i++) make();\n` +
        `const { schemaProfile } = require("stable-schema/profile");\nconsole.log(JSON.stringify(schemaProfile().sites.map((s) => [s.line, s.builds, s.function])));\n`,
    );
    const register = fileURLToPath(new URL("../../dist/lib/instrument/register.js", import.meta.url));
    const out = execFileSync(process.execPath, ["--import", register, file], { env: { ...process.env, NODE_OPTIONS: "", STABLE_SCHEMA_PROFILE_QUIET: "1" }, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([[2, 3, "make"]]);
  });
});
