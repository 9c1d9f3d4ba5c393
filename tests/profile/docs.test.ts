// Runs every ```ts runnable block of docs/profiler.md as a module of its own, the way the page says:
// `node --import tsx --import eslint-plugin-stable-schema/register block.ts`.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const doc = readFileSync(path.join(root, "docs/profiler.md"), "utf8");
const blocks = [...doc.matchAll(/```ts runnable\n([\s\S]*?)```/g)].map((m) => m[1]!);
const tmp = path.join(root, `tests/profile/.tmp-docs-${process.pid}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("docs/profiler.md runnable examples", () => {
  it("has runnable blocks", () => expect(blocks.length).toBeGreaterThanOrEqual(2));
  blocks.forEach((block, i) => {
    it(`block ${i + 1} runs under the loader hook`, { timeout: 60_000 }, () => {
      mkdirSync(tmp, { recursive: true });
      const file = path.join(tmp, `block-${i + 1}.ts`);
      writeFileSync(file, `${block}\nexport {};\n`);
      execFileSync(process.execPath, ["--import", "tsx", "--import", path.join(root, "dist/lib/instrument/register.js"), file], {
        cwd: tmp,
        env: { ...process.env, NODE_OPTIONS: "", STABLE_SCHEMA_PROFILE_QUIET: "1" },
        stdio: "pipe",
      });
    });
  });
});
