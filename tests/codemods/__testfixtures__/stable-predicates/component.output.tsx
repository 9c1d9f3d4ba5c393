import * as yup from "yup";
import { withKey } from "stable-schema";

interface Props {
  readonly reserved: readonly string[];
  readonly username: string;
}

function trimValue(s: string) {
  return s.trim();
}

export function UsernameField({ reserved, username }: Props) {
  const schema = yup
    .string()
    .required()
    .transform(trimValue)
    .test("not-reserved", "username is reserved", withKey((name) => !reserved.includes(name ?? ""), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/component#notReserved", reserved]));
  const valid = schema.isValidSync(username);
  return <input aria-invalid={!valid} defaultValue={username} />;
}
