// Validation of the runtime's bound options, with errors that say what is accepted. lru-cache
// preallocates per-entry arrays for `max`, so a huge `max` is not "unbounded" but an allocation that
// aborts the process (2**31 entries need 8 GB for one index array): it is rejected up front.

/** The largest entry bound accepted (16,777,216 entries; about 200 MB of lru-cache index arrays). */
export const MAX_ENTRIES_LIMIT = 2 ** 24;

/** Validates an entry bound: an integer from 1 to MAX_ENTRIES_LIMIT. */
export function checkMax(where: string, max: unknown): number {
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > MAX_ENTRIES_LIMIT) {
    throw new RangeError(
      `stable-schema: ${where} max must be an integer from 1 to ${MAX_ENTRIES_LIMIT} (2**24), got ${describe(max)}`,
    );
  }
  return max;
}

/** Validates a byte bound: a positive integer (finite). */
export function checkBytes(where: string, bytes: unknown): number {
  if (typeof bytes !== "number" || !Number.isSafeInteger(bytes) || bytes < 1) {
    throw new RangeError(`stable-schema: ${where} maxBytes must be a positive integer number of bytes, got ${describe(bytes)}`);
  }
  return bytes;
}

/**
 * Validates a time to live in milliseconds: any finite number > 0. lru-cache counts whole
 * milliseconds, so a fraction is rounded up (0.5 → 1): an entry never lives shorter than asked.
 */
export function checkTtl(where: string, ttl: unknown): number {
  if (typeof ttl !== "number" || !Number.isFinite(ttl) || !(ttl > 0)) {
    throw new RangeError(
      `stable-schema: ${where} ttl must be a finite number of milliseconds greater than 0 ` +
        `(leave it out for entries that never expire), got ${describe(ttl)}`,
    );
  }
  return Math.ceil(ttl);
}

function describe(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  return value === null ? "null" : typeof value;
}
