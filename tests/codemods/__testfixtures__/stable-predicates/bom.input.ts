import { z } from "zod";

export function parse(input: unknown, max: number) {
  const schema = z.object({
    name: z.string().transform((s: string) => s.trim()),
    count: z.number().refine((n) => n <= max),
  });
  return schema.safeParse(input);
}
