#!/usr/bin/env node
// Runtime benchmarks: `npm run build && npm run bench:runtime` (node --expose-gc bench/runtime.mjs).
// Imports the runtime from lib/runtime/dist/. Ratios are measured within this one run; absolute numbers depend
// on the machine and its load. Timing: median ns/op of 5 rounds (bench/runtime/harness.mjs).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fmtNs, fmtOps, heapUsed, mb, measure, table } from "./runtime/harness.mjs";
import { bigSchema, smallSchema, userSchema } from "./runtime/schemas.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "lib/runtime/dist/esm/index.js");
if (!existsSync(dist)) {
  console.error("bench:runtime: lib/runtime/dist/esm/index.js is missing; run `npm run build` first.");
  process.exit(1);
}
const { withKey, schemaKey, createSchemaCache, schemaFactory, internStats, resetIntern, configureWithKey } = await import(pathToFileURL(dist).href);
const started = performance.now();
const quick = process.argv.includes("--quick");

console.log(`stable-schema runtime benchmarks — node ${process.version}, ${process.platform}/${process.arch}${quick ? " (--quick)" : ""}`);

// ---------------------------------------------------------------------------------------------
console.log("\n## withKey on a hit");
{
  resetIntern();
  let bare = 0;
  const tBare = measure((i) => {
    const n = i & 7;
    bare = (x) => x > n;
    return bare;
  });
  const tKey = measure((i) => {
    const n = i & 7;
    return withKey((x) => x > n, ["gt", n]);
  });
  const tJson = measure((i) => JSON.stringify(["gt", i & 7]));
  const s = internStats();
  table([
    ["operation", "time/op", "vs bare closure"],
    ["create the closure bare: (x) => x > n", fmtNs(tBare), "1.0×"],
    ['withKey((x) => x > n, ["gt", n]) (hit)', fmtNs(tKey), `${(tKey / tBare).toFixed(1)}×`],
    ['JSON.stringify(["gt", n])', fmtNs(tJson), `${(tJson / tBare).toFixed(1)}×`],
  ]);
  console.log(`withKey vs JSON.stringify(key): ${(tKey / tJson).toFixed(2)}×; intern table: ${s.hits} hits, ${s.misses} misses, ${s.collisions} collisions`);
}

// ---------------------------------------------------------------------------------------------
console.log("\n## schemaKey vs JSON.stringify (JSON-only schemas; target ≤ 2×)");
{
  const cases = [
    ["small: { type, minLength, maxLength }", smallSchema()],
    ["user object schema (10 properties, nested)", userSchema()],
    ["1 MB schema (definitions of user schemas)", bigSchema(1024 * 1024)],
  ];
  const rows = [["schema", "JSON bytes", "JSON.stringify", "schemaKey", "ratio", "target ≤ 2×"]];
  for (const [name, schema] of cases) {
    // Interleave the two measurements and take the median ratio: robust against machine load.
    const ratios = [];
    const js = [];
    const sk = [];
    for (let r = 0; r < 5; r++) {
      const a = measure(() => JSON.stringify(schema), { rounds: 1, roundMs: 100 });
      const b = measure(() => schemaKey(schema), { rounds: 1, roundMs: 100 });
      js.push(a);
      sk.push(b);
      ratios.push(b / a);
    }
    const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const ratio = med(ratios);
    rows.push([name, String(JSON.stringify(schema).length), fmtNs(med(js)), fmtNs(med(sk)), `${ratio.toFixed(2)}×`, ratio <= 2 ? "PASS" : "FAIL"]);
  }
  table(rows);
  const typebox = await import("@sinclair/typebox");
  const T = typebox.Type;
  const tb = T.Object({ id: T.String({ format: "uuid" }), name: T.String({ minLength: 1 }), age: T.Integer({ minimum: 0 }), tags: T.Array(T.String()) });
  const a = measure(() => JSON.stringify(tb));
  const b = measure(() => schemaKey(tb));
  console.log(`TypeBox schema (symbol Kind keys: general encoder, not the JSON fast path): JSON.stringify ${fmtNs(a)}, schemaKey ${fmtNs(b)} (${(b / a).toFixed(2)}×)`);
}

