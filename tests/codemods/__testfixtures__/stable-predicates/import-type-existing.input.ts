import { z } from "zod";
import type { WithKeyKey } from "stable-schema";

export const keys: WithKeyKey[] = [];

export function limitSchema(max: number) {
  const schema = z.number().refine((n) => n <= max);
  return schema.safeParse(3).success;
}
