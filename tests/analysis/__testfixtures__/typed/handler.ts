import { age } from "./schemas.js";
export function handle(input: unknown, min: number) {
  const a = age.refine((n) => n > 0).parse(input);
  const b = age.refine((n) => n > min).parse(input);
  const c = age.superRefine((n, ctx) => { if (n < 0) ctx.addIssue({ code: "custom", message: "neg" }); }).parse(input);
  return [a, b, c];
}

// Not a schema: same method name on a local object; must stay silent even with types.
const notSchema = { refine: (fn: (n: number) => boolean) => fn(1) };
export function local() {
  return notSchema.refine((n) => n > 0);
}
