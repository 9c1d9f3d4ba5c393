// Runs every part of the example app on a set of inputs and returns plain results, so a test can run
// the app before and after `stable-schema migrate` and compare: the migration must not change them.
import { SignupForm, type SignupValues } from "./components/SignupForm.js";
import { createOrder } from "./handlers/orders.js";
import { createUser, listUsers } from "./handlers/users.js";
import { type ImportResult, type ImportRow, importRows } from "./jobs/import.js";
import { type Handler, type Request, recordResponse } from "./lib/http.js";
import { type OrderLine, OrderDesk } from "./models/order.js";

export interface AppInputs {
  readonly users: readonly { readonly tenant: string; readonly body: unknown }[];
  readonly listQueries: readonly Readonly<Record<string, string | undefined>>[];
  readonly signups: readonly { readonly values: SignupValues; readonly reservedNames: readonly string[] }[];
  readonly importBatches: readonly (readonly ImportRow[])[];
  readonly orders: readonly { readonly maxQuantity: number; readonly line: OrderLine }[];
  readonly orderRequests: readonly { readonly tenant: string; readonly body: unknown }[];
}

export interface AppResults {
  readonly users: readonly { readonly status: number; readonly body: unknown }[];
  readonly listQueries: readonly { readonly status: number; readonly body: unknown }[];
  readonly signups: readonly { readonly invalid: boolean; readonly errors: string }[];
  readonly importBatches: readonly ImportResult[];
  readonly orders: readonly boolean[];
  readonly orderRequests: readonly { readonly status: number; readonly body: unknown }[];
}

export const sampleInputs: AppInputs = {
  users: [
    { tenant: "acme", body: { name: "Ada", email: " Ada@Example.com ", age: 36, nickname: "  ada " } },
    { tenant: "globex", body: { name: "Bob", email: "bob@example.com", age: 19 } },
    { tenant: "initech", body: { name: "Cy", email: "cy@example.com", age: 17 } },
    { tenant: "acme", body: { name: "", email: "not-an-email", age: 40 } },
  ],
  listQueries: [{}, { limit: "50" }, { limit: "0" }, { limit: "abc" }],
  signups: [
    { values: { username: "grace", password: "hopper1" }, reservedNames: ["admin", "root"] },
    { values: { username: " admin ", password: "secret" }, reservedNames: ["admin"] },
    { values: { username: "admin", password: "s3cret" }, reservedNames: [] },
  ],
  importBatches: [
    [
      { sku: " ab-1 ", prefix: "ab", quantity: 3 },
      { sku: "cd-2", prefix: "ab", quantity: 1 },
      { sku: "cd-3", prefix: "cd", quantity: 0 },
      { sku: "cd-4", prefix: "CD", quantity: 9 },
    ],
  ],
  orders: [
    { maxQuantity: 10, line: { sku: "a", quantity: 5 } },
    { maxQuantity: 10, line: { sku: "a", quantity: 11 } },
    { maxQuantity: 100, line: { sku: "b", quantity: 0 } },
  ],
  orderRequests: [
    { tenant: "acme", body: { sku: "a-1", quantity: 2, currency: "USD" } },
    { tenant: "globex", body: { sku: "a-1", quantity: 2, currency: "USD" } },
    { tenant: "initech", body: { sku: "", quantity: 1, currency: "USD" } },
  ],
};

/** Calls a handler as the server would and returns what it sent. */
export function handle(handler: Handler, req: Request): { status: number; body: unknown } {
  const res = recordResponse();
  handler(req, res);
  return { ...res.sent };
}

/** The app's HTTP handlers only: one request each (what a server's request loop runs). */
export function serveRequests(inputs: AppInputs = sampleInputs): { status: number; body: unknown }[] {
  return [
    ...inputs.users.map(({ tenant, body }) => handle(createUser, { params: { tenant }, query: {}, body })),
    ...inputs.listQueries.map((query) => handle(listUsers, { params: {}, query, body: undefined })),
    ...inputs.orderRequests.map(({ tenant, body }) => handle(createOrder, { params: { tenant }, query: {}, body })),
  ];
}

export function runAll(inputs: AppInputs = sampleInputs): AppResults {
  return {
    users: inputs.users.map(({ tenant, body }) => {
      const res = recordResponse();
      createUser({ params: { tenant }, query: {}, body }, res);
      return { ...res.sent };
    }),
    listQueries: inputs.listQueries.map((query) => {
      const res = recordResponse();
      listUsers({ params: {}, query, body: undefined }, res);
      return { ...res.sent };
    }),
    signups: inputs.signups.map((props) => {
      const element = SignupForm(props);
      const attributes = element.props as { "aria-invalid": boolean; "data-errors": string };
      return { invalid: attributes["aria-invalid"], errors: attributes["data-errors"] };
    }),
    importBatches: inputs.importBatches.map((rows) => importRows(rows)),
    orders: inputs.orders.map(({ maxQuantity, line }) => new OrderDesk(maxQuantity).accepts(line)),
    orderRequests: inputs.orderRequests.map(({ tenant, body }) => handle(createOrder, { params: { tenant }, query: {}, body })),
  };
}
