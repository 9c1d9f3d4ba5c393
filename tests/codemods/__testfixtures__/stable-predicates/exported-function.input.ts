import { z } from "zod";

// A function declaration can run before the module body reaches a `const` below the imports
// (a circular import calls it first), so a hoisted closure becomes a function declaration.
export function isEmail(input: unknown): boolean {
  return z
    .string()
    .refine((s: string) => s.includes("@"))
    .safeParse(input).success;
}

export default function isShort(input: unknown): boolean {
  return z.string().refine((s: string): boolean => s.length < 10).safeParse(input).success;
}

// An arrow assigned to a const is only callable once the module body ran: a const is fine here.
export const isLong = (input: unknown): boolean => z.string().refine((s: string) => s.length > 10).safeParse(input).success;
