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
