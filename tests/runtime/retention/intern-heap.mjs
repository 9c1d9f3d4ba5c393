// Run by tests/runtime/retention.test.ts as `node --expose-gc intern-heap.mjs <runtime url> <case>`.
// Prints one JSON line: heap used before and after (both after full GCs) and the intern stats.
const [runtimeUrl, scenario] = process.argv.slice(2);
const { withKey, internStats } = await import(runtimeUrl);

async function settle() {
  // Two rounds: the first GC queues FinalizationRegistry callbacks, which run in a later task.
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

function freshRows(n) {
  // What the codemod writes for `rows.map((row) => z.string().refine((s) => s.startsWith(row.prefix)))`.
  for (let i = 0; i < n; i++) {
    // A fresh ~8 KB object per call (1,024 small integers: 8 bytes each, nothing shared between rows).
    const row = { prefix: `sku-${i}-`, history: Array.from({ length: 1024 }, (_, j) => i + j) };
    const check = withKey((s) => s.startsWith(row.prefix), ["import#isValidSku", row]);
    if (!check(`sku-${i}-1`)) throw new Error("wrong function");
  }
}

function bigStrings(n) {
  for (let i = 0; i < n; i++) {
    const big = `${i}:`.padEnd(5 * 1024 * 1024, "y"); // a fresh 5 MB string per call
    const check = withKey((s) => s === big, ["big#isSame", big]);
    if (check("nope")) throw new Error("wrong function");
  }
}

const before = await settle();
if (scenario === "rows") freshRows(10_000);
else if (scenario === "strings") bigStrings(100);
else throw new Error(`unknown scenario ${scenario}`);
const after = await settle();
process.stdout.write(JSON.stringify({ before, after, retained: after - before, stats: internStats() }) + "\n");
