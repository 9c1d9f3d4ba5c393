// Trap: `s => s.trim()` has no parentheses. Annotating it in place would give the invalid
// `s: string => …`; without type information a TypeScript file wraps instead of hoisting.
import { z } from "zod";

export function parseName(raw: unknown): string {
  const schema = z.string().transform(s => s.trim());
  return schema.parse(raw);
}

export function parseCount(raw: unknown): Promise<number> {
  const schema = z.number().refine(async n => n >= 0);
  return schema.parseAsync(raw);
}
