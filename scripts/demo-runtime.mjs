#!/usr/bin/env node
// Demo of the stable-schema runtime: the seed incident replayed (examples/validated).
// Run `npm run build` first: the runtime is imported from lib/runtime/dist/. The example is TypeScript and is not
// part of the build, so it is transpiled here (typescript.transpileModule, no type check) into a
// temporary directory, with its runtime import pointed at lib/runtime/dist/esm/index.js.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const distRuntime = join(root, "lib/runtime/dist/esm/index.js");
if (!existsSync(distRuntime)) {
  console.error("demo-runtime: lib/runtime/dist/esm/index.js is missing; run `npm run build` first.");
  process.exit(1);
}

async function loadExample() {
  const built = join(root, "dist/examples/validated/index.js");
  if (existsSync(built)) return import(pathToFileURL(built).href);
  const { default: ts } = await import("typescript");
  const src = join(root, "examples/validated");
  const out = mkdtempSync(join(tmpdir(), "stable-schema-demo-"));
  try {
    for (const file of readdirSync(src).filter((f) => f.endsWith(".ts"))) {
      const { outputText } = ts.transpileModule(readFileSync(join(src, file), "utf8"), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
        fileName: file,
      });
      const code = outputText.replaceAll('"../../lib/runtime/index.js"', JSON.stringify(pathToFileURL(distRuntime).href));
      writeFileSync(join(out, file.replace(/\.ts$/, ".mjs")), code.replace(/from "\.\/([\w-]+)\.js"/g, 'from "./$1.mjs"'));
    }
    return await import(pathToFileURL(join(out, "index.mjs")).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const { replaySeed, sourceTextHole } = await loadExample();
const { internStats } = await import(pathToFileURL(distRuntime).href);

const CALLS = 100;
const rows = replaySeed(CALLS);
const byVariant = Object.fromEntries(rows.map((row) => [row.variant, row]));

// Every term is defined where it is printed: the replay is told as one sentence per way of writing it.
console.log(
  "The incident that started this project, replayed: `greet(name, age)` is a function whose arguments and\n" +
    "result are checked against schemas (examples/validated). Each check looks the schema up in a cache keyed\n" +
    "by the schema's content (`schemaKey`); a cache miss means the schema is compiled again and stored again.\n" +
    `greet is called once when the app starts, then ${CALLS} times, with each of three ways of writing its schemas:\n`,
);
const sentence = {
  inline: (r) =>
    `- Inline closures (before the migration): the schemas hold a new function every call, so their cache keys are new ` +
    `every call: the argument schema missed ${r.argsMisses} and the result schema ${r.returnMisses} of ${r.calls} calls, and the cache grew from ` +
    `${r.cacheSizeBefore} to ${r.cacheSizeAfter} entries; assertStableSchema (the test helper that builds a schema twice and ` +
    `compares) ${r.stable ? "accepts" : "rejects"} it.`,
  hoisted: (r) =>
    `- Hoisted predicates (after the migration, closures that capture nothing): the same function every call, so ` +
    `${r.argsMisses + r.returnMisses} of ${r.calls} calls missed and the cache stayed at ${r.cacheSizeAfter} entries; assertStableSchema ` +
    `${r.stable ? "accepts" : "rejects"} it.`,
  withKey: (r) =>
    `- withKey(fn, key) (after the migration, a closure that reads a local, here \`maxAge\`): withKey returns one ` +
    `shared function per key, and the key holds the code's id and \`maxAge\`, so ${r.argsMisses + r.returnMisses} of ${r.calls} calls ` +
    `missed and the cache stayed at ${r.cacheSizeAfter} entries; assertStableSchema ${r.stable ? "accepts" : "rejects"} it.`,
};
for (const variant of ["inline", "hoisted", "withKey"]) console.log(sentence[variant](byVariant[variant]));

const hole = sourceTextHole();
console.log(
  `- Keys made from the source text alone (what the original incident's cache did): two closures with the same text ` +
    `but a different \`maxAge\` (150 and 50) shared one cache entry, so ${hole.sourceTextWrong} of 2 answers were wrong; ` +
    `with schemaKey and withKey, whose keys also cover the captured value, ${hole.schemaKeyWrong} of 2 were wrong.`,
);
const stats = internStats();
console.log(
  `\nwithKey's own table of shared functions (bounded: at most ${stats.max} entries): ${stats.hits} lookups found a ` +
    `function, ${stats.misses} created one, ${stats.collisions} found a different function under the same key; ${stats.size} entries now.`,
);
