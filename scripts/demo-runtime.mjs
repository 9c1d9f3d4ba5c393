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

const rows = replaySeed(100);
const header = ["schemas written with", "calls", "args misses", "return misses", "cache before → after", "assertStableSchema"];
const label = { inline: "inline closures (before)", hoisted: "hoisted predicates (after)", withKey: "withKey(fn, key) (after)" };
const table = [
  header,
  ...rows.map((r) => [label[r.variant], String(r.calls), String(r.argsMisses), String(r.returnMisses), `${r.cacheSizeBefore} → ${r.cacheSizeAfter}`, r.stable ? "accepts" : "rejects"]),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");

console.log("stable-schema runtime — the seed incident replayed (validated function, 100 calls, cache keyed by schemaKey)");
console.log(line(table[0]));
console.log(widths.map((w) => "─".repeat(w)).join("  "));
for (const row of table.slice(1)) console.log(line(row));
const hole = sourceTextHole();
console.log(
  `source-text keys (the seed's hole): ${hole.sourceTextWrong} wrong answer(s) of 2; schemaKey + withKey: ${hole.schemaKeyWrong} wrong.`,
);
const stats = internStats();
console.log(`withKey intern table: ${stats.hits} hits, ${stats.misses} misses, ${stats.collisions} collisions, size ${stats.size}/${stats.max}.`);
