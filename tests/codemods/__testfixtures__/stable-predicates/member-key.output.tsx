import { z } from "zod";
import { withKey } from "stable-schema";

interface Row {
  readonly id: string;
  readonly prefix: string;
}

export function SkuInputs({ rows, max }: { rows: Row[]; max: number }) {
  return rows.map((row) => {
    const prefix = row.prefix;
    return z.string().refine(withKey((sku) => sku.startsWith(prefix) && sku.length <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/member-key#isValid", max, prefix])).safeParse(row.id).success;
  });
}

export function checkAll(rows: Row[], input: string) {
  for (const row of rows) {
    const rowPrefix = row.prefix;
    const id = row.id;
    const sku = z.string().refine(withKey((s) => s.startsWith(rowPrefix) && s !== id, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/member-key#isValidSku", rowPrefix, id]));
    if (!sku.safeParse(input).success) return false;
  }
  return true;
}
