// Entry point for `jscodeshift -t node_modules/stable-schema/codemods/stable-predicates.js`.
// The transform itself is compiled to dist/codemods/stable-predicates.js and loaded natively (ESM).
//
// Why not `export { default } from "../dist/…"`: jscodeshift registers @babel/register before it
// requires a transform (unless --no-babel), so a static re-export is turned into require() calls and
// babel then compiles the whole graph, typescript.js included (~15 s per worker). A dynamic import()
// bypasses the require hook. When babel has compiled this file to CommonJS (`__dirname` exists), an
// import() written here could itself be rewritten into require() (@babel/preset-env does that), so
// that branch imports through a Function, which babel cannot see into.
const target = "../dist/codemods/stable-predicates.js";
let loaded;

function load() {
  if (!loaded) {
    if (typeof __dirname === "string") {
      const { pathToFileURL } = require("node:url");
      const { join } = require("node:path");
      const nativeImport = new Function("url", "return import(url)");
      loaded = nativeImport(pathToFileURL(join(__dirname, target)).href);
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
