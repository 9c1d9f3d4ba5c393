// Module-level schemas: built once when the module loads, so their closures are created once too.
// Nothing here should be reported by stable-schema's recommended config.
import { z } from "zod";

const isNonEmpty = (s: string): boolean => s.length > 0;

export const EmailSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s), "must be an email address");

export const NameSchema = z.string().refine(isNonEmpty, "is required");

export const TenantSchema = z.enum(["acme", "globex", "initech"]);
export type Tenant = z.infer<typeof TenantSchema>;

/** Per-tenant signup policy. */
export const policies: Readonly<Record<Tenant, { readonly minAge: number; readonly reservedNames: readonly string[] }>> = {
  acme: { minAge: 18, reservedNames: ["admin", "root"] },
  globex: { minAge: 21, reservedNames: ["admin"] },
  initech: { minAge: 16, reservedNames: [] },
};
