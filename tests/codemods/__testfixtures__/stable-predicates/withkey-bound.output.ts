import { z } from "zod";
import { withKey as withKey2 } from "stable-schema";

/** An unrelated helper that happens to be called withKey. */
function withKey<T>(value: T, key: string): { key: string; value: T } {
  return { key, value };
}

export function tagged(min: number) {
  const schema = z.number().refine(withKey2((n) => n >= min, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/withkey-bound#isValid", min]));
  return withKey(schema.safeParse(min).success, "result");
}
