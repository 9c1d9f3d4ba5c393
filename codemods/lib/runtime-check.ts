// After a migration that wrote `withKey(…)` calls: is the runtime they import installed where the
// migrated files will resolve it? The codemod ships in the ESLint plugin (a dev dependency); the code it
// writes needs the `stable-schema` runtime as a regular dependency, or it fails at its first import.
import { createRequire } from "node:module";
import path from "node:path";
import type { FileResult } from "./process.js";

/** Directories (one per package root looked up) whose changed files import `module` but cannot resolve it. */
export function unresolvedRuntime(results: readonly FileResult[], module: string): string[] {
  // Only a bare package name can be checked this way; aliases (`@/lib/…`) resolve through the user's build.
  if (!/^(?:@[\w.-]+\/)?[\w.-]+$/.test(module) || module.startsWith("@/")) return [];
  const missing = new Set<string>();
  const checked = new Set<string>();
  for (const result of results) {
    if (result.status !== "changed" || !result.sites.some((site) => site.action === "wrapped")) continue;
    const dir = path.dirname(result.path);
    if (checked.has(dir)) continue;
    checked.add(dir);
    try {
      createRequire(result.path).resolve(`${module}/package.json`);
    } catch {
      try {
        createRequire(result.path).resolve(module);
      } catch {
        missing.add(dir);
      }
    }
  }
  return [...missing].sort();
}
