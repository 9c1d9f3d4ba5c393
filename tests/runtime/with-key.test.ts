import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { configureWithKey, DEFAULT_INTERN_MAX, DEFAULT_INTERN_MAX_BYTES, internStats, keyOf, resetIntern, schemaKey, withKey } from "../../lib/runtime/index.js";

/** Collect the process warnings emitted while `run` executes (emitWarning delivers on nextTick). */
async function warningsDuring(run: () => void): Promise<Error[]> {
  const seen: Error[] = [];
  const listener = (w: Error): void => {
    seen.push(w);
  };
  process.on("warning", listener);
  try {
    run();
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    process.off("warning", listener);
  }
  return seen.filter((w) => w.name === "StableSchemaWarning");
}

beforeEach(() => {
  configureWithKey({ max: DEFAULT_INTERN_MAX, warn: true });
  resetIntern();
});
afterEach(() => {
  configureWithKey({ max: DEFAULT_INTERN_MAX, warn: true });
});

describe("withKey: interning", () => {
  const gt = (n: number) => withKey((x: number) => x > n, ["gt", n]);

  it("returns the same function object for the same code and captured values", () => {
    const a = gt(5);
    const b = gt(5);
    expect(b).toBe(a);
    expect(b(6)).toBe(true);
    expect(internStats()).toMatchObject({ hits: 1, misses: 1, collisions: 0, size: 1 });
  });

  it("never shares between different captured values (the seed's trap)", () => {
    const five = gt(5);
    const ten = gt(10);
    expect(ten).not.toBe(five);
    expect(five(7)).toBe(true);
    expect(ten(7)).toBe(false);
    expect(internStats()).toMatchObject({ hits: 0, misses: 2 });
  });

  it("compares primitives with Object.is: NaN = NaN, 0 ≠ '0', -0 ≠ 0, 1 ≠ 1n", () => {
    const k = (v: unknown) => withKey(() => v, ["const", v]);
    expect(k(NaN)).toBe(k(NaN));
    expect(k(0)).not.toBe(k("0"));
    expect(k(-0)).not.toBe(k(0));
    expect(k(1)).not.toBe(k(1n));
    expect(k(undefined)).not.toBe(k(null));
    expect(k(Symbol.for("s"))).toBe(k(Symbol.for("s")));
    expect(k(Symbol("s"))).not.toBe(k(Symbol("s")));
  });

  it("compares captured objects by identity, not by content", () => {
    const limits = { min: 1 };
    const check = (o: { min: number }) => withKey((x: number) => x >= o.min, ["min-of", o]);
    expect(check(limits)).toBe(check(limits));
    const copy = { min: 1 };
    const other = check(copy);
    expect(other).not.toBe(check(limits));
    copy.min = 100; // why identity: the closure sees later mutations of the object it captured
    expect(other(50)).toBe(false);
    expect(check(limits)(50)).toBe(true);
  });

  it("compares captured functions by identity, or by key when they carry one", () => {
    const outer = (inner: (x: number) => boolean) => withKey((x: number) => !inner(x), ["not", inner]);
    const hoisted = (x: number): boolean => x > 0;
    expect(outer(hoisted)).toBe(outer(hoisted));
    expect(outer((x) => x > 0)).not.toBe(outer((x) => x > 0));
    expect(outer(gt(3))).toBe(outer(gt(3)));
    expect(outer(gt(3))).not.toBe(outer(gt(4)));
  });

  it("treats a string key as an id without captures", () => {
    const f = withKey(() => 1, "one");
    expect(withKey(() => 1, ["one"])).toBe(f);
    expect(keyOf(f)).toBe('["one"]');
  });

  it("returns a hoisted function itself on every call", () => {
    const pred = (x: number): boolean => x > 0;
    expect(withKey(pred, "pred")).toBe(pred);
    expect(withKey(pred, "pred")).toBe(pred);
    expect(internStats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it("rejects bad keys", () => {
    expect(() => withKey(() => 1, [] as unknown as [string])).toThrow(TypeError);
    expect(() => withKey(() => 1, [1] as unknown as [string])).toThrow(TypeError);
    expect(() => withKey(1 as unknown as () => void, "x")).toThrow(TypeError);
  });
});

describe("withKey: collisions", () => {
  it("returns the new function unshared when the code differs, counts it and warns once per id", async () => {
    let first!: (x: number) => boolean;
    let second!: (x: number) => boolean;
    let third!: (x: number) => boolean;
    const warnings = await warningsDuring(() => {
      first = withKey((x: number) => x > 1, ["dup"]);
      second = withKey((x: number) => x >= 1, ["dup"]);
      third = withKey((x: number) => x >= 1, ["dup"]);
    });
    expect(second).not.toBe(first);
    expect(third).not.toBe(first);
    expect(second(1)).toBe(true);
    expect(first(1)).toBe(false);
    expect(keyOf(second)).toBeUndefined(); // unshared functions carry no key
    expect(internStats()).toMatchObject({ collisions: 2, misses: 1, hits: 0 });
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect((warning as Error & { code?: string }).code).toBe("STABLE_SCHEMA_KEY_COLLISION");
    expect(warning?.message).toContain('key id "dup"');
    expect(warning?.message).toContain("stored: (x) => x > 1");
    expect(warning?.message).toContain("new:    (x) => x >= 1");
  });

  it("does not share native or bound functions by their (uninformative) source text", async () => {
    const warnings = await warningsDuring(() => {
      const a = withKey(Math.max, "native");
      expect(withKey(Math.max, "native")).toBe(a); // same object: fine
      const bound1 = withKey(((x: number, y: number) => x + y).bind(null, 1), "bound");
      const bound2 = withKey(((x: number, y: number) => x * y).bind(null, 1), "bound");
      expect(bound2).not.toBe(bound1);
      expect(bound2(3)).toBe(3);
    });
    expect(internStats().collisions).toBe(1);
    expect(warnings[0]?.message).toContain("native or bound function");
  });

  it("can be silenced with configureWithKey({ warn: false })", async () => {
    configureWithKey({ warn: false });
    const warnings = await warningsDuring(() => {
      withKey(() => 1, "quiet");
      withKey(() => 2, "quiet");
    });
    expect(warnings).toHaveLength(0);
    expect(internStats().collisions).toBe(1);
  });

  it("keeps schema keys of same-key different-code functions apart, even across evictions", () => {
    configureWithKey({ max: 1 });
    const a = withKey((x: number) => x > 1, ["evicted"]);
    withKey(() => 0, "filler"); // evicts "evicted"
    const b = withKey((x: number) => x < 1, ["evicted"]); // stored fresh: no collision visible
    expect(keyOf(a)).toBe(keyOf(b));
    expect(schemaKey(["fn", a])).not.toBe(schemaKey(["fn", b]));
  });
});

describe("withKey: bounded intern table", () => {
  it("evicts least recently used keys and counts evictions", () => {
    configureWithKey({ max: 3 });
    const make = (i: number) => withKey(() => i, ["i", i]);
    const zero = make(0);
    for (let i = 1; i < 10; i++) make(i);
    expect(internStats()).toMatchObject({ size: 3, max: 3, evictions: 7, misses: 10 });
    expect(make(0)).not.toBe(zero); // evicted: a fresh function (a cheap miss, never a wrong answer)
    expect(make(9)).toBe(make(9));
  });

  it("keeps the most recent entries when max changes", () => {
    configureWithKey({ max: 10 });
    const make = (i: number) => withKey(() => i, ["keep", i]);
    const fns = [0, 1, 2, 3, 4].map(make);
    configureWithKey({ max: 2 });
    expect(internStats().size).toBe(2);
    expect(make(4)).toBe(fns[4]);
    expect(make(3)).toBe(fns[3]);
    expect(make(0)).not.toBe(fns[0]);
    expect(internStats().collisions).toBe(0);
    expect(() => configureWithKey({ max: 0 })).toThrow(RangeError);
  });

  it("resetIntern empties the table and zeroes the counters", () => {
    withKey(() => 1, "r");
    withKey(() => 1, "r");
    resetIntern();
    expect(internStats()).toEqual({ hits: 0, misses: 0, evictions: 0, collisions: 0, size: 0, max: DEFAULT_INTERN_MAX, bytes: 0, maxBytes: DEFAULT_INTERN_MAX_BYTES });
  });

  it("has a documented default bound of 10,000", () => {
    expect(DEFAULT_INTERN_MAX).toBe(10_000);
    expect(internStats().max).toBe(10_000);
  });
});

describe("withKey: identity-keyed caches hit", () => {
  it("a WeakMap keyed by the predicate hits for equal keys and misses for different captures", () => {
    const compiled = new WeakMap<object, string>();
    let compiles = 0;
    const compile = (fn: (x: number) => boolean): string => {
      let c = compiled.get(fn);
      if (c === undefined) {
        compiles++;
        c = `validator#${compiles}`;
        compiled.set(fn, c);
      }
      return c;
    };
    const handler = (min: number) => compile(withKey((x: number) => x > min, ["handler:min", min]));
    for (let i = 0; i < 100; i++) handler(18);
    expect(compiles).toBe(1);
    expect(handler(21)).toBe("validator#2");
    expect(handler(18)).toBe("validator#1");
  });
});
