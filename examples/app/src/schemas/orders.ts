// A schema factory in a module of its own: every call builds a new zod schema. Nothing here runs
// repeatedly as far as this module can tell (a factory is reported where it is called), and the
// handler that calls it imports it: without type information the rules see neither side.
// The profiler (docs/profiler.md) counts its builds at run time.
import { z } from "zod";

export function orderSchema(currency: string) {
  return z.object({
    sku: z.string().min(1),
    quantity: z.number().int().positive(),
    currency: z.literal(currency),
  });
}
