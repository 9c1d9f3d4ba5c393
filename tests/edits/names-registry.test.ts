// lib/edits/names.ts, the registry and the context names: never colliding, never reserved, qualifiers before numbers.
import { describe, expect, it } from "vitest";
import { schemaExpressions } from "../../lib/analysis/schema-expressions.js";
import { NameRegistry, baseNameFor, schemaBaseName, usedNames } from "../../lib/edits/names.js";
import { analyze, parse } from "../snippets.js";

describe("NameRegistry", () => {
  it("never returns a name already used in the file, a reserved word or a common global", () => {
    const registry = new NameRegistry(parse("const isValid = 1, isValid2 = 2; function check() {}").ast);
    expect(registry.identifier("isValid")).toBe("isValid3");
    expect(registry.identifier("isValid")).toBe("isValid4");
    expect(registry.identifier("check")).toBe("check2");
    expect(registry.identifier("name")).toBe("nameFn");
    expect(registry.identifier("default")).toBe("defaultFn");
  });

  it("after a base's suffixes are taken elsewhere, still finds the next free one", () => {
    const registry = new NameRegistry(parse("const a = 1;").ast);
    expect(registry.identifier("trimValue2")).toBe("trimValue2");
    expect(registry.identifier("trimValue")).toBe("trimValue");
    expect(registry.identifier("trimValue")).toBe("trimValue3");
  });

  it("ids are unique in the module, existing ids included", () => {
    const registry = new NameRegistry(parse("").ast, ["m#isValid"]);
    expect(registry.id("m#isValid")).toBe("m#isValid2");
    expect(registry.id("m#isValid")).toBe("m#isValid3");
    expect(registry.id("m#other")).toBe("m#other");
  });

  it("usedNames collects identifiers, keywords and JSX names", () => {
    const names = usedNames(parse("const View = () => <Box key={k} />;", "v.tsx").ast);
    expect([...names]).toEqual(expect.arrayContaining(["const", "View", "Box", "key", "k"]));
  });
});

describe("baseNameFor", () => {
  const names = (code: string) => analyze(code).sites.map((site) => baseNameFor(site));

  it("names a predicate after the object key or variable it validates", () => {
    expect(names(`import { z } from "zod"; const s = z.object({ age: z.number().refine((n) => n > 0) });`)).toEqual(["isValidAge"]);
    expect(names(`import { z } from "zod"; const email = z.string().refine((s) => s.includes("@"));`)).toEqual(["isValidEmail"]);
  });

  it("uses the check's own label (yup test name) and keeps is/has names", () => {
    expect(names(`import * as yup from "yup"; yup.string().test("has-digit", "x", (v) => /\\d/.test(v ?? ""));`)).toEqual(["hasDigit"]);
  });

  it("names a one-method transform after the method, a refinement check…", () => {
    expect(names(`import { z } from "zod"; const code = z.string().transform((s) => s.trim());`)).toEqual(["trimCode"]);
    expect(names(`import { z } from "zod"; z.string().superRefine((v, ctx) => {});`)).toEqual(["checkValue"]);
  });

  it("ignores generic variable names (`schema`) and one-letter names", () => {
    expect(names(`import { z } from "zod"; const schema = z.string().refine((s) => s.length > 0); const t = z.string().refine((s) => !!s);`)).toEqual([
      "isValid",
      "isValid",
    ]);
  });
});

describe("schemaBaseName", () => {
  const names = (code: string): string[] => {
    const { source, analysis } = analyze(code);
    return schemaExpressions(analysis, source, { checkFactories: false, memoFunctions: [] }).map(schemaBaseName);
  };
  it("keeps a variable name that already says what it is, else adds Schema (Validator for a compiled function)", () => {
    const code = `import { z } from "zod";\nimport Ajv from "ajv";\nconst ajv = new Ajv();\nexport function f() {\n  const userSchema = z.object({});\n  const user = z.string() as z.ZodString;\n  const check = ajv.compile({ type: "string" });\n  const schema = z.number();\n}\n`;
    expect(names(code)).toEqual(["ajvSchema", "userSchema", "userSchema", "checkValidator", "fSchema"]);
  });
  it("uses a property key, else the enclosing function without its verb prefix", () => {
    const code = `import { z } from "zod";\nexport function handleOrder() {\n  return { body: z.string(), schema: z.number(), x: z.boolean() };\n}\nexport function useForm() {\n  return z.string().min(1);\n}\n`;
    expect(names(code)).toEqual(["bodySchema", "orderSchema", "orderSchema", "formSchema"]);
  });
});
