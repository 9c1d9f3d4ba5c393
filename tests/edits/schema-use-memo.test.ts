// lib/edits/schema-use-memo.ts: fix kind "use-memo" of no-schema-in-function, and where a hook can go.
import { describe, expect, it } from "vitest";
import { useMemoFix } from "../../lib/edits/schema-use-memo.js";
import { applyEdits } from "../snippets.js";
import { asOption, schemaPlanning } from "./schema-helpers.js";

const tsx = { filename: "virtual/a.tsx" };

function memoised(code: string, index = 0) {
  const { context, facts } = schemaPlanning(code, tsx);
  return useMemoFix.plan(context, facts[index]!);
}

describe("use-memo", () => {
  it("wraps a schema that reads a component's locals in useMemo with those locals as deps, importing useMemo", () => {
    const code = `import { z } from "zod";\nexport function Form({ min }: { min: number }) {\n  const schema = z.string().min(min);\n  return <input data-s={String(schema)} />;\n}\n`;
    const option = memoised(code);
    expect(option).toMatchObject({ kind: "use-memo", name: "[min]", safe: false });
    expect(applyEdits(code, asOption(option).edits)).toBe(
      `import { z } from "zod";\nimport { useMemo } from "react";\nexport function Form({ min }: { min: number }) {\n  const schema = useMemo(() => z.string().min(min), [min]);\n  return <input data-s={String(schema)} />;\n}\n`,
    );
  });

  it("says why a hook cannot go there: conditional, below an early return, inside a callback", () => {
    const code = `import { z } from "zod";\nexport function A({ min, on }: { min: number; on: boolean }) {\n  const schema = on ? z.string().min(min) : null;\n  return <input data-s={String(schema)} />;\n}\nexport function B({ min }: { min: number }) {\n  if (!min) return null;\n  const schema = z.string().min(min);\n  return <input data-s={String(schema)} />;\n}\nexport function C({ min }: { min: number }) {\n  const on = () => z.string().min(min);\n  return <input onChange={on} />;\n}\n`;
    expect([0, 1, 2].map((index) => memoised(code, index))).toEqual([
      { kind: "use-memo", reason: "it is evaluated conditionally, and hooks must run on every render" },
      { kind: "use-memo", reason: "a `return` above it makes a hook there conditional" },
      { kind: "use-memo", reason: "it is inside a callback, where a hook cannot be called" },
    ]);
  });

  it("is not offered outside components and hooks, nor for what reads no locals", () => {
    expect(memoised(`import { z } from "zod";\nexport function handler(min: number, x: unknown) {\n  return z.string().min(min).parse(x);\n}\n`)).toBeUndefined();
    expect(memoised(`import { z } from "zod";\nexport function Form() {\n  const schema = z.string();\n  return <input data-s={String(schema)} />;\n}\n`)).toBeUndefined();
  });
});
