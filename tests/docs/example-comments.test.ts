// The example app's comments say what the codemod writes for a closure that captures locals
// ("the codemod wraps it as withKey(fn, [<key>])"): migrating the app (as `npm run demo` does, in a copy
// outside any package) must write exactly that key, so a change to the codemod's keys shows up here.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSource } from "../../lib/edits/migrate.js";

const appDir = fileURLToPath(new URL("../../examples/app", import.meta.url));
const copy = path.join(mkdtempSync(path.join(tmpdir(), "stable-schema-comments-")), "app");
cpSync(appDir, copy, { recursive: true });
afterAll(() => rmSync(path.dirname(copy), { recursive: true, force: true }));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const claims = sources(path.join(copy, "src")).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/the codemod wraps it as withKey\(fn, (\[[^\]]*\])\)/g)].map((match) => ({ file, key: match[1]! })),
);

describe("example app comments", () => {
  it("make claims to check", () => {
    expect(claims.length).toBeGreaterThanOrEqual(3);
  });

  for (const { file, key } of claims) {
    it(`${path.relative(copy, file)}: the codemod writes the key ${key}`, () => {
      const { output } = migrateSource(readFileSync(file, "utf8"), { filename: file });
      // The code, not the comment that makes the claim.
      const code = output.replace(/\/\/.*$/gm, "");
      expect(code).toContain(`, ${key})`);
    });
  }
});
