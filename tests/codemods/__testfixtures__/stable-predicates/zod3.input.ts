import { z } from "zod/v3";

export function amount(input: unknown, currency: string) {
  const schema = z.object({
    currency: z.string().refinement((c): c is string => c === currency, { code: "custom", message: "wrong currency" }),
    cents: z.number().refine((n: number) => Number.isInteger(n)),
  });
  return schema.safeParse(input);
}
