// `npm run bench:profile`: the profiler's overhead on the example app's request loop (its HTTP
// handlers, one request per input: serveRequests in examples/app/src/index.ts), as the issue asks:
// ≤ 10% in profile mode, nothing when it is not loaded (the transform is not loaded at all then).
//
// Each round runs the loop in two fresh processes, interleaved: `node --import tsx` (baseline) and
// `node --import tsx --import eslint-plugin-stable-schema/register` (profile mode); each times the
// loop by its own process CPU time after a warm-up. The ratio reported is the median of the
// per-round ratios, so both sides see the same machine load.
//
// Options: --rounds N (default 7), --iterations N (default 400 loops per measurement).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "7" }, iterations: { type: "string", default: "400" } } });
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const app = path.join(root, "examples/app");
const loop = path.join(root, "bench/profile/loop.mjs");
const register = path.join(root, "dist/lib/instrument/register.js");

function measure(profile) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", ...(profile ? ["--import", register] : []), loop, path.join(app, "src/index.ts"), args.iterations],
    { cwd: app, env: { ...process.env, NODE_OPTIONS: "", STABLE_SCHEMA_PROFILE_QUIET: "1", TSX_TSCONFIG_PATH: path.join(app, "tsconfig.json") }, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").pop()).usPerLoop;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratios = [];
const base = [];
const prof = [];
for (let round = 0; round < Number(args.rounds); round++) {
  // Alternate which side goes first.
  const profileFirst = round % 2 === 1;
  const b = profileFirst ? measure(true) : undefined;
  const a = measure(false);
  const p = b ?? measure(true);
  base.push(a);
  prof.push(p);
  ratios.push(p / a);
}
const overhead = (median(ratios) - 1) * 100;
console.log("profiler overhead on examples/app serveRequests (11 requests per loop, every schema built per request)");
console.log(`  baseline (tsx)        ${median(base).toFixed(1)} µs/loop CPU (median of ${ratios.length})`);
console.log(`  profile mode          ${median(prof).toFixed(1)} µs/loop CPU`);
console.log(`  overhead              ${overhead.toFixed(1)}% (median of per-round ratios; target ≤ 10%)`);
console.log(`  per-round ratios      ${ratios.map((r) => r.toFixed(3)).join(" ")}`);
console.log("  disabled              0% by construction: without --import …/register (or the Vite plugin) no transform is loaded");
