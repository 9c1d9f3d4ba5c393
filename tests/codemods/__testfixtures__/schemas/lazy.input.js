import { z } from "zod";

export const handler = (body) => {
  const itemSchema = z.object({ sku: z.string() });
  return itemSchema.parse(body);
};
