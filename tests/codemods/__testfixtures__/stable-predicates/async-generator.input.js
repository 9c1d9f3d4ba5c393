import { z } from "zod";

export async function checkUnique(input, taken) {
  const schema = z
    .string()
    .refine(async (name) => !(await taken).includes(name))
    .refine(async function (name) {
      await Promise.resolve();
      return name.length > 0;
    });
  return (await schema.safeParseAsync(input)).success;
}

export function chars(input) {
  const schema = z.string().transform(function* (s) {
    yield* s;
  });
  return [...schema.parse(input)];
}
