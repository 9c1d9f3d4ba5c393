import * as yup from "yup";

export function passwordForm(values: unknown) {
  const schema = yup.object({
    password: yup.string().required(),
    // a yup `function` predicate reads its own `this` (the test context): never an arrow.
    confirm: yup.string().test("matches", "passwords differ", function (value: string | undefined) {
      return value === this.parent.password;
    }),
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
