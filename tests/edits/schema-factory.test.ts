// lib/edits/schema-factory.ts: fix kind "schema-factory" of no-schema-in-function.
import { describe, expect, it } from "vitest";
import { schemaFactoryFix } from "../../lib/edits/schema-factory.js";
import { applyEdits } from "../snippets.js";
import { asOption, schemaPlanning } from "./schema-helpers.js";

function factory(code: string, index = 0, filename?: string) {
  const { context, facts } = schemaPlanning(code, filename ? { filename } : {});
  return schemaFactoryFix.plan(context, facts[index]!);
}

describe("schema-factory", () => {
  it("moves a schema that reads primitive locals into a module-level schemaFactory called with them", () => {
    const code = `import { z } from "zod";\nexport function handler(min: number, input: unknown) {\n  return z.object({ name: z.string().min(min) }).parse(input);\n}\n`;
    const option = factory(code);
    expect(option).toMatchObject({ kind: "schema-factory", name: "getHandlerSchema", safe: false, caution: { type: "tdz" } });
    expect(applyEdits(code, asOption(option).edits)).toBe(
      `import { z } from "zod";\nimport { schemaFactory } from "stable-schema";\nconst getHandlerSchema = schemaFactory((min: number) => z.object({ name: z.string().min(min) }));\n\nexport function handler(min: number, input: unknown) {\n  return getHandlerSchema(min).parse(input);\n}\n`,
    );
  });

  it("writes no parameter types in JavaScript, and takes a const literal as a primitive", () => {
    const code = `import { z } from "zod";\nexport const handler = (input) => {\n  const max = 3;\n  return z.string().max(max).parse(input);\n};\n`;
    const option = factory(code, 0, "virtual/a.js");
    expect(option).toMatchObject({ kind: "schema-factory", safe: false });
    expect(option && "fix" in option && option.caution).toBeUndefined();
    expect(applyEdits(code, asOption(option).edits)).toContain(`const getHandlerSchema = schemaFactory((max) => z.string().max(max));\n`);
  });

  it("says why not: a local type, a reassigned local, a value not known to be primitive, other calls", () => {
    const code = `import { z } from "zod";\nexport function a<T>(input: unknown) {\n  type L = { a: T };\n  return z.custom<L>(() => true).parse(input);\n}\nexport function b(input: unknown) {\n  let n = 1; n++;\n  return z.string().max(n).parse(input);\n}\nexport function c(opts: { n: number }, input: unknown) {\n  return z.string().max(opts.n).parse(input);\n}\nexport function d(n: number, input: unknown) {\n  return z.string().max(n).default(String(Date.now())).parse(input);\n}\n`;
    expect([0, 1, 2, 3].map((index) => factory(code, index))).toEqual([
      { kind: "schema-factory", reason: "it uses the local type `L`" },
      { kind: "schema-factory", reason: "`n` is reassigned" },
      { kind: "schema-factory", reason: "without type information it cannot tell that `opts` is a primitive" },
      { kind: "schema-factory", reason: "it does more than build a schema (calls or registrations would run once per argument list)" },
    ]);
  });

  it("is not offered in a component (use-memo is), nor for what reads no locals", () => {
    const component = `import { z } from "zod";\nexport function Form({ min }: { min: number }) {\n  const schema = z.string().min(min);\n  return <input data-s={String(schema)} />;\n}\n`;
    expect(factory(component, 0, "virtual/a.tsx")).toBeUndefined();
    expect(factory(`import { z } from "zod";\nexport const h = (x: unknown) => z.string().parse(x);\n`)).toBeUndefined();
  });
});
