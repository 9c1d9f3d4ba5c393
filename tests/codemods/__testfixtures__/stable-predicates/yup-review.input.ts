import * as yup from "yup";

// withMutation calls its callback at once with the schema: tests added there are traced.
export function handle(input: unknown, reserved: readonly string[]) {
  const schema = yup.string().withMutation((s) => s.test("free", "is taken", (value) => !reserved.includes(value ?? "")));
  return schema.isValidSync(input);
}
