// Executes every ```ts runnable block of docs/runtime.md against the runtime sources.
import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as ajv from "ajv";
import ts from "typescript";
import * as valibot from "valibot";
import { describe, expect, it } from "vitest";
import * as zod from "zod";
import * as runtime from "../../lib/runtime/index.js";

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../docs/runtime.md"), "utf8");
const blocks = [...doc.matchAll(/```ts runnable\n([\s\S]*?)```/g)].map((m) => m[1] as string);

const modules: Record<string, unknown> = {
  "node:assert/strict": { ...assert, default: assert.strict ?? assert },
  "stable-schema": runtime,
  zod,
  valibot,
  ajv,
};

function run(source: string): void {
  const { outputText, diagnostics } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    reportDiagnostics: true,
  });
  expect(diagnostics ?? []).toEqual([]);
  const requireMap = (name: string): unknown => {
    if (!(name in modules)) throw new Error(`docs block imports ${name}, which docs.test.ts does not provide`);
    return modules[name];
  };
  new Function("require", "exports", "module", outputText)(requireMap, {}, { exports: {} });
}

describe("docs/runtime.md runnable examples", () => {
  it("has runnable blocks", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });
  blocks.forEach((block, i) => {
    it(`block ${i + 1}: ${block.split("\n").find((l) => l.startsWith("import {"))?.slice(0, 60) ?? ""}`, () => {
      runtime.resetIntern();
      run(block);
    });
  });
  it("would fail on a wrong example (negative control)", () => {
    expect(() => run('import assert from "node:assert/strict";\nimport { schemaKey } from "stable-schema";\nassert.equal(schemaKey(1), schemaKey("1"));')).toThrow();
  });
});
