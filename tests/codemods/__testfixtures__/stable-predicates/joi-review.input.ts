import Joi from "joi";

// Object dependencies take an `isPresent` predicate; fork's adjuster runs at once with the schema.
export function pair(input: unknown, blank: string, allowed: readonly string[]) {
  const schema = Joi.object({ a: Joi.string(), b: Joi.string() })
    .and("a", "b", { isPresent: (value: unknown) => value !== blank })
    .fork(["a"], (s) => s.custom((value: string) => (allowed.includes(value) ? value : undefined)));
  return schema.validate(input);
}
