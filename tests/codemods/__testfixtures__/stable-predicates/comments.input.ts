import { z } from "zod";

export function parseUser(input: unknown) {
  const schema = z.object({
    name: z
      .string()
      // strip surrounding whitespace before validating
      .transform(/* inline note */ (s: string) => s.trim()),
    /** Age in whole years. */
    age: z.number().refine(
      // no fractional ages
      (n: number) => Number.isInteger(n),
      "whole years",
    ),
  });
  return schema.safeParse(input);
}

// A closure moved out of a function declaration becomes a function declaration: its comments,
// line breaks and trailing comma stay.
export function isAdult(input: unknown): boolean {
  return z
    .number()
    .refine(
      (
        n: number, // age in years
      ) =>
        // 18 in most countries
        n >= 18,
    )
    .safeParse(input).success;
}
