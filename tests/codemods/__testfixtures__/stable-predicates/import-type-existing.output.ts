import { z } from "zod";
import type { WithKeyKey } from "stable-schema";
import { withKey } from "stable-schema";

export const keys: WithKeyKey[] = [];

export function limitSchema(max: number) {
  const schema = z.number().refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/import-type-existing#isValid", max]));
  return schema.safeParse(3).success;
}
