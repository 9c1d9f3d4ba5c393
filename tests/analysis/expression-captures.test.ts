// Unit tests of expressionCaptures on parsed snippets: what a schema expression reads from the code
// around it (values, types, this), and which module-level bindings are not initialised (or not fixed)
// where a hoisted constant would go.
import type { TSESTree } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { type ExpressionCaptures, expressionCaptures } from "../../lib/analysis/expression-captures.js";
import { nodeAt, parse } from "../snippets.js";

/** The captures of the call expression that starts at `marker`, as seen from above its top-level statement. */
function capturesAt(code: string, marker: string, filename = "snippet.ts"): ExpressionCaptures {
  const source = parse(code, filename);
  const node = nodeAt(source, marker, "CallExpression");
  let statement: TSESTree.Node = node;
  while (statement.parent && statement.parent.type !== "Program") statement = statement.parent;
  return expressionCaptures(node, source.scopeManager, source.visitorKeys, statement.range[0]);
}

const summary = (captures: ExpressionCaptures) => ({
  values: captures.values.map((c) => [c.name, c.binding, c.reassigned]),
  types: captures.types.map((c) => c.name),
  usesThis: captures.usesThis,
  lateModule: captures.lateModule,
  moduleFunctions: captures.moduleFunctions.map((v) => v.name),
});

describe("expressionCaptures", () => {
  it("reads nothing local when it only uses imports and module-level constants declared above", () => {
    const code = `import { z } from "zod";\nconst Max = 3;\nexport function f() {\n  return z.string().max(Max);\n}\n`;
    expect(summary(capturesAt(code, "z.string().max"))).toEqual({ values: [], types: [], usesThis: false, lateModule: [], moduleFunctions: [] });
  });

  it("lists local values in order of first use, once each, with their binding kind and reassignment", () => {
    const code = `import { z } from "zod";\nexport function f(max: number) {\n  let min = 1;\n  min++;\n  return z.number().max(max).min(min).lt(max);\n}\n`;
    expect(summary(capturesAt(code, "z.number()")).values).toEqual([
      ["max", "parameter", false],
      ["min", "let", true],
    ]);
  });

  it("tells local types from values, and ignores the parameters of closures inside the expression", () => {
    const code = `import { z } from "zod";\nexport function f<T>() {\n  type Local = string;\n  return z.custom<T>((v: Local) => typeof v === "string");\n}\n`;
    const captures = summary(capturesAt(code, "z.custom"));
    expect(captures.values).toEqual([]);
    expect(captures.types).toEqual(["T", "Local"]);
  });

  it("sees an enclosing `this` and `new.target`, but not those of a nested function", () => {
    const outer = `import { z } from "zod";\nclass A {\n  max = 3;\n  make() {\n    return z.string().max(this.max);\n  }\n}\n`;
    expect(capturesAt(outer, "z.string()").usesThis).toBe(true);
    const target = `import { z } from "zod";\nexport function F() {\n  return z.string().describe(String(new.target));\n}\n`;
    expect(capturesAt(target, "z.string()").usesThis).toBe(true);
    const nested = `import { z } from "zod";\nexport function f() {\n  return z.string().refine(function () { return this !== undefined; });\n}\n`;
    expect(capturesAt(nested, "z.string()").usesThis).toBe(false);
  });

  it("sees the enclosing function's `arguments` through an arrow (it differs per call like `this`), not a nested function's own", () => {
    const through = `import { z } from "zod";\nexport function g() {\n  return () => z.string().max(arguments.length);\n}\n`;
    expect(capturesAt(through, "z.string()").usesThis).toBe(true);
    const own = `import { z } from "zod";\nexport function g() {\n  return z.string().refine(function () { return arguments.length > 0; });\n}\n`;
    expect(capturesAt(own, "z.string()").usesThis).toBe(false);
  });

  it("reports module-level bindings declared below, or reassigned, as not initialised where the constant goes", () => {
    const below = `import { z } from "zod";\nexport function f() {\n  return z.string().max(Max);\n}\nconst Max = 3;\n`;
    expect(capturesAt(below, "z.string()").lateModule).toEqual(["Max"]);
    const reassigned = `import { z } from "zod";\nlet max = 3;\nexport function f() {\n  return z.string().max(max);\n}\nexport const set = (n: number) => { max = n; };\n`;
    expect(capturesAt(reassigned, "z.string()").lateModule).toEqual(["max"]);
    const typeOnly = `import { z } from "zod";\nexport function f() {\n  return z.custom<Later>(() => true);\n}\ninterface Later { a: 1 }\n`;
    expect(capturesAt(typeOnly, "z.custom").lateModule).toEqual([]);
  });

  it("lists the module-level functions it reads (a hoisted call runs them at module load)", () => {
    const code = `import { z } from "zod";\nfunction limit() { return 3; }\nconst other = () => 4;\nexport function f() {\n  return z.string().max(limit()).min(other());\n}\n`;
    expect(summary(capturesAt(code, "z.string()")).moduleFunctions).toEqual(["limit", "other"]);
  });
});
