// Only regular files of bounded size are read as package.json (issue 10, case 13). Each case runs in
// a child process with a timeout, so the code before the fix (which blocked on a FIFO and read
// /dev/zero until memory ran out) fails the test instead of hanging the run. `npm test` builds first.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_MANIFEST_BYTES, moduleIdentity, readManifest } from "../../lib/edits/module-id.js";

const built = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/lib/edits/module-id.js")).href;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** <tmp>/outer/package.json (name "outer") and <tmp>/outer/inner/, whose package.json the case sets up. */
function tree(): { outer: string; inner: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), "stable-schema-manifest-"));
  dirs.push(root);
  const outer = path.join(root, "outer");
  const inner = path.join(outer, "inner");
  mkdirSync(inner, { recursive: true });
  writeFileSync(path.join(outer, "package.json"), JSON.stringify({ name: "outer" }));
  return { outer, inner };
}

function identityInChild(file: string): { status: number | null; stdout: string; signal: NodeJS.Signals | null } {
  const code = `const { moduleIdentity } = await import(${JSON.stringify(built)}); process.stdout.write(moduleIdentity(${JSON.stringify(file)}));`;
  const r = spawnSync(process.execPath, ["--max-old-space-size=256", "--input-type=module", "-e", code], {
    encoding: "utf8",
    timeout: 15_000,
  });
  return { status: r.status, stdout: r.stdout, signal: r.signal };
}

describe("case 13: package.json that is not a small regular file", () => {
  it("case 13: a FIFO named package.json neither hangs nor counts; the next package up is used", () => {
    const { inner } = tree();
    execFileSync("mkfifo", [path.join(inner, "package.json")]);
    const r = identityInChild(path.join(inner, "src/a.ts"));
    expect(r.signal, "killed by the timeout: it blocked on the FIFO").toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("outer/inner/src/a");
  });

  it("case 13: a symbolic link to /dev/zero named package.json is not read", () => {
    const { inner } = tree();
    symlinkSync("/dev/zero", path.join(inner, "package.json"));
    const r = identityInChild(path.join(inner, "a.ts"));
    expect(r.signal, "killed by the timeout: it read /dev/zero").toBeNull();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("outer/inner/a");
  });

  it("case 13: a package.json over the size bound is not read; a regular small one is", () => {
    const { inner } = tree();
    writeFileSync(path.join(inner, "package.json"), `{"name":"huge","pad":"${"x".repeat(MAX_MANIFEST_BYTES)}"}`);
    expect(readManifest(path.join(inner, "package.json"))).toBeUndefined();
    expect(moduleIdentity(path.join(inner, "b.ts"))).toBe("outer/inner/b");
    const small = tree();
    writeFileSync(path.join(small.inner, "package.json"), JSON.stringify({ name: "inner-pkg" }));
    expect(moduleIdentity(path.join(small.inner, "c.ts"))).toBe("inner-pkg/c");
  });
});
