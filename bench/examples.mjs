#!/usr/bin/env node
// What the migration buys on the example app (examples/app), measured: every handler of the app, run
// as written ("before") and as `stable-schema migrate` rewrites it ("after"), in one process:
//   calls/s          median of a few timed rounds (bench/runtime/harness.mjs);
//   retained heap    heap still in use after CALLS calls and a full GC, divided by the calls: what the
//                    library keeps per call for the life of the process (0 means nothing accumulates).
// Each migration the codemod CLI offers is one more column ("variants" below): a variant whose flag
// the CLI does not know yet is skipped, so new fixes (e.g. `--hoist-schemas`) appear once they exist.
//
// Used by `npm run demo` (scripts/demo.mjs) and by `npm run bench:examples`, which writes the JSON to
// docs/benchmarks/examples.json and the chart docs/benchmarks/examples.svg (scripts/benchmark-chart.mjs).
// Run with --expose-gc. Options: --json <file> (write the results), --quick (shorter rounds),
// --app <variant>=<dir> (measure an already migrated copy for that variant).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, readFileSync, statSync } from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { heapUsed, measure } from "./runtime/harness.mjs";
import { createRequire } from "node:module";

/**
 * One mounted component instance, rendered again and again: React's dispatcher slot is set to a minimal
 * hook state (useMemo recomputes only when its deps change, useState keeps its first value), the way a
 * renderer keeps a component's hooks between renders. The example components use no other hooks.
 */
function rerendering() {
  const internals = createRequire(import.meta.url)("react").__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  const slots = [];
  let index = 0;
  const sameDeps = (a, b) => a !== undefined && b !== undefined && a.length === b.length && a.every((v, k) => Object.is(v, b[k]));
  const dispatcher = {
    useMemo(create, deps) {
      const slot = slots[index++];
      if (slot && sameDeps(slot.deps, deps)) return slot.value;
      const value = create();
      slots[index - 1] = { value, deps };
      return value;
    },
    useState(init) {
      const at = index++;
      if (!(at in slots)) slots[at] = { value: typeof init === "function" ? init() : init };
      return [slots[at].value, () => undefined];
    },
  };
  return (render) => {
    const previous = internals.H;
    internals.H = dispatcher;
    index = 0;
    try {
      return render();
    } finally {
      internals.H = previous;
    }
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cliPath = path.join(root, "dist/codemods/cli.js");

/**
 * The migrations to compare with the app as written. `flags` are added to `stable-schema migrate`;
 * a variant is measured only when every flag appears in `stable-schema migrate --help`.
 */
export const variants = [
  { id: "closures", label: "after `migrate`", flags: [], explain: "inline closures hoisted or wrapped in withKey" },
  {
    id: "schemas",
    label: "after `migrate --hoist-schemas`",
    flags: ["--hoist-schemas"],
    explain: "schemas built inside functions also moved to module level",
  },
];

const tenants = ["acme", "globex", "initech"];

/**
 * One workload per handler of the example app: what one call is, and how to make it from the app's
 * modules (`app` maps a file under src/ to its module).
 */
export const workloads = [
  {
    id: "createUser",
    library: "zod",
    file: "handlers/users.ts",
    call: "one POST /users request",
    make: (app) => (i) => {
      const res = app["lib/http.js"].recordResponse();
      app["handlers/users.js"].createUser({ params: { tenant: tenants[i % 3] }, query: {}, body: { name: "Ada", email: "ada@example.com", age: 30, nickname: " ada " } }, res);
      return res.sent.status;
    },
  },
  {
    id: "listUsers",
    library: "zod",
    file: "handlers/users.ts",
    call: "one GET /users?limit=50 request",
    make: (app) => () => {
      const res = app["lib/http.js"].recordResponse();
      app["handlers/users.js"].listUsers({ params: {}, query: { limit: "50" }, body: undefined }, res);
      return res.sent.status;
    },
  },
  {
    id: "importRows",
    library: "valibot",
    file: "jobs/import.ts",
    call: "one batch of 4 rows",
    // Printed by the demo when the handler is slower after the migration.
    slower: "its withKey key holds `row`, an object that is new for every row, so every row misses and pays for the lookup on top",
    make: (app) => (i) =>
      app["jobs/import.js"].importRows([
        { sku: ` ab-${i} `, prefix: "ab", quantity: 3 },
        { sku: "cd-2", prefix: "ab", quantity: 1 },
        { sku: "cd-3", prefix: "cd", quantity: 0 },
        { sku: "cd-4", prefix: "CD", quantity: 9 },
      ]).rejected,
  },
  {
    id: "SignupForm",
    library: "yup",
    file: "components/SignupForm.tsx",
    call: "one render",
    // Re-renders of one mounted instance (the useMemo the schema fixes write keeps its value across them).
    make: (app) => {
      const instance = rerendering();
      return (i) => instance(() => app["components/SignupForm.js"].SignupForm({ values: { username: `user${i & 7}`, password: "s3cret" }, reservedNames: ["admin", "root"] }));
    },
  },
  {
    id: "OrderDesk",
    library: "arktype",
    file: "models/order.ts",
    call: "one new OrderDesk(…).accepts(line)",
    make: (app) => (i) => new app["models/order.js"].OrderDesk(10 + (i & 3)).accepts({ sku: "a", quantity: 5 }),
  },
];

function listSources(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listSources(full, path.join(prefix, name));
    return /\.tsx?$/.test(name) ? [path.join(prefix, name)] : [];
  });
}

