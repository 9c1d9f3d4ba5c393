// The intern table never keeps a captured object alive, and is bounded in bytes (issue 10, case 12).
// Measured in a child process with --expose-gc against the built runtime (lib/runtime/dist/esm), so other tests'
// garbage cannot make it flaky. `npm test` builds first.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const runtime = pathToFileURL(path.resolve(here, "../../lib/runtime/dist/esm/index.js")).href;
const script = path.join(here, "retention/intern-heap.mjs");

interface Measured {
  retained: number;
  stats: { hits: number; misses: number; size: number; bytes: number; maxBytes: number };
}

function measure(scenario: string): Measured {
  const out = execFileSync(process.execPath, ["--expose-gc", script, runtime, scenario], { encoding: "utf8" });
  return JSON.parse(out) as Measured;
}

const MB = 1024 * 1024;

describe("withKey retention (issue 10, case 12)", () => {
  it("case 12: 10,000 calls with a fresh ~8 KB captured object each retain < 2 MB after GC", () => {
    const { retained, stats } = measure("rows");
    expect(stats.misses).toBe(10_000); // a per-call object can never hit: it only must not be kept
    expect(stats.hits).toBe(0);
    expect(retained, `retained ${(retained / MB).toFixed(2)} MB`).toBeLessThan(2 * MB);
  });

  it("case 12: 100 captured 5 MB strings stay within the byte bound", () => {
    const { retained, stats } = measure("strings");
    expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes);
    expect(retained, `retained ${(retained / MB).toFixed(2)} MB`).toBeLessThan(stats.maxBytes + 8 * MB);
  });
});
