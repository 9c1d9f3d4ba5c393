import * as yup from "yup";

export function passwordForm(values) {
  const schema = yup.object({
    password: yup.string().required(),
    // a function that uses its own `this` moves as a function expression, never as an arrow.
    confirm: yup.string().test("matches", "passwords differ", function (value) {
      return value === this.parent.password;
    }),
  });
  return schema.isValidSync(values);
}

export class SignupRules {
  minLength = 8;

  validate(values) {
    const schema = yup.object({
      password: yup.string().test("long", "too short", (value) => (value ?? "").length >= this.minLength),
    });
    return schema.isValidSync(values);
  }
}
