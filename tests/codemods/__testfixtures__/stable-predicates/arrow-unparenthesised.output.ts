// Trap: `s => s.trim()` has no parentheses. Annotating it in place would give the invalid
// `s: string => …`; without type information a TypeScript file wraps instead of hoisting.
import { z } from "zod";
import { withKey } from "stable-schema";

export function parseName(raw: unknown): string {
  const schema = z.string().transform(withKey(s => s.trim(), "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/arrow-unparenthesised#trimValue"));
  return schema.parse(raw);
}

export function parseCount(raw: unknown): Promise<number> {
  const schema = z.number().refine(withKey(async n => n >= 0, "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/arrow-unparenthesised#isValid"));
  return schema.parseAsync(raw);
}
