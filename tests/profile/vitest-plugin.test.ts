// The Vite/Vitest plugin, the matcher and the reporter, on a small project run by Vitest itself.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const project = fileURLToPath(new URL("fixtures/vitest-project", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

it("instruments the project's modules, registers the matcher and prints the churning sites", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stable-schema-vitest-"));
  const report = path.join(dir, "profile.json");
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", STABLE_SCHEMA_PROFILE: report, NO_COLOR: "1", FORCE_COLOR: "0" };
    delete env.STABLE_SCHEMA_PROFILE_DIR;
    delete env.VITEST;
    const out = execFileSync(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--config", "vitest.config.mjs"], { cwd: project, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toMatch(/3 passed/);
    expect(out).toMatch(/stable-schema profile \(1 sites built more than once\)/);
    expect(out).toMatch(/handlers\.ts:6 +zod z\.object\(\) +perRequest +7 +7 +1 /);
    const profile = JSON.parse(readFileSync(report, "utf8")) as { sites: { line: number; builds: number; function: string }[] };
    expect(profile.sites.map(({ line, builds, function: fn }) => ({ line, builds, fn }))).toEqual(
      expect.arrayContaining([
        { line: 6, builds: 7, fn: "perRequest" }, // the matcher runs it twice, the loop 5 times
        { line: 3, builds: 1, fn: "(module)" },
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
