import * as yup from "yup";

export function profile(input: unknown, taken: readonly string[]) {
  const schema = yup.object({
    handle: yup
      .string()
      .required()
      .transform((value: string) => value.toLowerCase())
      .test("free", "handle taken", (value) => !taken.includes(value)),
    tags: yup.array(yup.string().required()).compact((tag: string) => tag === ""),
  });
  return schema.isValidSync(input);
}
