import { z } from "zod";
import { schemaFactory } from "stable-schema";

const getParsePriceSchema = schemaFactory((scale: number, currency: string) => z.object({ amount: z.number().multipleOf(1 / 10 ** scale), currency: z.literal(currency) }));

export const parsePrice = (body: unknown, currency: string) => {
  const scale = 2;
  return getParsePriceSchema(scale, currency).parse(body);
};
