import { type } from "arktype";

export function order(input: unknown, maxQuantity: number) {
  const schema = type({
    // tuple expressions: [def, ":", predicate] and [def, "=>", morph]
    sku: ["string", ":", (s: string) => s.length > 0],
    quantity: ["number", ":", (n) => n <= maxQuantity],
    note: ["string", "=>", (s: string) => s.trim()],
  }).narrow((o, ctx) => o.quantity > 0 || ctx.mustBe("positive"));
  return schema(input);
}

export function trimmed(input: unknown) {
  const schema = type("string").pipe((s: string) => s.trim());
  return schema(input);
}
