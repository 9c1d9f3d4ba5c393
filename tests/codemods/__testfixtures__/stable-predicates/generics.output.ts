import { z } from "zod";
import { withKey } from "stable-schema";

export function oneOf<T extends string>(allowed: readonly T[], input: unknown) {
  // captures the type parameter `T` (and `allowed`): cannot be hoisted.
  const schema = z.string().refine(withKey((value: string): value is T => (allowed as readonly string[]).includes(value), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/generics#isValid", allowed]));
  return schema.safeParse(input).success;
}

export function pointCheck(input: unknown) {
  interface Point {
    x: number;
    y: number;
  }
  // uses the local interface `Point`: cannot be hoisted, wrapped with no captured values.
  const schema = z.custom<Point>(withKey((value: unknown) => typeof (value as Point).x === "number", "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/generics#isValidInPointCheck"));
  return schema.safeParse(input).success;
}
