import { z } from "zod";

let itemSchema2;
const getItemSchema = () => (itemSchema2 ??= z.object({ sku: z.string() }));

export const handler = (body) => {
  const itemSchema = getItemSchema();
  return itemSchema.parse(body);
};
