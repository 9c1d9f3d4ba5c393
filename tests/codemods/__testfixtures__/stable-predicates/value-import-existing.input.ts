import { z } from "zod";
import { schemaKey } from "stable-schema";

export function limitKey(max: number): string {
  const schema = z.number().refine((n) => n <= max);
  return schemaKey(schema);
}
