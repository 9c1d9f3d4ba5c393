import { z } from "zod/v3";

// zod 3's effect constructors: z.effect(schema, { refinement }), z.transformer(schema, { transform }).
export function amount(input: unknown, max: number) {
  const capped = z.effect(z.number(), { type: "refinement", refinement: (n: number) => n <= max });
  const trimmed = z.transformer(z.string(), { type: "transform", transform: (s: string) => s.trim() });
  return [capped.safeParse(input), trimmed.safeParse(input)];
}
