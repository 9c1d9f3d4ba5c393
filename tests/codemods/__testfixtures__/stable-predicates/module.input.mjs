import { z } from "zod";
import { schemaKey } from "stable-schema";

export function keyFor(max) {
  const schema = z.number().refine((n) => n <= max).transform((n) => n * 2);
  return schemaKey(schema);
}
