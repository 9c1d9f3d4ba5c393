// `npm run bench:lint` (after `npm run build`): what `stable-schema/no-inline-predicate` adds to a lint run.
//
// On the pinned corpus (bench/corpus.mjs, downloaded once, outside the timing), with file texts read up
// front, ESLint's `Linter` runs three configurations that share the typescript-eslint parser (no type
// information):
//   floor    the parser and ESLint's scope analysis, no rules
//   rule     stable-schema/no-inline-predicate alone
//   unicorn  unicorn/consistent-function-scoping alone (a comparable scope-walking rule)
// One warm-up round, then N rounds; in each round every file is linted with all three configurations,
// interleaved per file in a rotating order (robust against a busy shared machine). Reported: the median
// per configuration by wall clock and by process CPU time (the CPU clock is the one to trust on a shared
// machine), the median of the per-round paired differences, and one extra pass with ESLint's `stats`
// that times the rules' own listeners.
//
// Then whole command-line runs over the same files written to a temporary directory: the `oxlint` binary
// loading the plugin through `jsPlugins`, and the `eslint` binary, both with the rule alone (same rounds,
// interleaved; wall clock and the children's CPU time from /proc).
//
// Options: --rounds N (default 5), --only <package>[,<package>…] (a subset of the corpus, for quick runs),
// --no-in-process (skip the Linter rounds), --no-cli (skip the command-line runs).
// STABLE_SCHEMA_CORPUS_PLUGIN=<file> benchmarks another build of the plugin than dist/plugin.js.
import { parseArgs } from "node:util";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
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
  options: {
    rounds: { type: "string", default: "5" },
    only: { type: "string" },
    "no-in-process": { type: "boolean", default: false },
    "no-cli": { type: "boolean", default: false },
  },
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

/** CPU time of this process in ms: unlike wall time, it does not grow while other processes hold the cores. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * One round: every file is linted once with each configuration, the configurations interleaved per file
 * in an order that rotates with the file and the round, so a slow stretch on a shared machine hits all
 * configurations alike. Returns wall and CPU ms per configuration, and the reports and parse errors.
 */
function round(/** @type {number} */ roundIndex) {
  gc();
  const wall = configurations.map(() => 0);
  const cpu = configurations.map(() => 0);
  const reports = configurations.map(() => 0);
  const parseErrors = configurations.map(() => 0);
  sources.forEach((source, fileIndex) => {
    for (let step = 0; step < configurations.length; step += 1) {
      const index = (fileIndex + roundIndex + step) % configurations.length;
      const configuration = configurations[index];
      if (!configuration) continue;
      let messages;
      const wallStart = performance.now();
      const cpuStart = cpuMs();
      try {
        messages = linter.verify(source.text, configuration.config, source.name);
      } catch (error) {
        throw new Error(`${configuration.label} crashed on ${source.name}`, { cause: error });
      }
      cpu[index] = (cpu[index] ?? 0) + cpuMs() - cpuStart;
      wall[index] = (wall[index] ?? 0) + performance.now() - wallStart;
      for (const message of messages) {
        if (message.fatal) parseErrors[index] = (parseErrors[index] ?? 0) + 1;
        else if (message.ruleId === configuration.ruleId) reports[index] = (reports[index] ?? 0) + 1;
      }
    }
  });
  return { wall, cpu, reports, parseErrors };
}

/**
 * One extra, untimed pass with ESLint's `stats`: the time spent inside the rule's own listeners and in
 * the parser, summed over the corpus (both measured in the same pass, so machine noise mostly cancels).
 */