// ---------------------------------------------------------------------------------------------
console.log("\n## createSchemaCache.get (hit) vs Map.get(JSON.stringify(schema))");
{
  const schema = userSchema();
  const cache = createSchemaCache();
  cache.get(schema, () => "compiled");
  const map = new Map([[JSON.stringify(schema), "compiled"]]);
  const fresh = () => userSchema(); // an equal schema rebuilt per lookup
  const tCache = measure(() => cache.get(schema, () => "compiled"));
  const tMap = measure(() => map.get(JSON.stringify(schema)));
  const tCacheFresh = measure(() => cache.get(fresh(), () => "compiled"));
  const tMapFresh = measure(() => map.get(JSON.stringify(fresh())));
  table([
    ["lookup (user schema, hit)", "createSchemaCache.get", "Map.get(JSON.stringify)", "ratio"],
    ["same schema object", fmtNs(tCache), fmtNs(tMap), `${(tCache / tMap).toFixed(2)}×`],
    ["equal schema rebuilt per lookup", fmtNs(tCacheFresh), fmtNs(tMapFresh), `${(tCacheFresh / tMapFresh).toFixed(2)}×`],
  ]);
  console.log(`cache stats: ${JSON.stringify(cache.stats())}`);
}

// ---------------------------------------------------------------------------------------------
const N = quick ? 100_000 : 1_000_000;
console.log(`\n## memory stays flat: ${N.toLocaleString("en-US")} distinct keys`);
{
  resetIntern();
  const make = (i) => withKey((x) => x + i, ["add", i]);
  const h0 = heapUsed();
  let t0 = performance.now();
  for (let i = 0; i < N; i++) make(i);
  const t1 = performance.now() - t0;
  const h1 = heapUsed();
  const s = internStats();

  const cache = createSchemaCache();
  const h2 = heapUsed();
  t0 = performance.now();
  for (let i = 0; i < N; i++) cache.get({ type: "integer", minimum: i }, (schema) => ({ compiled: schema.minimum }));
  const t2 = performance.now() - t0;
  const h3 = heapUsed();
  const c = cache.stats();
  table([
    ["workload", "heap before", "heap after", "retained", "size / evictions", "time"],
    [`withKey, ${N.toLocaleString("en-US")} distinct keys (max ${s.max})`, mb(h0), mb(h1), mb(h1 - h0), `${s.size} / ${s.evictions}`, `${(t1 / 1000).toFixed(2)} s`],
    [`createSchemaCache, ${N.toLocaleString("en-US")} distinct schemas (max 1000)`, mb(h2), mb(h3), mb(h3 - h2), `${c.size} / ${c.evictions}`, `${(t2 / 1000).toFixed(2)} s`],
  ]);
  resetIntern();
  configureWithKey({ max: 10_000 });
}

