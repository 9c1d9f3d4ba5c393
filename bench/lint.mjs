// `npm run bench:lint` (after `npm run build`): what `stable-schema/no-inline-predicate` adds to a lint run.
//
// On the pinned corpus (bench/corpus.mjs, downloaded once, outside the timing), with file texts read up
// front, ESLint's `Linter` runs three configurations that share the typescript-eslint parser (no type
// information):
//   floor    the parser and ESLint's scope analysis, no rules
//   rule     stable-schema/no-inline-predicate alone
//   unicorn  unicorn/consistent-function-scoping alone (a comparable scope-walking rule)
// One warm-up pass each, then alternating rounds (the order rotates every round); the median per
// configuration is reported, along with the median of the per-round paired differences.
//
// Options: --rounds N (default 5), --only <package>[,<package>…] (a subset of the corpus, for quick runs).
// STABLE_SCHEMA_CORPUS_PLUGIN=<file> benchmarks another build of the plugin than dist/plugin.js.
import { parseArgs } from "node:util";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Linter } from "eslint";
import unicorn from "eslint-plugin-unicorn";
import { corpusLintConfig, loadCorpus } from "./corpus.mjs";

const RULE = "no-inline-predicate";
const RULE_ID = `stable-schema/${RULE}`;
const UNICORN_ID = "unicorn/consistent-function-scoping";
const TARGET_ADDED_PERCENT = 3;

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, only: { type: "string" } },
});
const rounds = Number.parseInt(args.rounds ?? "5", 10);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${args.rounds}`);

/** A collectable heap between passes keeps one configuration's garbage out of the next one's time. */
setFlagsFromString("--expose-gc");
const gc = /** @type {() => void} */ (runInNewContext("gc"));

const plugin = await loadBuiltPlugin();
const corpus = await loadCorpus({
  only: args.only ? args.only.split(",") : undefined,
  log: (message) => console.error(message),
});

/** @type {Array<{ name: string; text: string }>} */
const sources = [];
for (const pkg of corpus) {
  for (const file of pkg.files) {
    const relative = path.relative(pkg.dir, file).split(path.sep).join("/");
    sources.push({ name: `${pkg.id.replace("/", "__")}/${relative}`, text: await fs.readFile(file, "utf8") });
  }
}
const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.text), 0);

/** @type {Array<{ key: string; label: string; ruleId: string | undefined; config: import("eslint").Linter.Config[] }>} */
const configurations = [
  { key: "floor", label: "parse floor (no rules)", ruleId: undefined, config: corpusLintConfig() },
  {
    key: "rule",
    label: RULE_ID,
    ruleId: RULE_ID,
    config: corpusLintConfig([{ plugins: { "stable-schema": plugin }, rules: { [RULE_ID]: "error" } }]),
  },
  {
    key: "unicorn",
    label: UNICORN_ID,
    ruleId: UNICORN_ID,
    config: corpusLintConfig([{ plugins: { unicorn }, rules: { [UNICORN_ID]: "error" } }]),
  },
];

const linter = new Linter();

/** One pass over every file; returns the elapsed ms and the number of reports of `ruleId`. */
function pass(configuration) {
  gc();
  let reports = 0;
  let parseErrors = 0;
  const started = performance.now();
  for (const source of sources) {
    let messages;
    try {
      messages = linter.verify(source.text, configuration.config, source.name);
    } catch (error) {
      throw new Error(`${configuration.label} crashed on ${source.name}`, { cause: error });
    }
    for (const message of messages) {
      if (message.fatal) parseErrors += 1;
      else if (configuration.ruleId !== undefined && message.ruleId === configuration.ruleId) reports += 1;
    }
  }
  return { ms: performance.now() - started, reports, parseErrors };
}

console.error(`bench:lint: warm-up, then ${rounds} rounds of ${configurations.length} passes over ${sources.length} files`);
/** @type {Map<string, { times: number[]; reports: number; parseErrors: number }>} */
const results = new Map(configurations.map((configuration) => [configuration.key, { times: [], reports: 0, parseErrors: 0 }]));
for (const configuration of configurations) {
  const warm = pass(configuration);
  const result = results.get(configuration.key);
  if (result) Object.assign(result, { reports: warm.reports, parseErrors: warm.parseErrors });
}
for (let round = 0; round < rounds; round += 1) {
  const order = configurations.map((_, index) => configurations[(index + round) % configurations.length]);
  const line = [];
  for (const configuration of order) {
    if (!configuration) continue;
    const { ms } = pass(configuration);
    results.get(configuration.key)?.times.push(ms);
    line.push(`${configuration.key} ${Math.round(ms)} ms`);
  }
  console.error(`  round ${round + 1}/${rounds}: ${line.join(", ")}`);
}

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const timesOf = (/** @type {string} */ key) => results.get(key)?.times ?? [];
const floor = median(timesOf("floor"));
const rule = median(timesOf("rule"));
const uni = median(timesOf("unicorn"));
/** Per-round paired overhead in % of that round's floor: less sensitive to drift across rounds. */
const pairedPercent = (/** @type {string} */ key) =>
  median(timesOf(key).map((ms, round) => ((ms - (timesOf("floor")[round] ?? Number.NaN)) / (timesOf("floor")[round] ?? Number.NaN)) * 100));
const percent = (/** @type {number} */ value) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}%`;