function attributionPass(/** @type {(typeof configurations)[number]} */ configuration) {
  let parse = 0;
  let listeners = 0;
  for (const source of sources) {
    linter.verifyAndFix(source.text, configuration.config, { filename: source.name, stats: true, fix: false });
    const [first] = linter.getTimes().passes;
    parse += first?.parse?.total ?? 0;
    listeners += (configuration.ruleId && first?.rules?.[configuration.ruleId]?.total) || 0;
  }
  return { parse, listeners };
}

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const percent = (/** @type {number} */ value) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}%`;
if (!args["no-in-process"]) inProcess();
if (!args["no-cli"]) await commandLine();

function inProcess() {
console.error(`bench:lint: 1 warm-up + ${rounds} rounds over ${sources.length} files, ${configurations.length} configurations interleaved per file`);
const warm = round(0);
/** Per configuration index: one entry per round. */
const wallTimes = configurations.map(() => /** @type {number[]} */ ([]));
const cpuTimes = configurations.map(() => /** @type {number[]} */ ([]));
for (let roundIndex = 1; roundIndex <= rounds; roundIndex += 1) {
  const { wall, cpu } = round(roundIndex);
  configurations.forEach((_, index) => {
    wallTimes[index]?.push(wall[index] ?? Number.NaN);
    cpuTimes[index]?.push(cpu[index] ?? Number.NaN);
  });
  console.error(
    `  round ${roundIndex}/${rounds}: ` +
      configurations.map((c, index) => `${c.key} ${Math.round(wall[index] ?? 0)} ms wall / ${Math.round(cpu[index] ?? 0)} ms CPU`).join(", "),
  );
}
console.error("  attribution pass (ESLint stats)");
const attribution = configurations.map((configuration) => (configuration.ruleId ? attributionPass(configuration) : undefined));

const FLOOR = 0;
const RULE_INDEX = 1;
const UNICORN_INDEX = 2;

/** Added time of configuration `index` over the floor, by one clock: medians, and the median of per-round pairs. */
function added(/** @type {number[][]} */ times, /** @type {number} */ index) {
  const floorTimes = times[FLOOR] ?? [];
  const own = times[index] ?? [];
  const floorMedian = median(floorTimes);
  const ms = median(own) - floorMedian;
  const paired = median(own.map((value, r) => ((value - (floorTimes[r] ?? Number.NaN)) / (floorTimes[r] ?? Number.NaN)) * 100));
  return { ms, percentOfFloor: (ms / floorMedian) * 100, paired };
}

const cpus = os.cpus();
const headers = ["configuration", "wall ms", "files/s", "CPU ms", "reports"];
const rows = configurations.map((configuration, index) => {
  const wall = median(wallTimes[index] ?? []);
  return [
    configuration.label,
    `${Math.round(wall)}`,
    `${Math.round((sources.length / wall) * 1000)}`,
    `${Math.round(median(cpuTimes[index] ?? []))}`,
    configuration.ruleId === undefined ? "-" : `${warm.reports[index] ?? 0}`,
  ];
});
const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
const format = (/** @type {string[]} */ cells) =>
  cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");

/** @param {number} index */
const addedLine = (index) => {
  const wall = added(wallTimes, index);
  const cpu = added(cpuTimes, index);
  return (
    `${configurations[index]?.label} adds ${Math.round(wall.ms)} ms wall = ${percent(wall.percentOfFloor)} of the floor ` +
    `(paired per round ${percent(wall.paired)}); CPU: ${Math.round(cpu.ms)} ms = ${percent(cpu.percentOfFloor)} (paired ${percent(cpu.paired)})`
  );
};
/** @param {number} index */
const attributedLine = (index) => {
  const entry = attribution[index];
  if (!entry) return "";
  return (
    `${configurations[index]?.label}: ${Math.round(entry.listeners)} ms in its listeners = ` +
    `${percent((entry.listeners / entry.parse) * 100)} of that pass's parse time (${Math.round(entry.parse)} ms)`
  );
};

const ruleCpu = added(cpuTimes, RULE_INDEX);
const unicornCpu = added(cpuTimes, UNICORN_INDEX);
console.log(
  [
    `stable-schema lint benchmark: ${sources.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB from ${corpus.length} packages ` +
      `(${corpus.map((pkg) => pkg.id).join(", ")})`,
    `Node ${process.version}, ESLint ${Linter.version}, typescript-eslint parser without type information, ` +
      `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`,
    `1 warm-up + ${rounds} rounds, configurations interleaved per file, medians; parse errors per pass: ${warm.parseErrors[FLOOR] ?? 0}`,
    "",
    format(headers),
    format(widths.map((width) => "-".repeat(width))),
    ...rows.map(format),
    "",
    addedLine(RULE_INDEX),
    addedLine(UNICORN_INDEX),
    "ESLint stats (one extra pass):",
    `  ${attributedLine(RULE_INDEX)}`,
    `  ${attributedLine(UNICORN_INDEX)}`,
    `verdict (CPU, paired per round): ${RULE} adds ${percent(ruleCpu.paired)}, target ≤ +${TARGET_ADDED_PERCENT}%: ` +
      `${ruleCpu.paired <= TARGET_ADDED_PERCENT ? "met" : "NOT met"}; vs unicorn's ${percent(unicornCpu.paired)}: ` +
      `${ruleCpu.paired < unicornCpu.paired ? "less" : "NOT less"} (target: less)`,
  ].join("\n"),
);
}

/** CPU time of this process's waited-for children in ms (Linux /proc: cutime + cstime, in clock ticks of 10 ms). */
function childrenCpuMs() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Whole command-line runs: the `oxlint` binary with the plugin loaded through `jsPlugins`, and the
 * `eslint` binary, both with the rule alone on the same files (written once to a temporary directory),
 * interleaved per round. Reports both clocks and both linters' report counts.
 */
