// lib/edits/schema-plan.ts: the schema plan of a file — every kind asked in order, options and what
// was left, names unique across the file and imports planned once.
import { describe, expect, it } from "vitest";
import { schemaExpressions } from "../../lib/analysis/schema-expressions.js";
import { planSchemaExpressions } from "../../lib/edits/schema-plan.js";
import { schemaFixKinds } from "../../lib/edits/schema-fix-kinds.js";
import { analyze } from "../snippets.js";

function plans(code: string, filename = "virtual/snippet.ts", hoist: "eager" | "lazy" = "eager") {
  const { source, analysis } = analyze(code, filename);
  const reported = schemaExpressions(analysis, source, { checkFactories: false, memoFunctions: ["useMemo"] }).filter((expression) => expression.answer.repeated);
  return planSchemaExpressions({ source, analysis, filename, withKey: { module: "stable-schema", name: "withKey" }, hoist }, reported);
}

describe("planSchemaExpressions", () => {
  it("asks the kinds in order: hoist, hoist-lazy, use-memo, schema-factory, hoist-parts", () => {
    expect(schemaFixKinds.map((kind) => kind.kind)).toEqual(["hoist", "hoist-lazy", "use-memo", "schema-factory", "hoist-parts"]);
  });

  it("keeps the options that apply in kind order, and the kinds that could not with why", () => {
    const [plan] = plans(`import { z } from "zod";\nexport function handler(min: number, input: unknown) {\n  return z.object({ name: z.string().min(min), email: z.string().email() }).parse(input);\n}\n`);
    expect(plan!.options.map((option) => [option.kind, option.name])).toEqual([
      ["schema-factory", "getHandlerSchema"],
      ["hoist-parts", "emailSchema"],
    ]);
    expect(plan!.left).toEqual([{ kind: "hoist", reason: "it reads `min` from the code around it" }]);
    const [lazy] = plans(`import { z } from "zod";\nexport const f = (min: number, x: unknown) => z.string().min(min).parse(x);\n`, "virtual/snippet.ts", "lazy");
    expect(lazy!.left.map((entry) => entry.kind)).toEqual(["hoist-lazy"]);
  });

  it("gives every expression of a file its own name, and plans the useMemo import once for all of them", () => {
    const code = `import { z } from "zod";\nexport const a = (x: unknown) => z.string().parse(x);\nexport const b = (x: unknown) => z.number().parse(x);\nexport const c = (x: unknown) => z.boolean().parse(x);\n`;
    const names = plans(code).map((plan) => plan.options[0]!.name);
    expect(names).toEqual(["aSchema", "bSchema", "cSchema"]);
    const same = `import { z } from "zod";\nexport const run = (x: unknown) => [z.string().parse(x), z.number().parse(x)];\n`;
    expect(plans(same).map((plan) => plan.options[0]!.name)).toEqual(["runSchema", "runSchema2"]);
    const memo = `import { z } from "zod";\nexport function Form({ a, b }: { a: number; b: number }) {\n  const s = z.string().min(a);\n  const t = z.string().max(b);\n  return <input data-s={String(s) + String(t)} />;\n}\n`;
    const memoPlans = plans(memo, "virtual/a.tsx");
    const [first, second] = memoPlans.flatMap((plan) => plan.options.filter((option) => option.kind === "use-memo"));
    // Each suggestion carries the import (it must apply on its own); it is the same planned edit, not a second `useMemo2`.
    expect(first!.edits[0]).toEqual({ range: [24, 24], text: `\nimport { useMemo } from "react";` });
    expect(second!.edits[0]).toBe(first!.edits[0]);
    expect(second!.edits[1]!.text).toBe("useMemo(() => z.string().max(b), [b])");
  });
});
