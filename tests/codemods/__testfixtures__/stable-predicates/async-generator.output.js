import { z } from "zod";
import { withKey } from "stable-schema";

async function isValid(name) {
  await Promise.resolve();
  return name.length > 0;
}

export async function checkUnique(input, taken) {
  const schema = z
    .string()
    .refine(withKey(async (name) => !(await taken).includes(name), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/async-generator#isValid", taken]))
    .refine(isValid);
  return (await schema.safeParseAsync(input)).success;
}

function* transformValue(s) {
  yield* s;
}

export function chars(input) {
  const schema = z.string().transform(transformValue);
  return [...schema.parse(input)];
}
