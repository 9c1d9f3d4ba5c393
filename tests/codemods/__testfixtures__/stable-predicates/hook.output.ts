import { z } from "zod";
import { withKey } from "stable-schema";

export function useQuantity(max: number, raw: string) {
  const schema = z.coerce
    .number()
    .refine(withKey((n) => Number.isInteger(n), "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/hook#isValid"), "whole numbers only")
    .refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/hook#isNotTooMany", max]), "too many");
  return schema.safeParse(raw);
}

function trimValue(s: string) {
  return s.trim();
}

export function useTrimmed(raw: string) {
  const schema = z.string().transform(trimValue);
  return schema.parse(raw);
}
