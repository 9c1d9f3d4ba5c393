// `npm run bench:codemod` (after `npm run build`): how fast `stable-schema migrate` runs end to end,
// against jscodeshift running an identity transform over the same files.
//
//   cli        node dist/codemods/cli.js migrate --force --jobs N --report … <copy>
//              (the real thing: discovery, prefilter, parse + plan the candidates, atomic writes)
//   baseline   node node_modules/jscodeshift/bin/jscodeshift.js --no-babel --dry --cpus=N -t identity.mjs <copy>
//              identity.mjs parses every file the way jscodeshift transforms normally do and prints it
//              back: `api.jscodeshift(file.source).toSource()` with parser tsx. --no-babel and --dry give
//              the baseline its best case (no babel-register start-up, no writes).
//
// Both get their own fresh copy of the corpus in a temp dir for every round (the CLI rewrites files),
// the same extensions and the same worker count. jscodeshift caps its workers at CPUs − 1, so N is
// min(requested, CPUs − 1, 1 at least) for both. Times are wall-clock for the whole process (start-up
// included), median over the rounds; copying is not timed.
//
// Options:
//   --rounds R         rounds per tool (default 3)
//   --jobs N           requested workers (default 2)
//   --only a,b         a subset of the corpus (bench/corpus.mjs names or name@version)
//   --dir <path>       benchmark a local directory instead of the corpus (e.g. node_modules/zod/src)
import { spawnSync } from "node:child_process";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");
const jscodeshiftBin = path.join(repoRoot, "node_modules/jscodeshift/bin/jscodeshift.js");
const TARGET_RATIO = 1.0;
const SOURCE_EXTENSIONS = new Set(["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"]);

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    jobs: { type: "string", default: "2" },
    only: { type: "string" },
    dir: { type: "string" },
  },
});
const rounds = Number.parseInt(args.rounds ?? "3", 10);
const requestedJobs = Number.parseInt(args.jobs ?? "2", 10);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${args.rounds}`);
if (!Number.isInteger(requestedJobs) || requestedJobs < 1) throw new Error(`--jobs must be a positive integer, got ${args.jobs}`);
const jobs = Math.max(1, Math.min(requestedJobs, os.cpus().length - 1));

try {
  await fs.access(cli);
} catch {
  throw new Error(`${path.relative(process.cwd(), cli)} is missing: run \`npm run build\` first`);
}

/** @returns {Promise<Array<{ id: string; dir: string; files: string[] }>>} */
async function loadInput() {
  if (args.dir) {
    const dir = path.resolve(args.dir);
    const files = [];
    for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath ?? entry.path, entry.name);
      if (path.relative(dir, full).split(path.sep).includes("node_modules")) continue;
      if (SOURCE_EXTENSIONS.has(path.extname(entry.name).slice(1))) files.push(full);
    }
    return [{ id: path.relative(repoRoot, dir) || dir, dir, files: files.sort() }];
  }
  const { loadCorpus } = await import("./corpus.mjs");
  const corpus = await loadCorpus({
    only: args.only ? args.only.split(",") : undefined,
    log: (message) => console.error(message),
  });
  return corpus.map((pkg) => ({ id: pkg.id, dir: pkg.dir, files: pkg.files }));
}

const input = await loadInput();
const entries = input.flatMap((pkg) =>
  pkg.files.map((file) => ({
    from: file,
    to: path.join(pkg.id.replaceAll("/", "__"), path.relative(pkg.dir, file)),
  })),
);
if (entries.length === 0) throw new Error("no source files to benchmark");
const extensions = [...new Set(entries.map((e) => path.extname(e.from).slice(1)))].sort();
let bytes = 0;
for (const entry of entries) bytes += (await fs.stat(entry.from)).size;

const work = await fs.mkdtemp(path.join(os.tmpdir(), "stable-schema-bench-codemod-"));
const identity = path.join(work, "identity.mjs");
await fs.writeFile(
  identity,
  [
    "// jscodeshift identity transform: parse (tsx) and print back, what any recast-based transform pays.",
    'export const parser = "tsx";',
    "export default function identity(file, api) {",
    "  return api.jscodeshift(file.source).toSource();",
    "}",
    "",
  ].join("\n"),
);

