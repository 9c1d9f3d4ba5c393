import { z } from "zod";

/* inline note */
function trimName(s: string) {
  return s.trim();
}

// no fractional ages
function isValidAge(n: number) {
  return Number.isInteger(n);
}

export function parseUser(input: unknown) {
  const schema = z.object({
    name: z
      .string()
      // strip surrounding whitespace before validating
      .transform(trimName),
    /** Age in whole years. */
    age: z.number().refine(
      isValidAge,
      "whole years",
    ),
  });
  return schema.safeParse(input);
}

function isValid(
  n: number, // age in years
) {
  return (// 18 in most countries
    n >= 18);
}

// A closure moved out of a function declaration becomes a function declaration: its comments,
// line breaks and trailing comma stay.
export function isAdult(input: unknown): boolean {
  return z
    .number()
    .refine(
      isValid,
    )
    .safeParse(input).success;
}
