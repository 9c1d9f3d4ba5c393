import { z } from "zod";

export const parsePrice = (body: unknown, currency: string) => {
  const scale = 2;
  return z.object({ amount: z.number().multipleOf(1 / 10 ** scale), currency: z.literal(currency) }).parse(body);
};
