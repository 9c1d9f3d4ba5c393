import * as z from "zod";
import { withKey } from "stable-schema";

function toLowerCaseEmail(s: string) {
  return s.toLowerCase();
}

export function signup(input: unknown, minAge: number) {
  const schema = z
    .object({
      email: z.email().transform(toLowerCaseEmail),
      age: z.number().refine(withKey((n) => n >= minAge, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod4-classic#isValidAge", minAge]), { message: `at least ${minAge}` }),
      password: z.string(),
      confirm: z.string(),
    })
    .superRefine(withKey((value, ctx) => {
      if (value.password !== value.confirm) ctx.addIssue({ code: "custom", message: "passwords differ" });
    }, "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod4-classic#checkValue"))
    .check(withKey((ctx) => {
      if (ctx.value.age > 150) ctx.issues.push({ code: "custom", message: "unlikely age", input: ctx.value.age });
    }, "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod4-classic#checkValueInSignup"));
  return schema.safeParse(input);
}

function transformValue(value: unknown) {
  return (typeof value === "string" ? value.trim() : value);
}

export function preprocessed(input: unknown) {
  const schema = z.preprocess(transformValue, z.string());
  return schema.safeParse(input);
}
