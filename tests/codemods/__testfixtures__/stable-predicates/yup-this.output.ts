import * as yup from "yup";
import { withKey } from "stable-schema";

export function passwordForm(values: unknown) {
  const schema = yup.object({
    password: yup.string().required(),
    // a yup `function` predicate reads its own `this` (the test context): never an arrow.
    confirm: yup.string().test("matches", "passwords differ", withKey(function (value: string | undefined) {
      return value === this.parent.password;
    }, "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/yup-this#matches")),
  });
  return schema.isValidSync(values);
}

export class SignupRules {
  minLength = 8;

  validate(values: unknown) {
    // an arrow that reads the method's `this`: cannot move, cannot be shared.
    const schema = yup.object({
      password: yup.string().test("long", "too short", (value) => (value ?? "").length >= this.minLength),
    });
    return schema.isValidSync(values);
  }
}
