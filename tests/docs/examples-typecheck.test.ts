// The example app is excluded from the root tsconfig (it has problems on purpose, for the linter), but it
// must still type-check on its own under strict, against the real schema libraries.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

it("examples/app type-checks (tsc -p examples/app/tsconfig.json --noEmit)", () => {
  let output = "";
  let status = 0;
  try {
    execFileSync(process.execPath, [tsc, "-p", "examples/app/tsconfig.json", "--noEmit"], { cwd: root, encoding: "utf8" });
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    status = failure.status ?? 1;
    output = `${failure.stdout ?? ""}${failure.stderr ?? ""}`;
  }
  expect(output).toBe("");
  expect(status).toBe(0);
}, 120_000);
