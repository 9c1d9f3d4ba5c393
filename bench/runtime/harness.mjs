// A small timing harness: calibrate a batch size, warm up, then the median ns/op of a few rounds.
export let sink;

/** Median nanoseconds per call of fn(i) over `rounds` rounds of about `roundMs` each. */
export function measure(fn, { rounds = 5, roundMs = 120 } = {}) {
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) sink = fn(i);
    if (performance.now() - t0 > 15 || batch >= 1 << 24) break;
    batch *= 2;
  }
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    let elapsed;
    do {
      for (let i = 0; i < batch; i++) sink = fn(i);
      n += batch;
      elapsed = performance.now() - t0;
    } while (elapsed < roundMs);
    samples.push((elapsed * 1e6) / n);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export function heapUsed() {
  if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc");
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const fmtNs = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);
export const fmtOps = (ns) => {
  const ops = 1e9 / ns;
  return ops >= 1e6 ? `${(ops / 1e6).toFixed(2)}M ops/s` : ops >= 1e3 ? `${(ops / 1e3).toFixed(1)}k ops/s` : `${ops.toFixed(0)} ops/s`;
};

/** Print an aligned table (first column left-aligned). */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const [k, row] of rows.entries()) {
    console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  "));
    if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}
