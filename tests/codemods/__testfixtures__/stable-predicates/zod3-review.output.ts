import { z } from "zod/v3";
import { withKey } from "stable-schema";

function trimTrimmed(s: string) {
  return s.trim();
}

// zod 3's effect constructors: z.effect(schema, { refinement }), z.transformer(schema, { transform }).
export function amount(input: unknown, max: number) {
  const capped = z.effect(z.number(), { type: "refinement", refinement: withKey((n: number) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod3-review#checkCapped", max]) });
  const trimmed = z.transformer(z.string(), { type: "transform", transform: trimTrimmed });
  return [capped.safeParse(input), trimmed.safeParse(input)];
}
