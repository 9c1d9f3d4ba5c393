import { z } from "zod";

/** An unrelated helper that happens to be called withKey. */
function withKey<T>(value: T, key: string): { key: string; value: T } {
  return { key, value };
}

export function tagged(min: number) {
  const schema = z.number().refine((n) => n >= min);
  return withKey(schema.safeParse(min).success, "result");
}
