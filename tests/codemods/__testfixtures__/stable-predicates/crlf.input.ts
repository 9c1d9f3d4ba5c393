import { z } from "zod";

// CRLF file: inserted lines must use CRLF too.
export function parse(input: unknown, max: number) {
  const schema = z.object({
    // trimmed before the length check
    name: z.string().transform((s: string) => s.trim()),
    count: z.number().refine((n) => n <= max),
  });
  return schema.safeParse(input);
}
