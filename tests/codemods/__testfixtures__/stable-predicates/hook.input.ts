import { z } from "zod";

export function useQuantity(max: number, raw: string) {
  const schema = z.coerce
    .number()
    .refine((n) => Number.isInteger(n), "whole numbers only")
    .refine((n) => n <= max, "too many");
  return schema.safeParse(raw);
}

export function useTrimmed(raw: string) {
  const schema = z.string().transform((s: string) => s.trim());
  return schema.parse(raw);
}
