import { coerce, define, number, refine, string, validate } from "superstruct";

export function parseQuantity(input: unknown, max: number) {
  const Quantity = refine(
    coerce(number(), string(), (s: string) => Number.parseFloat(s)),
    "Quantity",
    (n) => n <= max,
  );
  const Sku = define<string>("Sku", (value: unknown) => typeof value === "string" && /^[a-z]+-\d+$/.test(value));
  return [validate(input, Quantity, { coerce: true }), validate(input, Sku)];
}
