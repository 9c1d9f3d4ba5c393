import Joi from "joi";
import { Type } from "typebox";
import { Value } from "typebox/value";
import * as v from "valibot";
import * as yup from "yup";
import { z } from "zod";

// Hoisted checks are named by their own name or their message when they have one; a name that is
// taken already gets the field it sits in, not a number.
export function order(input: unknown, max: number) {
  const schema = z.object({
    age: z.number().refine((n: number) => n >= 18, "Must be at least 18"),
    price: z.number().refine((n: number) => n > 0, { message: "Must be a positive number" }),
    quantity: z.number().refine((n: number) => n > 0, { error: "Must be a positive number" }),
    email: z.string().refine((s: string) => s.includes("@"), "Invalid email"),
    name: z.string().refine((s: string) => s.trim() !== "", "Name is required"),
    total: z.number().refine((n: number) => n <= max, `Must be at most ${max}`),
  });
  return schema.safeParse(input);
}

export function password(input: unknown) {
  const schema = v.pipe(
    v.object({ password: v.string(), confirm: v.string() }),
    v.check((value: { password: string; confirm: string }) => value.password === value.confirm, "Passwords do not match"),
  );
  return v.safeParse(schema, input);
}

export function profile(input: unknown) {
  const schema = yup.object({
    handle: yup.string().test("unique-handle", "Handle is taken", (value: string | undefined) => value !== "admin"),
    bio: yup.string().test({ message: "Must not be empty", test: (value: string | undefined) => (value ?? "") !== "" }),
  });
  return schema.isValidSync(input);
}

export function day(input: unknown) {
  return Joi.string()
    .custom((value: string) => (new Date(value).getDay() % 6 === 0 ? undefined : value))
    .message("Must be a weekday")
    .validate(input);
}

export function even(input: unknown) {
  return Value.Check(Type.Refine(Type.Number(), (n: number) => n % 2 === 0, () => "Must be an even number"), input);
}