/** Transpiles an app copy's src/ (no type check) to ES modules in `outDir`, which must sit below a node_modules link. */
async function transpileApp(appDir, outDir) {
  const { default: ts } = await import("typescript");
  const src = path.join(appDir, "src");
  for (const file of listSources(src)) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(src, file), "utf8"), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.ReactJSX, verbatimModuleSyntax: true },
      fileName: file,
    });
    const out = path.join(outDir, file.replace(/\.tsx?$/, ".js"));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  writeFileSync(path.join(outDir, "package.json"), JSON.stringify({ type: "module" }));
}

/** The transpiled app's modules, by path under src/ (`handlers/users.js`). */
async function importApp(outDir) {
  const app = {};
  for (const id of listFiles(outDir).filter((file) => file.endsWith(".js"))) app[id] = await import(pathToFileURL(path.join(outDir, id)).href);
  return app;
}

function listFiles(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/**
 * One workload on one transpiled app, in this process (a fresh one per measurement, so the JIT's
 * feedback from one variant cannot slow down or speed up another).
 */
async function measureOne(outDir, workloadId, { rounds, roundMs, callsForHeap: calls }) {
  const workload = workloads.find((w) => w.id === workloadId);
  const fn = workload.make(await importApp(outDir));
  fn(0);
  const samples = [];
  for (let round = 0; round < rounds; round++) samples.push(measure(fn, { rounds: 1, roundMs }));
  const ns = samples.sort((a, b) => a - b)[Math.floor(rounds / 2)];
  // Retained heap: after a warm-up window, the smaller of two measured windows, so that one-time
  // allocations (compiled code, lazily built library state) and garbage a GC has not reclaimed yet
  // do not count; what a library keeps for every call is there both times.
  for (let i = 0; i < calls; i++) fn(i);
  let least = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = heapUsed();
    for (let i = 0; i < calls; i++) fn(i);
    least = Math.min(least, Math.max(0, heapUsed() - before));
  }
  return { callsPerSecond: Math.round(1e9 / ns), retainedBytesPerCall: Math.round(least / calls) };
}

/** Flags `stable-schema migrate` accepts, from its --help text. */
function knownFlags() {
  const help = spawnSync(process.execPath, [cliPath, "migrate", "--help"], { encoding: "utf8" });
  return `${help.stdout}\n${help.stderr}`;
}

/** Copies examples/app to `dir` and migrates it with `flags` (no --project: the types come from --project below). */
export function migrateCopy(dir, flags = []) {
  cpSync(path.join(root, "examples/app"), dir, { recursive: true });
  const child = spawnSync(process.execPath, [cliPath, "migrate", dir, "--force", "--project", path.join(dir, "tsconfig.json"), ...flags], {
    encoding: "utf8",
  });
  if (child.status !== 0 && child.status !== 1) throw new Error(`stable-schema migrate ${flags.join(" ")} failed (${child.status}): ${child.stderr}`);
  return dir;
}

