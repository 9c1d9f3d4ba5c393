import { z } from "zod";
import { schemaKey, withKey } from "stable-schema";

export function limitKey(max: number): string {
  const schema = z.number().refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/value-import-existing#isValid", max]));
  return schemaKey(schema);
}
