// lib/edits/hoist.ts: the hoist fix kind.
import { describe, expect, it } from "vitest";
import { hoist } from "../../lib/edits/hoist.js";
import { applyEdits } from "../snippets.js";
import { planning } from "./plan-helpers.js";

function hoisted(code: string, filename?: string) {
  const { context, facts } = planning(code, filename);
  return hoist.plan(context, facts[0]!);
}

describe("hoist", () => {
  it("moves a closure that reads nothing to a module-level const above its statement", () => {
    const code = `import { z } from "zod";\nexport const handler = (input: unknown) => z.string().transform((s: string) => s.trim()).parse(input);\n`;
    const option = hoisted(code);
    expect(option).toMatchObject({ kind: "hoist", name: "trimValue", data: { name: "trimValue", form: "constant" } });
    expect(applyEdits(code, option.edits)).toBe(
      `import { z } from "zod";\nconst trimValue = (s: string) => s.trim();\n\nexport const handler = (input: unknown) => z.string().transform(trimValue).parse(input);\n`,
    );
    expect(option.fix).toEqual({ range: [option.edits[0]!.range[0], option.edits[1]!.range[1]], text: expect.any(String) });
  });

  it("writes a function declaration inside a hoisted function declaration (no temporal dead zone)", () => {
    const code = `import { z } from "zod";\nexport function f(x: unknown) { return z.number().refine((n: number) => n > 0).parse(x); }\n`;
    const option = hoisted(code);
    expect(option.data).toEqual({ name: "isValid", form: "function" });
    expect(applyEdits(code, option.edits)).toContain(`function isValid(n: number) {\n  return n > 0;\n}\n\nexport function f`);
  });

  it("does not apply when the closure reads locals, and says which", () => {
    const option = hoisted(`import { z } from "zod";\nexport function f(min: number) { return z.number().refine((n) => n > min); }`);
    expect(option).toEqual({ kind: "hoist", edits: [], reason: "it reads `min` from the code around it" });
  });

  it("needs types for a TypeScript parameter typed by the call (and not in JavaScript)", () => {
    const code = `import { z } from "zod";\nexport function f() { return z.number().refine((n) => n > 0); }`;
    expect(hoisted(code)).toMatchObject({ edits: [], needsTypes: true, reason: expect.stringContaining("parameter `n` gets its type from the call") });
    expect(hoisted(code, "virtual/snippet.js").fix).toBeDefined();
  });
});
