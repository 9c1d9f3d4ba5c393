import Joi from "joi";
import { withKey } from "stable-schema";

function isValidGuests(a: { name: string }, b: { name: string }) {
  return a.name === b.name;
}

export function booking(input: unknown, holidays: readonly string[]) {
  const schema = Joi.object({
    day: Joi.string().custom(withKey((value: string, helpers) => (holidays.includes(value) ? helpers.error("any.invalid") : value), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/joi#validateDay", holidays])),
    guests: Joi.array().items(Joi.object({ name: Joi.string() })).unique(isValidGuests),
  });
  return schema.validate(input);
}
