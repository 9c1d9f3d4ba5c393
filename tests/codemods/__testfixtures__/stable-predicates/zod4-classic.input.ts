import * as z from "zod";

export function signup(input: unknown, minAge: number) {
  const schema = z
    .object({
      email: z.email().transform((s: string) => s.toLowerCase()),
      age: z.number().refine((n) => n >= minAge, { message: `at least ${minAge}` }),
      password: z.string(),
      confirm: z.string(),
    })
    .superRefine((value, ctx) => {
      if (value.password !== value.confirm) ctx.addIssue({ code: "custom", message: "passwords differ" });
    })
    .check((ctx) => {
      if (ctx.value.age > 150) ctx.issues.push({ code: "custom", message: "unlikely age", input: ctx.value.age });
    });
  return schema.safeParse(input);
}

export function preprocessed(input: unknown) {
  const schema = z.preprocess((value: unknown) => (typeof value === "string" ? value.trim() : value), z.string());
  return schema.safeParse(input);
}
