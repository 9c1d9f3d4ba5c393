// The example app runs: `runAll` returns the results a migration must preserve. These expectations pin
// the app's behaviour so a before/after test of `stable-schema migrate` has a known baseline.
import { beforeAll, describe, expect, it } from "vitest";

// Loaded by URL, not by a static import: the root tsconfig leaves examples/ out (no JSX settings there),
// and the app type-checks with its own tsconfig (examples-typecheck.test.ts).
interface Response {
  readonly status: number;
  readonly body: unknown;
}
interface AppResults {
  readonly users: readonly Response[];
  readonly listQueries: readonly Response[];
  readonly signups: readonly { readonly invalid: boolean; readonly errors: string }[];
  readonly importBatches: readonly { readonly imported: string[]; readonly rejected: number }[];
  readonly orders: readonly boolean[];
}
interface AppModule {
  runAll(inputs?: unknown): AppResults;
  readonly sampleInputs: unknown;
}

const appEntry = new URL("../../examples/app/src/index.ts", import.meta.url).href;

describe("examples/app runAll", () => {
  let app: AppModule;
  let results: AppResults;
  beforeAll(async () => {
    app = (await import(/* @vite-ignore */ appEntry)) as AppModule;
    results = app.runAll(app.sampleInputs);
  });

  it("handlers validate per tenant policy", () => {
    // globex needs 21 (Bob is 19), initech 16 (Cy is 17); the last body is invalid everywhere.
    expect(results.users.map((response) => response.status)).toEqual([201, 400, 201, 400]);
    expect(JSON.stringify(results.users[1]?.body)).toContain("must be at least 21");
    expect(results.users[0]?.body).toEqual({
      tenant: "acme",
      user: { name: "Ada", email: "ada@example.com", age: 36, nickname: "ada" },
    });
    expect(results.listQueries.map((response) => response.status)).toEqual([200, 200, 400, 400]);
  });

  it("the signup form reports reserved names and weak passwords", () => {
    expect(results.signups.map((signup) => signup.invalid)).toEqual([false, true, false]);
    expect(results.signups[1]?.errors).toContain("username is reserved");
    expect(results.signups[1]?.errors).toContain("password needs a digit");
  });

  it("the import job checks each row against its own prefix", () => {
    expect(results.importBatches).toEqual([{ imported: ["AB-1", "CD-4"], rejected: 2 }]);
  });

  it("order desks enforce their own limits", () => {
    expect(results.orders).toEqual([true, false, false]);
  });

  it("is deterministic", () => {
    expect(app.runAll(app.sampleInputs)).toEqual(results);
  });
});
