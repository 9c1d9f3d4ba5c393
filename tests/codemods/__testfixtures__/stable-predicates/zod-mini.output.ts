import * as z from "zod/mini";
import { withKey } from "stable-schema";

function isValid(n: number) {
  return Number.isInteger(n);
}

export function quantity(input: unknown, max: number) {
  const schema = z.number().check(
    z.refine(isValid),
    z.refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod-mini#isValid", max])),
  );
  return schema.safeParse(input);
}