const cpus = os.cpus();
const rows = configurations.map((configuration) => {
  const result = results.get(configuration.key);
  const ms = median(result?.times ?? []);
  return [
    configuration.label,
    `${Math.round(ms)}`,
    `${Math.round((sources.length / ms) * 1000)}`,
    configuration.ruleId === undefined ? "-" : `${result?.reports ?? 0}`,
  ];
});
const headers = ["configuration", "median ms", "files/s", "reports"];
const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
const format = (/** @type {string[]} */ cells) =>
  cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");

const ruleAdded = rule - floor;
const unicornAdded = uni - floor;
console.log(
  [
    `stable-schema lint benchmark: ${sources.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB from ${corpus.length} packages ` +
      `(${corpus.map((pkg) => pkg.id).join(", ")})`,
    `Node ${process.version}, ESLint ${Linter.version}, ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}; ` +
      `1 warm-up + ${rounds} alternating rounds, median; parse errors per pass: ${results.get("floor")?.parseErrors ?? 0}`,
    "",
    format(headers),
    format(widths.map((width) => "-".repeat(width))),
    ...rows.map(format),
    "",
    `${RULE_ID} adds ${Math.round(ruleAdded)} ms = ${percent((ruleAdded / floor) * 100)} of the parse floor ` +
      `(paired per round: ${percent(pairedPercent("rule"))}; target ≤ +${TARGET_ADDED_PERCENT}%): ` +
      `${(ruleAdded / floor) * 100 <= TARGET_ADDED_PERCENT ? "met" : "NOT met"}`,
    `${UNICORN_ID} adds ${Math.round(unicornAdded)} ms = ${percent((unicornAdded / floor) * 100)} ` +
      `(paired per round: ${percent(pairedPercent("unicorn"))})`,
    `${RULE} vs unicorn: ${ruleAdded < unicornAdded ? "less" : "MORE"} added time ` +
      `(${unicornAdded > 0 ? `${(ruleAdded / unicornAdded).toFixed(2)}× unicorn's` : "unicorn added nothing measurable"}; target: less)`,
  ].join("\n"),
);

/** The built plugin; `STABLE_SCHEMA_CORPUS_PLUGIN` (a file path) benchmarks another build instead. */
async function loadBuiltPlugin() {
  const override = process.env.STABLE_SCHEMA_CORPUS_PLUGIN;
  const url = override ? pathToFileURL(path.resolve(override)) : new URL("../dist/plugin.js", import.meta.url);
  /** @type {{ default?: { rules?: Record<string, unknown> } }} */
  let loaded;
  try {
    loaded = await import(url.href);
  } catch (error) {
    throw new Error(`rule not built yet: cannot import dist/plugin.js (run \`npm run build\`)`, { cause: error });
  }
  const rules = loaded.default?.rules;
  if (!rules || !(RULE in rules)) {
    throw new Error(`rule not built yet: dist/plugin.js has no rules["${RULE}"] (has: ${Object.keys(rules ?? {}).join(", ") || "none"})`);
  }
  return /** @type {import("eslint").ESLint.Plugin} */ (loaded.default);
}
