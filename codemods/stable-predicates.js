// Entry point for `jscodeshift -t node_modules/eslint-plugin-stable-schema/codemods/stable-predicates.js`.
// The transform itself is compiled to dist/codemods/stable-predicates.js and loaded natively (ESM).
//
// Why not `export { default } from "../dist/…"`: unless run with --no-babel, jscodeshift registers
// @babel/register before it requires a transform, so a static re-export becomes require() calls and
// babel compiles the whole graph, typescript.js included (20–40 s on a cold cache, per machine).
// So the transform is loaded with import(). When babel has compiled this file to CommonJS
// (`__dirname` exists), an import() written here may itself be rewritten into require()
// (@babel/preset-env does that), so that branch imports through a Function, which babel cannot see
// into, after releasing babel's require hook: Node loads the CommonJS packages an ES module imports
// (@typescript-eslint/parser, typescript) through that same hook.
const target = "../dist/codemods/stable-predicates.js";
let loaded;

function releaseBabelRequireHook() {
  // The transform needs no compiling, and jscodeshift compiles nothing else once it has the transform.
  for (const [file, entry] of Object.entries(require.cache)) {
    if (/[\\/]@babel[\\/]register[\\/]lib[\\/]index\.c?js$/.test(file) && typeof entry?.exports?.revert === "function") {
      entry.exports.revert();
    }
  }
}

function load() {
  if (!loaded) {
    if (typeof __dirname === "string") {
      const { pathToFileURL } = require("node:url");
      const { join } = require("node:path");
      releaseBabelRequireHook();
      const nativeImport = new Function("url", "return import(url)");
      // Hosts that run ESM through their own module system (vitest) can refuse a Function's import().
      loaded = nativeImport(pathToFileURL(join(__dirname, target)).href).catch(() => import(target));
    } else {
      loaded = import(target);
    }
  }
  return loaded;
}

export default async function transform(file, api, options) {
  const { default: run } = await load();
  return run(file, api, options);
}