/** A fresh copy of the input under `work/<name>`, returned as the directory to run on. */
async function freshCopy(name) {
  const root = path.join(work, name);
  await fs.rm(root, { recursive: true, force: true });
  for (const entry of entries) {
    const to = path.join(root, entry.to);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.copyFile(entry.from, to);
  }
  return root;
}

function timed(command, commandArgs) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [command, ...commandArgs], {
    cwd: work,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", CI: "1" },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tools = {
  cli: {
    label: `stable-schema migrate --force --jobs ${jobs}`,
    async run() {
      const dir = await freshCopy("cli");
      const report = path.join(work, "report.json");
      const r = timed(cli, ["migrate", "--force", "--jobs", String(jobs), "--extensions", extensions.join(","), "--report", report, dir]);
      if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI exited with ${r.status}:\n${r.stderr}`);
      const { totals } = JSON.parse(await fs.readFile(report, "utf8"));
      return { seconds: r.seconds, detail: totals };
    },
  },
  baseline: {
    label: `jscodeshift --no-babel --dry --cpus=${jobs} -t identity.mjs (parse + print, parser tsx)`,
    async run() {
      const dir = await freshCopy("jscodeshift");
      const r = timed(jscodeshiftBin, [
        "--no-babel",
        "--dry",
        `--cpus=${jobs}`,
        `--extensions=${extensions.join(",")}`,
        "--ignore-pattern=**/node_modules/**",
        "-t",
        identity,
        dir,
      ]);
      if (r.status !== 0) throw new Error(`jscodeshift exited with ${r.status}:\n${r.stderr}`);
      const count = (label) => Number(new RegExp(`^(\\d+) ${label}$`, "m").exec(r.stdout)?.[1] ?? NaN);
      return {
        seconds: r.seconds,
        detail: { errors: count("errors"), unmodified: count("unmodified"), skipped: count("skipped"), ok: count("ok") },
      };
    },
  },
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

console.log(`stable-schema codemod benchmark`);
console.log(`  input     ${input.map((p) => p.id).join(", ")}`);
console.log(`  files     ${entries.length} (${(bytes / 1024 / 1024).toFixed(1)} MB; extensions ${extensions.join(",")})`);
console.log(
  `  workers   ${jobs}${jobs < requestedJobs ? ` (asked for ${requestedJobs}; jscodeshift uses at most CPUs − 1 = ${os.cpus().length - 1})` : ""}`,
);
console.log(`  rounds    ${rounds} per tool, alternating, median reported; node ${process.version}, ${os.cpus().length} CPUs`);
console.log("");

/** @type {Record<string, number[]>} */
const times = { cli: [], baseline: [] };
/** @type {Record<string, unknown>} */
const details = {};
try {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ["cli", "baseline"] : ["baseline", "cli"];
    for (const key of order) {
      const { seconds, detail } = await tools[key].run();
      times[key].push(seconds);
      details[key] = detail;
      console.error(`  round ${round + 1}/${rounds} ${key.padEnd(8)} ${seconds.toFixed(2)} s`);
    }
  }
} finally {
  await fs.rm(work, { recursive: true, force: true });
}

const cliSeconds = median(times.cli);
const baseSeconds = median(times.baseline);
const rate = (seconds) => entries.length / seconds;
const ratio = cliSeconds / baseSeconds;

console.log("");
console.log(`  ${"tool".padEnd(10)} ${"median s".padStart(9)} ${"files/s".padStart(9)}   what it runs`);
console.log(`  ${"cli".padEnd(10)} ${cliSeconds.toFixed(2).padStart(9)} ${rate(cliSeconds).toFixed(1).padStart(9)}   ${tools.cli.label}`);
console.log(
  `  ${"baseline".padEnd(10)} ${baseSeconds.toFixed(2).padStart(9)} ${rate(baseSeconds).toFixed(1).padStart(9)}   ${tools.baseline.label}`,
);
console.log("");
console.log(`  cli totals       ${JSON.stringify(details.cli)}`);
console.log(`  baseline counts  ${JSON.stringify(details.baseline)}`);
console.log("");
console.log(
  `  ratio = cli time / baseline time = ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO.toFixed(1)}): ${
    ratio <= TARGET_RATIO ? "OK" : "SLOWER THAN THE BASELINE"
  }`,
);
