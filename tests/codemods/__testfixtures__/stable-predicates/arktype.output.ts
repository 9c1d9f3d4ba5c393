import { type } from "arktype";
import { withKey } from "stable-schema";

function isValidSku(s: string) {
  return s.length > 0;
}

function trimNote(s: string) {
  return s.trim();
}

export function order(input: unknown, maxQuantity: number) {
  const schema = type({
    // tuple expressions: [def, ":", predicate] and [def, "=>", morph]
    sku: ["string", ":", isValidSku],
    quantity: ["number", ":", withKey((n) => n <= maxQuantity, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/arktype#isValidQuantity", maxQuantity])],
    note: ["string", "=>", trimNote],
  }).narrow(withKey((o, ctx) => o.quantity > 0 || ctx.mustBe("positive"), "eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/arktype#isValid"));
  return schema(input);
}

function trimValue(s: string) {
  return s.trim();
}

export function trimmed(input: unknown) {
  const schema = type("string").pipe(trimValue);
  return schema(input);
}
