import * as yup from "yup";
import { withKey } from "stable-schema";

function toLowerCaseHandle(value: string) {
  return value.toLowerCase();
}

function isValidTags(tag: string) {
  return tag === "";
}

export function profile(input: unknown, taken: readonly string[]) {
  const schema = yup.object({
    handle: yup
      .string()
      .required()
      .transform(toLowerCaseHandle)
      .test("free", "handle taken", withKey((value) => !taken.includes(value), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/yup#isFree", taken])),
    tags: yup.array(yup.string().required()).compact(isValidTags),
  });
  return schema.isValidSync(input);
}
