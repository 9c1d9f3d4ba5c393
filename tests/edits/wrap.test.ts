// lib/edits/wrap.ts: the withKey wrap fix kind.
import { describe, expect, it } from "vitest";
import { wrap } from "../../lib/edits/wrap.js";
import { applyEdits } from "../snippets.js";
import { planning } from "./plan-helpers.js";

function wrapped(code: string) {
  const { context, facts } = planning(code);
  return facts.map((site) => wrap.plan(context, site));
}

describe("wrap", () => {
  it("wraps in withKey with the module id and the captures, adding the import once for the file", () => {
    const code = `import { z } from "zod";\nexport function f(min: number, max: number) {\n  return z.number().refine((n) => n > min).refine((n) => n < max);\n}\n`;
    const [first, second] = wrapped(code);
    expect(first).toMatchObject({ kind: "wrap", name: "snippet#isValid", data: { key: `["snippet#isValid", min]` } });
    // A second closure with the same base name is qualified by its function before it is numbered.
    expect(second).toMatchObject({ name: "snippet#isValidInF" });
    expect(first!.edits[0]).toBe(second!.edits[0]); // the shared import edit
    expect(applyEdits(code, first!.edits)).toBe(
      `import { z } from "zod";\nimport { withKey } from "stable-schema";\nexport function f(min: number, max: number) {\n  return z.number().refine(withKey((n) => n > min, ["snippet#isValid", min])).refine((n) => n < max);\n}\n`,
    );
  });

  it("a closure that captures nothing gets a string id", () => {
    const [option] = wrapped(`import { z } from "zod";\nexport function f() { return z.number().refine((n) => n > 0); }`);
    expect(option!.data).toEqual({ key: `"snippet#isValid"` });
  });

  it("does not apply to an enclosing `this`, a reassigned capture, or a capture declared below", () => {
    const reasons = wrapped(`import { z } from "zod";
export class C { m() { return z.number().refine((n) => n > this.min); } min = 1; }
export function f(p: number) { let m = p; m++; return z.number().refine((n) => n > m); }
export function g() { const s = z.number().refine((n) => n > late); const late = 1; return s; }`).map((option) => option.reason);
    expect(reasons).toEqual([
      "it uses `this` of the enclosing function, which differs between calls",
      "it captures `m`, which is reassigned, so a shared function would read another call's variable",
      "it captures `late`, which is declared below it: a key evaluated here would throw before `late` is initialised",
    ]);
  });
});
