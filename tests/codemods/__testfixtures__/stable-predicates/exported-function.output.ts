import { z } from "zod";

function isValid(s: string) {
  return s.includes("@");
}

// A function declaration can run before the module body reaches a `const` below the imports
// (a circular import calls it first), so a hoisted closure becomes a function declaration.
export function isEmail(input: unknown): boolean {
  return z
    .string()
    .refine(isValid)
    .safeParse(input).success;
}

function isValidInIsShort(s: string): boolean {
  return s.length < 10;
}

export default function isShort(input: unknown): boolean {
  return z.string().refine(isValidInIsShort).safeParse(input).success;
}

const isValidInIsLong = (s: string) => s.length > 10;

// An arrow assigned to a const is only callable once the module body ran: a const is fine here.
export const isLong = (input: unknown): boolean => z.string().refine(isValidInIsLong).safeParse(input).success;
