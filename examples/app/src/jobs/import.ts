// A batch import job: one valibot schema per row, built inside the loop.
import * as v from "valibot";

export interface ImportRow {
  readonly sku: string;
  readonly prefix: string;
  readonly quantity: number;
}

export interface ImportResult {
  readonly imported: string[];
  readonly rejected: number;
}

export function importRows(rows: readonly ImportRow[]): ImportResult {
  const imported: string[] = [];
  let rejected = 0;
  for (const row of rows) {
    const schema = v.object({
      sku: v.pipe(
        v.string(),
        v.transform((s) => s.trim().toUpperCase()),
        // captures `row` but reads only `row.prefix`: the codemod copies it (`const prefix = row.prefix`)
        // and the codemod wraps it as withKey(fn, ["import#isValidSkuPrefix", prefix]), so rows with the same
        // prefix share one closure (a key on the row object itself would miss for every new row)
        v.check((s) => s.startsWith(row.prefix.toUpperCase()), "wrong SKU prefix"),
      ),
      quantity: v.pipe(
        v.number(),
        v.check((n) => n > 0, "quantity must be positive"),
      ),
    });
    const parsed = v.safeParse(schema, row);
    if (parsed.success) imported.push(parsed.output.sku);
    else rejected += 1;
  }
  return { imported, rejected };
}
