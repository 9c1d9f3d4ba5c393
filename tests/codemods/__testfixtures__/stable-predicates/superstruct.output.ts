import { coerce, define, number, refine, string, validate } from "superstruct";
import { withKey } from "stable-schema";

function transformQuantity(s: string) {
  return Number.parseFloat(s);
}

function validateSku(value: unknown) {
  return typeof value === "string" && /^[a-z]+-\d+$/.test(value);
}

export function parseQuantity(input: unknown, max: number) {
  const Quantity = refine(
    coerce(number(), string(), transformQuantity),
    "Quantity",
    withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/superstruct#checkQuantity", max]),
  );
  const Sku = define<string>("Sku", validateSku);
  return [validate(input, Quantity, { coerce: true }), validate(input, Sku)];
}
