import { z } from "zod";
import { withKey } from "stable-schema";

function validateId(value: unknown) {
  return (typeof value === "string" ? value.trim() : z.INVALID);
}

// Slots from the review of zod 4.6's .d.ts: superRefine's `when`, stringFormat, withParser, apply.
export function order(input: unknown, strict: boolean, prefix: string, max: number) {
  const schema = z.object({
    sku: z.stringFormat("sku", withKey((s: string) => s.startsWith(prefix), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod-review#isValidSku", prefix])),
    note: z.string().superRefine(withKey((value: string, ctx) => {
      if (value.length > max) ctx.addIssue({ code: "custom", message: "too long" });
    }, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod-review#checkNote", max]), { when: withKey(() => strict, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod-review#isValidNote", strict]) }),
    count: z.number().apply((s) => s.refine(withKey((n: number) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/zod-review#isValid", max]))),
    id: z.withParser(z.string(), validateId),
  });
  return schema.safeParse(input);
}
