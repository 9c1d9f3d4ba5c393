// lib/edits/schema-hoist.ts: fix kinds "hoist" and "hoist-lazy" of no-schema-in-function.
import { describe, expect, it } from "vitest";
import { hoistSchema, hoistSchemaLazy } from "../../lib/edits/schema-hoist.js";
import { applyEdits } from "../snippets.js";
import { asOption, schemaPlanning } from "./schema-helpers.js";

function hoisted(code: string, options: Parameters<typeof schemaPlanning>[1] = {}, index = 0) {
  const { context, facts } = schemaPlanning(code, options);
  const kind = options.hoist === "lazy" ? hoistSchemaLazy : hoistSchema;
  return kind.plan(context, facts[index]!);
}

describe("hoist", () => {
  it("moves a const declaration as a whole, with the comment above it, keeping its name (a safe autofix)", () => {
    const code = `import { z } from "zod";\nexport const handler = (input: unknown) => {\n  // the user\n  const userSchema = z.object({\n    name: z.string(),\n  });\n  return userSchema.parse(input);\n};\n`;
    const option = hoisted(code);
    expect(option).toMatchObject({ kind: "hoist", name: "userSchema", safe: true });
    expect(applyEdits(code, asOption(option).edits)).toBe(
      `import { z } from "zod";\n// the user\nconst userSchema = z.object({\n  name: z.string(),\n});\n\nexport const handler = (input: unknown) => {\n  return userSchema.parse(input);\n};\n`,
    );
  });

  it("puts any other expression in a new constant named from its context", () => {
    const code = `import { z } from "zod";\nexport const handler = (input: unknown) => z.object({ name: z.string() }).parse(input);\n`;
    const option = hoisted(code);
    expect(option).toMatchObject({ kind: "hoist", name: "handlerSchema", safe: true });
    expect(applyEdits(code, asOption(option).edits)).toBe(
      `import { z } from "zod";\nconst handlerSchema = z.object({ name: z.string() });\n\nexport const handler = (input: unknown) => handlerSchema.parse(input);\n`,
    );
  });

  it("is not possible when the expression reads locals, or module bindings not initialised above it", () => {
    expect(hoisted(`import { z } from "zod";\nexport const f = (min: number, s: string) => z.string().min(min).parse(s);\n`)).toEqual({
      kind: "hoist",
      reason: "it reads `min` from the code around it",
    });
    expect(hoisted(`import { z } from "zod";\nexport const g = (s: string) => z.string().max(Max).parse(s);\nconst Max = 3;\n`)).toEqual({
      kind: "hoist",
      reason: "`Max` is not initialised (or not fixed) where a module-level constant would go",
    });
  });

  it("is a suggestion with a caution when building it once could change something", () => {
    const code = `import { z } from "zod";\nimport Ajv from "ajv";\nconst ajv = new Ajv();\nexport const a = (x: unknown) => ajv.compile({ type: "string" })(x);\nexport const b = (x: unknown) => z.string().meta({ id: "b" }).parse(x);\nexport const c = (x: unknown) => z.string().max(limit()).parse(x);\nfunction limit() { return 3; }\nexport function d(x: unknown) { return z.string().parse(x); }\n`;
    const cautions = [0, 1, 2, 3].map((index) => hoisted(code, {}, index));
    expect(cautions.map((option) => option && "fix" in option && [option.safe, option.caution])).toEqual([
      [false, { type: "compile", text: "it compiles at module load, against the instance's state at that point" }],
      [false, { type: "registration", text: "it registers the schema (`.meta()`): once instead of on every call" }],
      [false, { type: "evaluation", text: "it calls `limit()`: once at module load instead of on every call" }],
      [false, { type: "tdz", text: "`d` is an exported function declaration: a circular import can call it before the module body reaches the constant" }],
    ]);
  });

  it("is not offered with hoist: lazy (hoist-lazy is)", () => {
    const code = `import { z } from "zod";\nexport const handler = (input: unknown) => z.string().parse(input);\n`;
    const { context, facts } = schemaPlanning(code, { hoist: "lazy" });
    expect(hoistSchema.plan(context, facts[0]!)).toBeUndefined();
  });
});

describe("hoist-lazy", () => {
  const code = `import { z } from "zod";\nexport const handler = (input: unknown) => z.object({ name: z.string() }).parse(input);\n`;

  it("builds on first use through a getter; in TypeScript a builder function types the variable", () => {
    const option = hoisted(code, { hoist: "lazy" });
    expect(option).toMatchObject({ kind: "hoist-lazy", name: "handlerSchema", safe: true });
    expect(applyEdits(code, asOption(option).edits)).toBe(
      `import { z } from "zod";\nfunction buildHandlerSchema() {\n  return z.object({ name: z.string() });\n}\nlet handlerSchema: ReturnType<typeof buildHandlerSchema> | undefined;\nconst getHandlerSchema = () => (handlerSchema ??= buildHandlerSchema());\n\nexport const handler = (input: unknown) => getHandlerSchema().parse(input);\n`,
    );
  });

  it("in JavaScript is a plain `let` and getter", () => {
    const js = `import { z } from "zod";\nexport const handler = (input) => z.object({ name: z.string() }).parse(input);\n`;
    const option = hoisted(js, { hoist: "lazy", filename: "virtual/a.js" });
    expect(applyEdits(js, asOption(option).edits)).toBe(
      `import { z } from "zod";\nlet handlerSchema;\nconst getHandlerSchema = () => (handlerSchema ??= z.object({ name: z.string() }));\n\nexport const handler = (input) => getHandlerSchema().parse(input);\n`,
    );
  });

  it("is not offered with hoist: eager", () => {
    const { context, facts } = schemaPlanning(code);
    expect(hoistSchemaLazy.plan(context, facts[0]!)).toBeUndefined();
  });
});
