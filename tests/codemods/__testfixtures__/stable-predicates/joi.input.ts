import Joi from "joi";

export function booking(input: unknown, holidays: readonly string[]) {
  const schema = Joi.object({
    day: Joi.string().custom((value: string, helpers) => (holidays.includes(value) ? helpers.error("any.invalid") : value)),
    guests: Joi.array().items(Joi.object({ name: Joi.string() })).unique((a: { name: string }, b: { name: string }) => a.name === b.name),
  });
  return schema.validate(input);
}
