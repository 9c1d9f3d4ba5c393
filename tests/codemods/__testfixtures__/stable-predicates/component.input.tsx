import * as yup from "yup";

interface Props {
  readonly reserved: readonly string[];
  readonly username: string;
}

export function UsernameField({ reserved, username }: Props) {
  const schema = yup
    .string()
    .required()
    .transform((s: string) => s.trim())
    .test("not-reserved", "username is reserved", (name) => !reserved.includes(name ?? ""));
  const valid = schema.isValidSync(username);
  return <input aria-invalid={!valid} defaultValue={username} />;
}
