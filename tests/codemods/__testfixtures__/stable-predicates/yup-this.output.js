import * as yup from "yup";

function matches(value) {
  return value === this.parent.password;
}

export function passwordForm(values) {
  const schema = yup.object({
    password: yup.string().required(),
    // a function that uses its own `this` moves as a function expression, never as an arrow.
    confirm: yup.string().test("matches", "passwords differ", matches),
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
