import Joi from "joi";
import { withKey } from "stable-schema";

// Object dependencies take an `isPresent` predicate; fork's adjuster runs at once with the schema.
export function pair(input: unknown, blank: string, allowed: readonly string[]) {
  const schema = Joi.object({ a: Joi.string(), b: Joi.string() })
    .and("a", "b", { isPresent: withKey((value: unknown) => value !== blank, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/joi-review#isPresent", blank]) })
    .fork(["a"], (s) => s.custom(withKey((value: string) => (allowed.includes(value) ? value : undefined), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/joi-review#validateValue", allowed])));
  return schema.validate(input);
}
