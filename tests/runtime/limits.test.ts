// Option values of the runtime's bounded tables are validated with errors that say what is accepted
// (issue 10, case 14): lru-cache's own errors for a fractional ttl, and its uncatchable OOM abort for
// `max: 2**31`, must never reach the user.
import { afterEach, describe, expect, it } from "vitest";
import {
  configureWithKey,
  createSchemaCache,
  DEFAULT_INTERN_MAX,
  DEFAULT_INTERN_MAX_BYTES,
  internStats,
  MAX_ENTRIES_LIMIT,
  resetIntern,
  schemaFactory,
  withKey,
} from "../../lib/runtime/index.js";

afterEach(() => {
  configureWithKey({ max: DEFAULT_INTERN_MAX, maxBytes: DEFAULT_INTERN_MAX_BYTES });
  resetIntern();
});

describe("case 14: ttl and max are validated with clear errors", () => {
  it("case 14: a fractional ttl (any positive number, as documented) is accepted and rounded up", () => {
    // A fraction of a minute, not of a millisecond: the second get must not depend on how fast it runs.
    const cache = createSchemaCache<number>({ ttl: 60_000.5 });
    expect(cache.get({ a: 1 }, () => 1)).toBe(1);
    expect(cache.get({ a: 1 }, () => 2)).toBe(1);
    expect(() => createSchemaCache({ ttl: 0.001, mode: "identity" })).not.toThrow();
  });

  it.each([Infinity, NaN, 0, -5, "100" as unknown as number])("case 14: ttl %s throws a RangeError naming ttl", (ttl) => {
    expect(() => createSchemaCache({ ttl })).toThrow(
      /^stable-schema: createSchemaCache ttl must be a finite number of milliseconds greater than 0 \(leave it out for entries that never expire\), got /,
    );
  });

  it.each([2 ** 31, MAX_ENTRIES_LIMIT + 1, 1.5, 0, Infinity])("case 14: max %s throws a catchable RangeError (no OOM abort)", (max) => {
    expect(() => createSchemaCache({ max })).toThrow(RangeError);
    expect(() => createSchemaCache({ max })).toThrow(`createSchemaCache max must be an integer from 1 to ${MAX_ENTRIES_LIMIT}`);
    expect(() => schemaFactory(() => 1, { max })).toThrow(`schemaFactory max must be an integer from 1 to ${MAX_ENTRIES_LIMIT}`);
    expect(() => configureWithKey({ max })).toThrow(`configureWithKey max must be an integer from 1 to ${MAX_ENTRIES_LIMIT}`);
    expect(internStats().max).toBe(DEFAULT_INTERN_MAX); // a rejected option changes nothing
  });

  it("case 14: the largest accepted max works", () => {
    expect(() => createSchemaCache({ max: MAX_ENTRIES_LIMIT })).not.toThrow();
  });

  it("configureWithKey maxBytes is validated and bounds the table in bytes", () => {
    expect(() => configureWithKey({ maxBytes: 0 })).toThrow("configureWithKey maxBytes must be a positive integer");
    configureWithKey({ maxBytes: 64 * 1024 });
    for (let i = 0; i < 100; i++) withKey(() => i, ["bytes", `${i}`.padEnd(1024, "z")]);
    const stats = internStats();
    expect(stats.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(stats.size).toBeLessThan(100);
    expect(stats.evictions).toBe(100 - stats.size);
  });
});
