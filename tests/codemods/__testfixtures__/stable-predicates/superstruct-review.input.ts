import { is, struct } from "superstruct";

// struct(name, fn) is the deprecated name of define.
export function email(input: unknown, domain: string) {
  const Email = struct("email", (value: unknown) => typeof value === "string" && value.endsWith(domain));
  return is(input, Email);
}
