import { z } from "zod";

// Slots from the review of zod 4.6's .d.ts: superRefine's `when`, stringFormat, withParser, apply.
export function order(input: unknown, strict: boolean, prefix: string, max: number) {
  const schema = z.object({
    sku: z.stringFormat("sku", (s: string) => s.startsWith(prefix)),
    note: z.string().superRefine((value: string, ctx) => {
      if (value.length > max) ctx.addIssue({ code: "custom", message: "too long" });
    }, { when: () => strict }),
    count: z.number().apply((s) => s.refine((n: number) => n <= max)),
    id: z.withParser(z.string(), (value: unknown) => (typeof value === "string" ? value.trim() : z.INVALID)),
  });
  return schema.safeParse(input);
}
