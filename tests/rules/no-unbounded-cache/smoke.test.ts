import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { it } from "vitest";
import rule from "../../../rules/no-unbounded-cache.js";
it("smoke", () => {
  const code = `
const requests = new Map<string, { started: number }>();
export async function handle(req: { id: string }) {
  requests.set(req.id, { started: Date.now() });
  await work(req);
  log(requests.get(req.id));
}
declare function work(r: unknown): Promise<void>;
declare function log(x: unknown): void;
const registry: Record<string, number> = {};
registry["a"] = 1;
function register(name: string, n: number) { registry[name] = n; }
register("x", 1);
const memo = new Map();
export function fmt(locale: string) { let f = memo.get(locale); if (!f) { f = new Intl.NumberFormat(locale); memo.set(locale, f); } return f; }
const capped = new Map();
export function c(k: string) { if (capped.size > 100) capped.clear(); capped.set(k, 1); }
class Store { #cache = new Map<string, number>(); get(k: string) { this.#cache.set(k, 1); return this.#cache.get(k); } }
const store = new Store();
store.get("a");
`;
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { s: { rules: { r: rule } } as never }, rules: { "s/r": "error" } }], { filename: "x.ts" });
  for (const m of messages) console.log(m.line, m.message, JSON.stringify(m.suggestions?.map((s) => s.desc)));
});
