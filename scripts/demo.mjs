#!/usr/bin/env node
// `npm run demo`: the story of stable-schema on the bundled example app (examples/app), in plain words:
//  1. what is wrong: lint the app with `configs.recommended`, the reports and their counts per rule;
//  2. what the migration changes: migrate a temporary COPY with the codemod (the diff and the summary),
//     then lint the copy again;
//  3. what it buys, measured in this run: every handler of the app before and after the migration
//     (calls per second and heap kept per call, bench/examples.mjs), then the incident replay
//     (scripts/demo-runtime.mjs).
// Never touches examples/ itself. Exits non-zero only when a step crashes: the example app has
// problems on purpose, so reports are expected. The last line is "demo finished." (CI checks it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const appDir = join(root, "examples", "app");
const pluginPath = join(root, "dist", "plugin.js");
const cliPath = join(root, "dist", "codemods", "cli.js");
const runtimeDemoPath = join(root, "scripts", "demo-runtime.mjs");
const examplesBenchPath = join(root, "bench", "examples.mjs");

/** What each rule's report means, in one sentence (printed next to its count). */
const ruleMeaning = {
  "stable-schema/no-inline-predicate":
    "a function written inline in a schema (a refine/transform/test callback) in code that runs again and again, so every run makes a new function and the schema built with it is new too",
  "stable-schema/require-stable-key": "a withKey(fn, key) call whose key misses something the function reads, or holds something that changes every call",
  "stable-schema/no-schema-in-function": "a whole schema built inside a function that runs again and again",
  "stable-schema/no-unbounded-cache": "a cache that only grows",
};

function heading(text) {
  console.log(`\n=== ${text} ${"=".repeat(Math.max(0, 72 - text.length))}\n`);
}

function skipped(why) {
  console.log(`skipped: ${why}`);
}

/** Lints `dir` with the plugin's recommended config; returns the results and a per-rule count. */
async function lintDir(dir, plugin) {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.{ts,tsx,mts,cts}"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      ...plugin.configs.recommended,
    ],
  });
  const results = await eslint.lintFiles(["."]);
  const counts = new Map();
  let total = 0;
  let fixable = 0;
  let suggestable = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) throw new Error(`${result.filePath}: ${message.message}`);
      const id = message.ruleId ?? "(no rule)";
      counts.set(id, (counts.get(id) ?? 0) + 1);
      total += 1;
      if (message.fix) fixable += 1;
      else if (message.suggestions?.length) suggestable += 1;
    }
  }
  const formatter = await eslint.loadFormatter("stylish");
  const text = await formatter.format(results);
  return { results, counts, total, fixable, suggestable, text, files: results.length };
}

