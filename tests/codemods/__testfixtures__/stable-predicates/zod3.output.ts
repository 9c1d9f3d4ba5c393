import { z } from "zod/v3";
import { withKey } from "stable-schema";

function isValidCents(n: number) {
  return Number.isInteger(n);
}

export function amount(input: unknown, currency: string) {
  const schema = z.object({
    currency: z.string().refinement(withKey((c): c is string => c === currency, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod3#isValidCurrency", currency]), { code: "custom", message: "wrong currency" }),
    cents: z.number().refine(isValidCents),
  });
  return schema.safeParse(input);
}
