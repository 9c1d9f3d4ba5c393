import * as z from "zod/mini";

export function quantity(input: unknown, max: number) {
  const schema = z.number().check(
    z.refine((n: number) => Number.isInteger(n)),
    z.refine((n) => n <= max),
  );
  return schema.safeParse(input);
}