function printCounts(counts) {
  if (counts.size === 0) {
    console.log("  (no reports)");
    return;
  }
  const width = Math.max(...[...counts.keys()].map((id) => id.length));
  for (const [id, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${id.padEnd(width)}  ${String(count).padStart(3)}${ruleMeaning[id] ? `  ${ruleMeaning[id]}` : ""}`);
  }
}

/** Runs a node script; prints its output; returns the exit status. A signal or a spawn error is a crash. */
function runNode(args, { tidy = (text) => text } = {}) {
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.error) throw child.error;
  if (child.signal) throw new Error(`node ${args.join(" ")} was killed by ${child.signal}`);
  // The CLI writes its diff to stdout and its summary to stderr; the demo shows both, in that order.
  if (child.stdout) process.stdout.write(tidy(child.stdout));
  if (child.stderr) process.stdout.write(tidy(child.stderr));
  return child.status ?? 0;
}

/** `n` with a thousands separator. */
const int = (n) => Math.round(n).toLocaleString("en-US");
const kb = (bytes) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

function printTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  rows.forEach((row, k) => {
    console.log(row.map((cell, i) => (i === 0 || i === 1 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  "));
    if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
}

/** One plain sentence per handler: what the numbers say. */
function verdict(row, columns) {
  const before = row.results.before;
  const last = columns[columns.length - 1];
  const after = row.results[last.id];
  const speed = after.callsPerSecond / before.callsPerSecond;
  const speedText =
    speed >= 1.5 ? `${speed.toFixed(1)}× as many calls per second` : speed <= 1 / 1.5 ? `${(1 / speed).toFixed(1)}× fewer calls per second` : "about the same speed (within this machine's noise)";
  const heapText =
    before.retainedBytesPerCall > 1024 && after.retainedBytesPerCall < before.retainedBytesPerCall / 1.5
      ? `the heap it keeps per call drops from ${kb(before.retainedBytesPerCall)} to ${kb(after.retainedBytesPerCall)}`
      : after.retainedBytesPerCall > 1024
        ? `it still keeps ${kb(after.retainedBytesPerCall)} per call`
        : "nothing piles up per call";
  const why = speed <= 1 / 1.5 && row.slower ? ` Slower because ${row.slower}.` : "";
  return `${row.handler} (${row.library}, ${row.call}) ${last.label}: ${speedText}; ${heapText}.${why}`;
}

async function main() {
  if (!existsSync(pluginPath)) throw new Error("dist/plugin.js is missing: run `npm run build` first (npm run demo does).");
  const { default: plugin } = await import(pathToFileURL(pluginPath).href);

  heading("1. What is wrong: lint examples/app with stable-schema's recommended rules");
  const before = await lintDir(appDir, plugin);
  console.log(before.text.trim() === "" ? "(no reports)" : before.text.replaceAll(appDir, "examples/app"));
  console.log(`reports per rule (${before.files} files linted; each rule in one sentence):`);
  printCounts(before.counts);
  console.log(
    `\nOf the ${before.total} reports, ${before.fixable} can be fixed by \`eslint --fix\` (the "potentially fixable" line above): ` +
      "a function that reads nothing from around it can move to module level, where it is made once. " +
      `${before.suggestable} more have an editor quick fix (a suggestion), not an automatic one: they read local values, ` +
      "so they are wrapped in withKey(fn, key) instead, or their parameter types come from the call and are only known with type " +
      "information, which the codemod below has (`--project`).",
  );

  heading("2. What the migration changes: `stable-schema migrate` on a copy of examples/app");
  if (!existsSync(cliPath)) {
    skipped("dist/codemods/cli.js not built (the codemod CLI is not there yet)");
    return finish();
  }
  const work = await mkdtemp(join(tmpdir(), "stable-schema-demo-"));
  const copy = join(work, "app");
  try {
    await cp(appDir, copy, { recursive: true });
    // The copy resolves zod & co. through a link to this repo's node_modules, so --project gives the
    // planner real types: closures that capture nothing are hoisted with printed annotations.
    await symlink(join(root, "node_modules"), join(work, "node_modules"), "dir");
    const project = join(copy, "tsconfig.json");
    console.log(`copied examples/app to a temporary directory, shown as <copy>\n`);
    console.log("$ stable-schema migrate <copy> --dry --force --project <copy>/tsconfig.json     (--dry: print the diff, write nothing)\n");
    // Show paths inside the copy as `<copy>/src/…` rather than the temporary directory's name.
    const tidy = (text) => text.replaceAll(`/${copy}`, "/<copy>").replaceAll(copy, "<copy>");
    const dry = runNode([cliPath, "migrate", copy, "--dry", "--force", "--project", project], { tidy });
    if (dry >= 2) throw new Error(`the dry run exited with ${dry} (usage error or refusal)`);
    if (dry === 1) console.log("\n(the codemod left some files untouched; see above)");
    console.log(
      "\nIn the summary: a site is one inline function the rules report. Hoisted = moved to a named module-level " +
        "constant or function; wrapped = put in withKey(fn, key), which hands back one shared function per key " +
        "(the key is an id for the code plus every local value it reads); left = neither can be done safely (the reason is given).",
    );

    console.log(`\n$ stable-schema migrate <copy> --force --project <copy>/tsconfig.json   (for real, in the copy)\n`);
    const real = runNode([cliPath, "migrate", copy, "--force", "--project", project], { tidy });
    if (real >= 2) throw new Error(`the migration exited with ${real} (usage error or refusal)`);

    const after = await lintDir(copy, plugin);
    console.log("\nlint of the migrated copy:");
    console.log(after.text.trim() === "" ? "(no reports)" : after.text.replaceAll(copy, "<migrated copy>"));
    console.log("reports per rule after the migration:");
    printCounts(after.counts);
    console.log(`\nbefore: ${before.total} reports, after: ${after.total} (what is left is explained in its message above).`);

    heading("3. What it buys, measured now on this machine");
    await measured(copy);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return finish();
}

/** Step 3: every handler before and after, then the incident replay. */
async function measured(migratedCopy) {
  if (!existsSync(examplesBenchPath)) {
    skipped("bench/examples.mjs does not exist");
  } else {
    const out = join(await mkdtemp(join(tmpdir(), "stable-schema-demo-json-")), "examples.json");
    console.log(
      "Each handler of the example app is called in a loop, as written and as migrated (each measurement in a\n" +
        "process of its own, so one version's warm-up cannot help or hurt the other):\n" +
        "  calls/s        how many calls finish per second (median of a few short rounds; more is better);\n" +
        "  kept per call  heap memory still in use after many calls and a full garbage collection, divided by the\n" +
        "                 number of calls: what the library keeps for good on every call (under 1 KB is noise:\n" +
        "                 nothing piles up).\n" +
        "The machine is shared, so speeds move by ±30% between runs; differences of 1.5× or more are real.\n",
    );
    const child = spawnSync(process.execPath, ["--expose-gc", examplesBenchPath, "--quick", "--json", out, "--app", `closures=${migratedCopy}`], {
      cwd: root,
      encoding: "utf8",
    });
    if (child.error) throw child.error;
    if (child.status !== 0) throw new Error(`bench/examples.mjs exited with ${child.status ?? child.signal}:\n${child.stderr}`);
    const result = JSON.parse(await readFile(out, "utf8"));
    await rm(dirname(out), { recursive: true, force: true });
    const { columns, rows } = result;
    const header = ["handler", "library", ...columns.map((c) => `calls/s ${c.label}`), ...columns.map((c) => `kept per call ${c.label}`)];
    printTable([
      header,
      ...rows.map((row) => [
        row.handler,
        row.library,
        ...columns.map((c) => int(row.results[c.id].callsPerSecond)),
        ...columns.map((c) => kb(row.results[c.id].retainedBytesPerCall)),
      ]),
    ]);
    console.log("");
    for (const column of columns.slice(1)) console.log(`"${column.label}": ${column.explain}.`);
    for (const variant of result.skipped) {
      console.log(`(${variant.label}, ${variant.explain}: not in this version of the codemod; its columns appear once it is.)`);
    }
    console.log("");
    for (const row of rows) console.log(`- ${verdict(row, columns)}`);
    console.log(
      "\nMoving the inline functions keeps each schema's functions the same from call to call, which is what lets a\n" +
        "cache keyed by the schema find it again (below) and stops libraries that record every function they are given\n" +
        "(arktype) from piling them up. It does not stop the schema object itself from being built on every call: that\n" +
        "is what moving whole schemas to module level buys.",
    );
  }

  console.log("");
  if (!existsSync(runtimeDemoPath)) {
    skipped("scripts/demo-runtime.mjs does not exist yet");
  } else {
    const status = runNode([runtimeDemoPath]);
    if (status !== 0) throw new Error(`scripts/demo-runtime.mjs exited with ${status}`);
  }
}

function finish() {
  console.log("\ndemo finished.");
}

main().catch((error) => {
  console.error(`\ndemo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
