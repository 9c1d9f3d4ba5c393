import { z } from "zod";
import { withKey } from "stable-schema";

function trimName(s: string) {
  return s.trim();
}

export function parse(input: unknown, max: number) {
  const schema = z.object({
    name: z.string().transform(trimName),
    count: z.number().refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/bom#isValidCount", max])),
  });
  return schema.safeParse(input);
}