/**
 * Measures every workload on the app as written and on every available variant. `appDirs` may
 * supply already migrated copies (`{ closures: dir }`); the others are made here.
 */
export async function measureExamples({ quick = false, appDirs = {}, log = () => {} } = {}) {
  if (typeof globalThis.gc !== "function") throw new Error("bench/examples.mjs needs node --expose-gc");
  if (!existsSync(cliPath)) throw new Error("dist/codemods/cli.js is missing: run `npm run build`");
  const work = mkdtempSync(path.join(os.tmpdir(), "stable-schema-examples-"));
  try {
    // Copies resolve zod & co. (and the `stable-schema` runtime the migration imports) through one link.
    symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"), "dir");
    const help = knownFlags();
    const available = variants.filter((variant) => variant.flags.every((flag) => help.includes(flag)));
    const columns = [{ id: "before", label: "as written", flags: [], explain: "the example app as committed" }, ...available];
    const outDirs = {};
    for (const column of columns) {
      const dir = column.id === "before" ? path.join(root, "examples/app") : (appDirs[column.id] ?? migrateCopy(path.join(work, `app-${column.id}`), column.flags));
      outDirs[column.id] = path.join(work, `js-${column.id}`);
      await transpileApp(dir, outDirs[column.id]);
    }
    const method = { rounds: quick ? 3 : 5, roundMs: quick ? 60 : 120, callsForHeap: quick ? 300 : 1000, repeats: quick ? 1 : 2 };
    const rows = [];
    for (const workload of workloads) {
      const results = {};
      // One process per measurement; repeats alternate the order of the columns, and the best of them
      // counts (a busy stretch of the shared machine only ever makes a run slower).
      for (let repeat = 0; repeat < method.repeats; repeat++) {
        const order = repeat % 2 === 0 ? columns : [...columns].reverse();
        for (const column of order) {
          const child = spawnSync(
            process.execPath,
            ["--expose-gc", fileURLToPath(import.meta.url), "--worker", outDirs[column.id], workload.id, JSON.stringify(method)],
            { encoding: "utf8" },
          );
          if (child.status !== 0) throw new Error(`measuring ${workload.id} (${column.id}) failed: ${child.stderr}`);
          const measured = JSON.parse(child.stdout);
          const best = results[column.id];
          results[column.id] = best
            ? {
                callsPerSecond: Math.max(best.callsPerSecond, measured.callsPerSecond),
                retainedBytesPerCall: Math.min(best.retainedBytesPerCall, measured.retainedBytesPerCall),
              }
            : measured;
        }
      }
      for (const column of columns) {
        log(`  ${workload.id} ${column.id}: ${results[column.id].callsPerSecond} calls/s, ${results[column.id].retainedBytesPerCall} B/call retained`);
      }
      rows.push({
        handler: workload.id,
        library: workload.library,
        file: `examples/app/src/${workload.file}`,
        call: workload.call,
        ...(workload.slower ? { slower: workload.slower } : {}),
        results,
      });
    }
    return {
      node: process.version,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}`,
      method,
      columns: columns.map(({ id, label, flags, explain }) => ({ id, label, flags, explain })),
      skipped: variants.filter((variant) => !available.includes(variant)).map(({ id, label, flags, explain }) => ({ id, label, flags, explain })),
      rows,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--worker") {
  const [, , , outDir, workloadId, method] = process.argv;
  process.stdout.write(JSON.stringify(await measureOne(outDir, workloadId, JSON.parse(method))));
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { json: { type: "string" }, quick: { type: "boolean", default: false }, app: { type: "string", multiple: true } },
  });
  // --app closures=<dir>: an already migrated copy for that variant (the demo passes its own).
  const appDirs = Object.fromEntries((values.app ?? []).map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]));
  const result = await measureExamples({ quick: values.quick, appDirs, log: (line) => console.error(line) });
  const text = `${JSON.stringify(result, null, 2)}\n`;
  if (values.json) writeFileSync(values.json, text);
  else process.stdout.write(text);
}
