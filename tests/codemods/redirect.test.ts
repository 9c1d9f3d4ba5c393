// One package version installed twice (`pkg-a/node_modules/shared` and `pkg-b/node_modules/shared`,
// both shared@1.0.0): TypeScript reads it once and answers the second path with a *redirect* source
// file. Re-planning a changed file rebuilds the program (programsWithText); a compiler host that hands
// a redirect back makes TypeScript fail with "Debug Failure … Host should not return a redirect source
// file from `getSourceFile`" on every candidate file. The CLI runs with its default type information.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "stable-schema-redirect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
}

it("migrates with type information when a dependency is installed twice at one version", () => {
  write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", noEmit: true, skipLibCheck: true }, include: ["src"] }));
  write("package.json", JSON.stringify({ name: "redirect-app", type: "module" }));
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules/zod"), path.join(dir, "node_modules/zod"), "dir");
  for (const [pkg, fn] of [["pkg-a", "makeA"], ["pkg-b", "makeB"]] as const) {
    write(`node_modules/${pkg}/package.json`, JSON.stringify({ name: pkg, version: "1.0.0", types: "index.d.ts" }));
    write(`node_modules/${pkg}/index.d.ts`, `import type { Shared } from "shared";\nexport declare function ${fn}(): Shared;\n`);
    write(`node_modules/${pkg}/node_modules/shared/package.json`, JSON.stringify({ name: "shared", version: "1.0.0", types: "index.d.ts" }));
    write(`node_modules/${pkg}/node_modules/shared/index.d.ts`, "export interface Shared { id: string }\n");
  }
  write(
    "src/a.ts",
    `import { z } from "zod";
import { makeA } from "pkg-a";
import { makeB } from "pkg-b";

export function handler(input: unknown) {
  const known = z.object({ id: z.string() }).refine((v) => v.id === makeA().id || v.id === makeB().id);
  return [known.safeParse(input).success, z.string().transform((t) => t.trim()).parse(input)];
}
`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  const r = spawnSync(process.execPath, [cli, "migrate", "--no-eslint-config", "src"], { cwd: dir, env, encoding: "utf8" });
  expect(r.stderr).not.toContain("Debug Failure");
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toContain("type information from 1 tsconfig for 1 file");
  const output = readFileSync(path.join(dir, "src/a.ts"), "utf8");
  // Both closures capture nothing and were hoisted with printed annotations (two passes, so the
  // program was rebuilt for the changed text).
  expect(output).toContain("function isValidKnown(v: { id: string }) {");
  expect(output).toContain("function trimValue(t: string) {");
});
