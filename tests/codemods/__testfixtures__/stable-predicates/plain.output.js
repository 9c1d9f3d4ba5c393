import { z } from "zod";
import { withKey } from "stable-schema";

const trimName = s => s.trim();

// JS: no annotations needed, so everything that captures nothing is hoisted.
export const handle = (input, max) => {
  const schema = z.object({
    name: z.string().transform(trimName),
    count: z.number().refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/plain#isValidCount", max])),
  });
  return schema.safeParse(input);
};
