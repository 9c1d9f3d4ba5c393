import { is, struct } from "superstruct";
import { withKey } from "stable-schema";

// struct(name, fn) is the deprecated name of define.
export function email(input: unknown, domain: string) {
  const Email = struct("email", withKey((value: unknown) => typeof value === "string" && value.endsWith(domain), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/superstruct-review#validateEmail", domain]));
  return is(input, Email);
}
