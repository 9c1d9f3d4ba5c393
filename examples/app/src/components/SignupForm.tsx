// Two signup forms. `SignupForm` validates its controlled values during render and rebuilds its yup
// schema on every render; `MemoSignupForm` builds the same schema once per `reservedNames` with useMemo.
import { useMemo } from "react";
import * as yup from "yup";

export interface SignupValues {
  readonly username: string;
  readonly password: string;
}

export interface SignupFormProps {
  readonly values: SignupValues;
  readonly reservedNames: readonly string[];
}

function errorsOf(schema: yup.ObjectSchema<SignupValues>, values: SignupValues): string[] {
  try {
    schema.validateSync(values, { abortEarly: false });
    return [];
  } catch (error) {
    return error instanceof yup.ValidationError ? error.errors : [String(error)];
  }
}

export function SignupForm({ values, reservedNames }: SignupFormProps) {
  const schema = yup.object({
    username: yup
      .string()
      .required()
      .transform((s: string) => s.trim())
      // captures `reservedNames`: the codemod wraps it as withKey(fn, ["SignupForm#notReserved", reservedNames])
      .test("not-reserved", "username is reserved", (name) => !reservedNames.includes(name ?? "")),
    password: yup
      .string()
      .required()
      // no captures: can be hoisted
      .test("has-digit", "password needs a digit", (s) => /\d/.test(s ?? "")),
  });
  const errors = errorsOf(schema, values);
  return (
    <form aria-invalid={errors.length > 0} data-errors={errors.join("; ")}>
      <input name="username" defaultValue={values.username} />
      <input name="password" type="password" defaultValue={values.password} />
      <ul>
        {errors.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </form>
  );
}

/** The correct version: the schema (and its closures) is built once per `reservedNames`. */
export function MemoSignupForm({ values, reservedNames }: SignupFormProps) {
  const schema = useMemo(
    () =>
      yup.object({
        username: yup
          .string()
          .required()
          .test("not-reserved", "username is reserved", (name) => !reservedNames.includes(name ?? "")),
        password: yup
          .string()
          .required()
          .test("has-digit", "password needs a digit", (s) => /\d/.test(s ?? "")),
      }),
    [reservedNames],
  );
  const errors = errorsOf(schema, values);
  return <form aria-invalid={errors.length > 0} data-errors={errors.join("; ")} />;
}
