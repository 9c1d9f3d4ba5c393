import { z } from "zod";
import { withKey } from "stable-schema";

const tenants = ["acme", "globex"] as const;
export const slugs: Record<string, z.ZodType<string>> = {};

// module-level loop: one closure per iteration, keyed by the loop variable.
for (const tenant of tenants) {
  slugs[tenant] = z.string().refine(withKey((slug) => slug.startsWith(`${tenant}-`), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/loop#isValid", tenant]));
}
