import { z } from "zod";
import { schemaKey, withKey } from "stable-schema";

function transformValue(n) {
  return n * 2;
}

export function keyFor(max) {
  const schema = z.number().refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/module#isValid", max])).transform(transformValue);
  return schemaKey(schema);
}
