#!/usr/bin/env node
// `npm run demo`: the three faces of stable-schema on the bundled example app (examples/app).
//  1. lint examples/app with `configs.recommended` and print the report;
//  2. migrate a temporary COPY of the app with the codemod (dry run diff, then for real) and lint it again;
//  3. run scripts/demo-runtime.mjs (the runtime's cache numbers), when it exists.
// Never touches examples/ itself. Exits non-zero only when a step crashes: the example app has
// problems on purpose, so reports are expected.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const appDir = join(root, "examples", "app");
const pluginPath = join(root, "dist", "plugin.js");
const cliPath = join(root, "dist", "codemods", "cli.js");
const runtimeDemoPath = join(root, "scripts", "demo-runtime.mjs");

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
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) throw new Error(`${result.filePath}: ${message.message}`);
      const id = message.ruleId ?? "(no rule)";
      counts.set(id, (counts.get(id) ?? 0) + 1);
      total += 1;
    }
  }
  const formatter = await eslint.loadFormatter("stylish");
  const text = await formatter.format(results);
  return { results, counts, total, text, files: results.length };
}

function printCounts(counts) {
  if (counts.size === 0) {
    console.log("  (no reports)");
    return;
  }
  const width = Math.max(...[...counts.keys()].map((id) => id.length));
  for (const [id, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(width)}  ${count}`);
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

async function main() {
  if (!existsSync(pluginPath)) throw new Error("dist/plugin.js is missing: run `npm run build` first (npm run demo does).");
  const { default: plugin } = await import(pluginPath);

  heading("1. lint examples/app with stable-schema configs.recommended");
  const before = await lintDir(appDir, plugin);
  console.log(before.text.trim() === "" ? "(no reports)" : before.text.replaceAll(appDir, "examples/app"));
  console.log(`reports per rule (${before.files} files linted):`);
  printCounts(before.counts);

  heading("2. migrate a copy of examples/app with the codemod");
  if (!existsSync(cliPath)) {
    skipped("dist/codemods/cli.js not built (the codemod CLI is not there yet)");
  } else {
    const work = await mkdtemp(join(tmpdir(), "stable-schema-demo-"));
    const copy = join(work, "app");
    try {
      await cp(appDir, copy, { recursive: true });
      // The copy resolves zod & co. through a link to this repo's node_modules, so --project gives the
      // planner real types: closures that capture nothing are hoisted with printed annotations.
      await symlink(join(root, "node_modules"), join(work, "node_modules"), "dir");
      const project = join(copy, "tsconfig.json");
      console.log(`copied examples/app to ${copy}\n`);
      console.log("$ stable-schema migrate <copy> --dry --force --project <copy>/tsconfig.json\n");
      // Show paths inside the copy as `<copy>/src/…` rather than the temporary directory's name.
      const tidy = (text) => text.replaceAll(`/${copy}`, "/<copy>").replaceAll(copy, "<copy>");
      const dry = runNode([cliPath, "migrate", copy, "--dry", "--force", "--project", project], { tidy });
      if (dry >= 2) throw new Error(`the dry run exited with ${dry} (usage error or refusal)`);
      if (dry === 1) console.log("\n(the codemod left some files untouched; see above)");

      console.log(`\n$ stable-schema migrate <copy> --force --project <copy>/tsconfig.json   (for real, in the temporary copy)\n`);
      const real = runNode([cliPath, "migrate", copy, "--force", "--project", project], { tidy });
      if (real >= 2) throw new Error(`the migration exited with ${real} (usage error or refusal)`);

      const after = await lintDir(copy, plugin);
      console.log("\nlint of the migrated copy:");
      console.log(after.text.trim() === "" ? "(no reports)" : after.text.replaceAll(copy, "<migrated copy>"));
      console.log("reports per rule after the migration:");
      printCounts(after.counts);
      console.log(`\nbefore: ${before.total} reports, after: ${after.total}`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  heading("3. runtime: the seed incident, with and without stable keys");
  if (!existsSync(runtimeDemoPath)) {
    skipped("scripts/demo-runtime.mjs does not exist yet");
  } else {
    const status = runNode([runtimeDemoPath]);
    if (status !== 0) throw new Error(`scripts/demo-runtime.mjs exited with ${status}`);
  }
  console.log("\ndemo finished.");
}

main().catch((error) => {
  console.error(`\ndemo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
