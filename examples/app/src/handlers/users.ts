// Express-style request handlers. Both build their zod schema inside the handler, so every request
// creates new closures and a new schema (the bug class stable-schema reports and migrates).
import { z } from "zod";
import type { Handler } from "../lib/http.js";
import { EmailSchema, NameSchema, TenantSchema, policies } from "../schemas/shared.js";

export const createUser: Handler = (req, res) => {
  const tenant = TenantSchema.parse(req.params.tenant);
  const minAge = policies[tenant].minAge;
  const body = z.object({
    name: NameSchema,
    email: EmailSchema,
    // captures `minAge`: the codemod wraps it as withKey(fn, ["users#isAtLeastMinAge", minAge])
    age: z.number().refine((n) => n >= minAge, `must be at least ${minAge}`),
    // no captures: can be hoisted to a module-level constant
    nickname: z
      .string()
      .transform((s) => s.trim())
      .optional(),
  });
  const result = body.safeParse(req.body);
  if (!result.success) {
    res.status(400).json({ errors: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) });
    return;
  }
  res.status(201).json({ tenant, user: result.data });
};

export const listUsers: Handler = (req, res) => {
  const query = z.object({
    limit: z
      .string()
      .optional()
      .transform((s) => (s === undefined ? 20 : Number(s)))
      .refine((n) => Number.isInteger(n) && n > 0 && n <= 100, "limit must be 1..100"),
  });
  const result = query.safeParse(req.query);
  if (!result.success) {
    res.status(400).json({ errors: result.error.issues.map((issue) => issue.message) });
    return;
  }
  res.json({ limit: result.data.limit, users: [] });
};
