import { z } from "zod";

// JS: no annotations needed, so everything that captures nothing is hoisted.
export const handle = (input, max) => {
  const schema = z.object({
    name: z.string().transform(s => s.trim()),
    count: z.number().refine((n) => n <= max),
  });
  return schema.safeParse(input);
};