async function commandLine() {
  const require = createRequire(import.meta.url);
  const oxlintBin = path.join(path.dirname(require.resolve("oxlint/package.json")), "bin/oxlint");
  const eslintBin = path.join(path.dirname(require.resolve("eslint/package.json")), "bin/eslint.js");
  const oxlintVersion = JSON.parse(readFileSync(path.join(path.dirname(oxlintBin), "../package.json"), "utf8")).version;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "stable-schema-bench-cli-"));
  try {
    const filesDir = path.join(dir, "files");
    for (const source of sources) {
      const file = path.join(filesDir, source.name);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, source.text);
    }
    const pluginUrl = new URL("../dist/plugin.js", import.meta.url);
    await fs.writeFile(
      path.join(dir, "eslint.config.mjs"),
      `import plugin from ${JSON.stringify(pluginUrl.href)};\n` +
        `import { corpusLintConfig } from ${JSON.stringify(new URL("./corpus.mjs", import.meta.url).href)};\n` +
        `export default corpusLintConfig([{ plugins: { "stable-schema": plugin }, rules: { ${JSON.stringify(RULE_ID)}: "error" } }]);\n`,
    );
    await fs.writeFile(
      path.join(dir, ".oxlintrc.json"),
      JSON.stringify({ plugins: [], categories: { correctness: "off" }, jsPlugins: [fileURLToPath(pluginUrl)], rules: { [RULE_ID]: "error" } }),
    );
    const runs = [
      { label: `oxlint ${oxlintVersion} (jsPlugins)`, args: [oxlintBin, "-c", ".oxlintrc.json", "-f", "json", "files"], count: (out) => JSON.parse(out).diagnostics.length },
      { label: `eslint ${Linter.version} (CLI)`, args: [eslintBin, "-c", "eslint.config.mjs", "-f", "json", "files"], count: (out) => JSON.parse(out).reduce((n, r) => n + r.messages.filter((m) => m.ruleId === RULE_ID).length, 0) },
    ];
    const wall = runs.map(() => /** @type {number[]} */ ([]));
    const cpu = runs.map(() => /** @type {number[]} */ ([]));
    const reports = runs.map(() => 0);
    console.error(`bench:lint: command-line runs, 1 warm-up + ${rounds} rounds, ${runs.length} linters interleaved`);
    for (let roundIndex = 0; roundIndex <= rounds; roundIndex += 1) {
      for (let step = 0; step < runs.length; step += 1) {
        const index = (roundIndex + step) % runs.length;
        const run = runs[index];
        if (!run) continue;
        const cpuStart = childrenCpuMs();
        const wallStart = performance.now();
        const child = spawnSync(process.execPath, run.args, { cwd: dir, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
        const elapsed = performance.now() - wallStart;
        const cpuTime = childrenCpuMs() - cpuStart;
        if (child.error || child.signal || (child.status !== 0 && child.status !== 1)) {
          throw new Error(`${run.label} failed (${child.status ?? child.signal}): ${child.stderr.slice(0, 2000)}`);
        }
        // Every run must have linted: the same reports as the warm-up (a plugin that failed to load
        // would make a fast, empty run).
        const count = run.count(child.stdout);
        if (roundIndex === 0) {
          reports[index] = count;
          continue;
        }
        if (count !== reports[index]) throw new Error(`${run.label}: ${count} reports in round ${roundIndex}, ${reports[index]} in the warm-up`);
        wall[index]?.push(elapsed);
        cpu[index]?.push(cpuTime);
      }
      if (roundIndex > 0) {
        console.error(`  round ${roundIndex}/${rounds}: ` + runs.map((run, i) => `${run.label} ${Math.round(wall[i]?.at(-1) ?? 0)} ms wall`).join(", "));
      }
    }
    const headers = ["command line, rule alone", "wall ms", "files/s", "CPU ms", "reports"];
    const rows = runs.map((run, index) => {
      const w = median(wall[index] ?? []);
      return [run.label, `${Math.round(w)}`, `${Math.round((sources.length / w) * 1000)}`, `${Math.round(median(cpu[index] ?? []))}`, `${reports[index]}`];
    });
    const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
    const format = (/** @type {string[]} */ cells) =>
      cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
    const ratio = (/** @type {number[][]} */ times) => median(times[1] ?? []) / median(times[0] ?? []);
    console.log(
      [
        "",
        `command-line runs over the same ${sources.length} files (process start, config and file IO included; 1 warm-up + ${rounds} rounds, medians):`,
        format(headers),
        format(widths.map((width) => "-".repeat(width))),
        ...rows.map(format),
        `oxlint is ${ratio(wall).toFixed(2)}× faster by wall clock, ${ratio(cpu).toFixed(2)}× by CPU time` +
          (reports[0] === reports[1] ? "; same reports count" : `; report counts differ (${reports[0]} vs ${reports[1]})`),
      ].join("\n"),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

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
