import { z } from "zod";

const tenants = ["acme", "globex"] as const;
export const slugs: Record<string, z.ZodType<string>> = {};

// module-level loop: one closure per iteration, keyed by the loop variable.
for (const tenant of tenants) {
  slugs[tenant] = z.string().refine((slug) => slug.startsWith(`${tenant}-`));
}
