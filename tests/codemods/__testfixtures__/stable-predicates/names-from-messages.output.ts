import Joi from "joi";
import { Type } from "typebox";
import { Value } from "typebox/value";
import * as v from "valibot";
import * as yup from "yup";
import { z } from "zod";
import { withKey } from "stable-schema";

function isAtLeast18(n: number) {
  return n >= 18;
}

function isPositiveNumber(n: number) {
  return n > 0;
}

function isPositiveNumberForQuantity(n: number) {
  return n > 0;
}

function isValidEmail(s: string) {
  return s.includes("@");
}

function hasName(s: string) {
  return s.trim() !== "";
}

// Hoisted checks are named by their own name or their message when they have one; a name that is
// taken already gets the field it sits in, not a number.
export function order(input: unknown, max: number) {
  const schema = z.object({
    age: z.number().refine(isAtLeast18, "Must be at least 18"),
    price: z.number().refine(isPositiveNumber, { message: "Must be a positive number" }),
    quantity: z.number().refine(isPositiveNumberForQuantity, { error: "Must be a positive number" }),
    email: z.string().refine(isValidEmail, "Invalid email"),
    name: z.string().refine(hasName, "Name is required"),
    total: z.number().refine(withKey((n: number) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/names-from-messages#isAtMostMax", max]), `Must be at most ${max}`),
  });
  return schema.safeParse(input);
}

function passwordsMatch(value: { password: string; confirm: string }) {
  return value.password === value.confirm;
}

export function password(input: unknown) {
  const schema = v.pipe(
    v.object({ password: v.string(), confirm: v.string() }),
    v.check(passwordsMatch, "Passwords do not match"),
  );
  return v.safeParse(schema, input);
}

function isUniqueHandle(value: string | undefined) {
  return value !== "admin";
}

function isNotEmpty(value: string | undefined) {
  return (value ?? "") !== "";
}

export function profile(input: unknown) {
  const schema = yup.object({
    handle: yup.string().test("unique-handle", "Handle is taken", isUniqueHandle),
    bio: yup.string().test({ message: "Must not be empty", test: isNotEmpty }),
  });
  return schema.isValidSync(input);
}

function validateWeekday(value: string) {
  return (new Date(value).getDay() % 6 === 0 ? undefined : value);
}

export function day(input: unknown) {
  return Joi.string()
    .custom(validateWeekday)
    .message("Must be a weekday")
    .validate(input);
}

function isEvenNumber(n: number) {
  return n % 2 === 0;
}

export function even(input: unknown) {
  return Value.Check(Type.Refine(Type.Number(), isEvenNumber, () => "Must be an even number"), input);
}
