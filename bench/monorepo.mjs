// `npm run bench:monorepo` (after `npm run build`): `stable-schema migrate --dry packages` run from the
// root of the monorepo fixture (bench/monorepo-fixture.mjs, `--copies` times the components and
// handlers), as a user runs it. Variants, interleaved round by round so machine noise hits all alike:
//   types      default: each file's tsconfig, one program at a time (in-process)
//   no-types   --no-project, --jobs 1
//   no-types-2 --no-project, --jobs 2 (a worker pool)
// Wall time of the whole process (start-up, ESLint config and programs included) and files/s, median
// over the rounds.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeMonorepo } from "./monorepo-fixture.mjs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(repoRoot, "dist/codemods/cli.js");
const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "3" }, copies: { type: "string", default: "40" } } });
const rounds = Number.parseInt(args.rounds ?? "3", 10);
const copies = Number.parseInt(args.copies ?? "40", 10);

const root = mkdtempSync(path.join(os.tmpdir(), "stable-schema-bench-monorepo-"));
try {
  writeMonorepo(root, { copies });
  const variants = {
    types: [],
    "no-types": ["--no-project", "--jobs", "1"],
    "no-types-2": ["--no-project", "--jobs", "2"],
  };
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  let files = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [name, extra] of Object.entries(variants)) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [cli, "migrate", "--dry", "--no-format", ...extra, "packages"], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      const seconds = (performance.now() - started) / 1000;
      if (r.status !== 0) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
      files = Number(/files scanned\s+(\d+)/.exec(r.stderr)?.[1] ?? 0);
      times[name].push(seconds);
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  console.log(`monorepo fixture: ${files} files (copies=${copies}), ${rounds} rounds, ${os.availableParallelism()} CPUs`);
  for (const [name, list] of Object.entries(times)) {
    const m = median(list);
    console.log(`  ${name.padEnd(11)} ${m.toFixed(2)}s  ${(files / m).toFixed(1)} files/s  (rounds: ${list.map((t) => t.toFixed(2)).join(", ")})`);
  }
  console.log(`  --jobs 2 / --jobs 1 (no types): ${(median(times["no-types-2"]) / median(times["no-types"])).toFixed(2)}x wall time`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
