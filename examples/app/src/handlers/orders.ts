// An order handler that validates with a schema from an imported factory: one new schema per request.
import type { Handler } from "../lib/http.js";
import { orderSchema } from "../schemas/orders.js";
import { TenantSchema } from "../schemas/shared.js";

const currencies = { acme: "USD", globex: "EUR", initech: "USD" } as const;

export const createOrder: Handler = (req, res) => {
  const tenant = TenantSchema.parse(req.params.tenant);
  const result = orderSchema(currencies[tenant]).safeParse(req.body);
  if (!result.success) {
    res.status(400).json({ errors: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) });
    return;
  }
  res.status(201).json({ tenant, order: result.data });
};