// ---------------------------------------------------------------------------------------------
console.log("\n## end to end per library: handler that builds its schema per call vs after the fix");
{
  const { z } = await import("zod");
  const v = await import("valibot");
  const { type } = await import("arktype");
  const { Ajv } = await import("ajv");

  const input = { name: "Ann", age: 42 };
  const CALLS = quick ? 200 : 2_000;
  const BUDGET_MS = quick ? 1_500 : 8_000;

  /**
   * Run `handler` up to CALLS times (stopping after BUDGET_MS); heap retained (after GC). ops/s: from
   * that loop for slow handlers, from the timing harness (median of 3 rounds) for fast ones.
   */
  function run(handler) {
    for (let i = 0; i < 5; i++) handler(18 + (i % 3)); // warm-up
    const h0 = heapUsed();
    const t0 = performance.now();
    let calls = 0;
    while (calls < CALLS && performance.now() - t0 < BUDGET_MS) {
      handler(18 + (calls % 3)); // three distinct `min` values, like a few routes/tenants
      calls++;
    }
    const elapsed = performance.now() - t0;
    const h1 = heapUsed();
    const loopOps = (calls * 1000) / elapsed;
    const opsPerSec = elapsed < 500 ? 1e9 / measure((i) => handler(18 + (i % 3)), { rounds: 3, roundMs: 150 }) : loopOps;
    return { calls, opsPerSec, retained: h1 - h0 };
  }

  const libs = [
    {
      name: "zod 4",
      before: (min) => z.object({ name: z.string().min(1), age: z.number().refine((n) => n >= min) }).parse(input),
      fix: "schemaFactory",
      after: (() => {
        const userFor = schemaFactory((min) => z.object({ name: z.string().min(1), age: z.number().refine((n) => n >= min) }));
        return (min) => userFor(min).parse(input);
      })(),
    },
    {
      name: "valibot 1",
      before: (min) => v.parse(v.object({ name: v.pipe(v.string(), v.minLength(1)), age: v.pipe(v.number(), v.check((n) => n >= min)) }), input),
      fix: "schemaFactory",
      after: (() => {
        const userFor = schemaFactory((min) => v.object({ name: v.pipe(v.string(), v.minLength(1)), age: v.pipe(v.number(), v.check((n) => n >= min)) }));
        return (min) => v.parse(userFor(min), input);
      })(),
    },
    {
      name: "arktype 2",
      before: (min) => type({ name: "string > 0", age: type("number").narrow((n) => n >= min) }).assert(input),
      fix: "withKey (type() still per call)",
      after: (min) => type({ name: "string > 0", age: type("number").narrow(withKey((n) => n >= min, ["age>=", min])) }).assert(input),
    },
    {
      name: "arktype 2",
      before: null,
      fix: "schemaFactory",
      after: (() => {
        const userFor = schemaFactory((min) => type({ name: "string > 0", age: type("number").narrow((n) => n >= min) }));
        return (min) => userFor(min).assert(input);
      })(),
    },
    (() => {
      const ajv = new Ajv();
      const ajvFixed = new Ajv();
      const schemaFor = (min) => ({ type: "object", properties: { name: { type: "string", minLength: 1 }, age: { type: "number", minimum: min } }, required: ["name", "age"] });
      const compiled = createSchemaCache({ max: 100 });
      return {
        name: "ajv 8",
        before: (min) => {
          const validate = ajv.compile(schemaFor(min)); // fresh schema object: ajv's identity cache misses
          if (!validate(input)) throw new Error("invalid");
        },
        fix: "createSchemaCache (schemaKey)",
        after: (min) => {
          const validate = compiled.get(schemaFor(min), (s) => ajvFixed.compile(s));
          if (!validate(input)) throw new Error("invalid");
        },
      };
    })(),
  ];

  const rows = [["library", "fix", "before: calls", "before ops/s", "before retained", "after: calls", "after ops/s", "after retained", "speed-up"]];
  let lastBefore = null;
  for (const lib of libs) {
    resetIntern();
    const before = lib.before === null ? lastBefore : run(lib.before);
    lastBefore = before;
    const after = run(lib.after);
    rows.push([
      lib.name,
      lib.fix,
      lib.before === null ? "(same)" : String(before.calls),
      fmtOps(1e9 / before.opsPerSec),
      lib.before === null ? "" : `${mb(before.retained)} (${(before.retained / before.calls / 1024).toFixed(1)} KB/call)`,
      String(after.calls),
      fmtOps(1e9 / after.opsPerSec),
      mb(after.retained),
      `${(after.opsPerSec / before.opsPerSec).toFixed(0)}×`,
    ]);
  }
  table(rows);
  console.log(`(each handler: up to ${CALLS} calls or ${BUDGET_MS / 1000} s, whichever comes first; "calls" is what ran. Retained = heap after GC minus before.)`);
}

console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
