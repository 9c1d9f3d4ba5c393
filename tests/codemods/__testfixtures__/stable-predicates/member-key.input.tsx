import { z } from "zod";

interface Row {
  readonly id: string;
  readonly prefix: string;
}

export function SkuInputs({ rows, max }: { rows: Row[]; max: number }) {
  return rows.map((row) => z.string().refine((sku) => sku.startsWith(row.prefix) && sku.length <= max).safeParse(row.id).success);
}

export function checkAll(rows: Row[], input: string) {
  for (const row of rows) {
    const sku = z.string().refine((s) => s.startsWith(row.prefix) && s !== row.id);
    if (!sku.safeParse(input).success) return false;
  }
  return true;
}
