// Builds the runtime package twice from the same sources: ESM (dist/esm) and CommonJS (dist/cjs),
// each with its own declarations, so `import` and `require` (Node, Jest's module system, bundlers)
// get real modules and matching types. `npm run build -w stable-schema`.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

rmSync(join(here, "dist"), { recursive: true, force: true });
for (const config of ["tsconfig.esm.json", "tsconfig.cjs.json"]) {
  execFileSync(process.execPath, [tsc, "-p", join(here, config)], { stdio: "inherit" });
}
mkdirSync(join(here, "dist/cjs"), { recursive: true });
// Marks dist/cjs as CommonJS for Node and for TypeScript's reading of dist/cjs/*.d.ts.
writeFileSync(join(here, "dist/cjs/package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
