// `npm run bench:monorepo` (after `npm run build`): `stable-schema migrate --dry packages` run from the
// root of the monorepo fixture (bench/monorepo-fixture.mjs, `--copies` times the components and
// handlers), as a user runs it. Variants, interleaved round by round so machine noise hits all alike:
//   types      default: each file's tsconfig, one program per pass level at a time (in-process)
//   no-types   --no-project, --jobs 1
//   no-types-2 --no-project, --jobs 2 (a worker pool)
// `--baseline <cli.js>` adds the types and no-types variants of another build (say, main's
// dist/codemods/cli.js) to the same rounds, for before/after numbers on a noisy machine.
// Wall time of the whole process (start-up, ESLint config and programs included) and files/s, median
// and range over the rounds; CPU seconds (user + system, less sensitive to other load than wall time)
// and peak RSS of the process, median.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeMonorepo } from "./monorepo-fixture.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");
const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "3" }, copies: { type: "string", default: "40" }, baseline: { type: "string" } },
});
const rounds = Number.parseInt(args.rounds ?? "3", 10);
const copies = Number.parseInt(args.copies ?? "40", 10);
// Printed by the measured process itself when it exits.
const usage =
  "data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();" +
  "process.stderr.write('\\nbench-usage '+((u.user+u.system)/1e6)+' '+process.resourceUsage().maxRSS+'\\n')})";

const root = mkdtempSync(path.join(os.tmpdir(), "stable-schema-bench-monorepo-"));
try {
  writeMonorepo(root, { copies });
  const variants = {
    types: [cli],
    "no-types": [cli, "--no-project", "--jobs", "1"],
    "no-types-2": [cli, "--no-project", "--jobs", "2"],
    ...(args.baseline
      ? { "base types": [path.resolve(args.baseline)], "base no-types": [path.resolve(args.baseline), "--no-project", "--jobs", "1"] }
      : {}),
  };
  const runs = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  let files = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [name, [script, ...extra]] of Object.entries(variants)) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [`--import=${usage}`, script, "migrate", "--dry", "--no-format", ...extra, "packages"], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        maxBuffer: 256 * 1024 * 1024,
      });
      const seconds = (performance.now() - started) / 1000;
      if (r.status !== 0) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
      files = Number(/files scanned\s+(\d+)/.exec(r.stderr)?.[1] ?? 0);
      const [, cpu, rss] = /bench-usage (\S+) (\d+)/.exec(r.stderr) ?? [];
      runs[name].push({ seconds, cpu: Number(cpu), rssMB: Number(rss) / 1024 });
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(`monorepo fixture: ${files} files (copies=${copies}), ${rounds} rounds, ${os.availableParallelism()} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
  for (const [name, list] of Object.entries(runs)) {
    const wall = list.map((r) => r.seconds);
    const m = median(wall);
    console.log(
      `  ${name.padEnd(13)} ${m.toFixed(2)}s  ${(files / m).toFixed(1)} files/s (${(files / Math.max(...wall)).toFixed(1)}–${(files / Math.min(...wall)).toFixed(1)})` +
        `  cpu ${median(list.map((r) => r.cpu)).toFixed(2)}s  rss ${median(list.map((r) => r.rssMB)).toFixed(0)} MB  (rounds: ${wall.map((t) => t.toFixed(2)).join(", ")})`,
    );
  }
  console.log(`  --jobs 2 / --jobs 1 (no types): ${(median(runs["no-types-2"].map((r) => r.seconds)) / median(runs["no-types"].map((r) => r.seconds))).toFixed(2)}x wall time`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
