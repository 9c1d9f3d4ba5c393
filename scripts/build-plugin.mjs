// The plugin's build (`npm run build` runs the runtime's first): a clean dist/, `tsc -p
// tsconfig.build.json`, the CommonJS entry and its types next to dist/plugin.js, and the emitted
// declarations that no public entry reaches removed (they name typescript-eslint's types, which a
// user need not have installed).
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
copyFileSync(join(root, "plugin.cjs"), join(dist, "plugin.cjs"));
copyFileSync(join(root, "plugin.d.cts"), join(dist, "plugin.d.cts"));

const publicTypes = new Set([join(dist, "plugin.d.ts"), join(dist, "plugin.d.cts")]);
function prune(dir) {
  for (const entry of readdirSync(dir)) {
    const file = join(dir, entry);
    if (statSync(file).isDirectory()) prune(file);
    else if (file.endsWith(".d.ts") && !publicTypes.has(file)) rmSync(file);
  }
}
prune(dist);
