import { z } from "zod";

export function oneOf<T extends string>(allowed: readonly T[], input: unknown) {
  // captures the type parameter `T` (and `allowed`): cannot be hoisted.
  const schema = z.string().refine((value: string): value is T => (allowed as readonly string[]).includes(value));
  return schema.safeParse(input).success;
}

export function pointCheck(input: unknown) {
  interface Point {
    x: number;
    y: number;
  }
  // uses the local interface `Point`: cannot be hoisted, wrapped with no captured values.
  const schema = z.custom<Point>((value: unknown) => typeof (value as Point).x === "number");
  return schema.safeParse(input).success;
}
