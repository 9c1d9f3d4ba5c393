// lib/edits/module-id.ts: the module identity that starts every withKey id (package name + path, extension dropped).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { moduleIdentity } from "../../lib/edits/module-id.js";

const root = mkdtempSync(path.join(tmpdir(), "stable-schema-module-id-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("moduleIdentity", () => {
  it("is the nearest package's name and the path inside it, without extension", () => {
    const app = path.join(root, "app");
    mkdirSync(path.join(app, "src", "handlers"), { recursive: true });
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "@acme/app" }));
    expect(moduleIdentity(path.join(app, "src", "handlers", "users.tsx"))).toBe("@acme/app/src/handlers/users");
  });

  it("uses the directory name for a package.json without a name", () => {
    const lib = path.join(root, "unnamed");
    mkdirSync(lib, { recursive: true });
    writeFileSync(path.join(lib, "package.json"), "{}");
    expect(moduleIdentity(path.join(lib, "index.mjs"))).toBe("unnamed/index");
  });

  it("is the bare file name when the file's directory does not exist", () => {
    expect(moduleIdentity("no/such/dir/schema.cts")).toBe("schema");
  });
});
