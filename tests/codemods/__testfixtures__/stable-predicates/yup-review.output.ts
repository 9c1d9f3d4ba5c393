import * as yup from "yup";
import { withKey } from "stable-schema";

// withMutation calls its callback at once with the schema: tests added there are traced.
export function handle(input: unknown, reserved: readonly string[]) {
  const schema = yup.string().withMutation((s) => s.test("free", "is taken", withKey((value) => !reserved.includes(value ?? ""), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/yup-review#isFree", reserved])));
  return schema.isValidSync(input);
}
