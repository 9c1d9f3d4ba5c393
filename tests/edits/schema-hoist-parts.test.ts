// lib/edits/schema-hoist-parts.ts: fix kind "hoist-parts" of no-schema-in-function.
import { describe, expect, it } from "vitest";
import { hoistSchemaParts, independentParts } from "../../lib/edits/schema-hoist-parts.js";
import { applyEdits } from "../snippets.js";
import { asOption, schemaPlanning } from "./schema-helpers.js";

const code = `import { z } from "zod";\nexport function handler(min: number, input: unknown) {\n  return z.object({ name: z.string().min(min), email: z.string().email(), "x-y": z.string().trim(), one: z.number() }).parse(input);\n}\n`;

describe("hoist-parts", () => {
  it("hoists the independent sub-schemas of more than one call, named after their keys (partSchema otherwise)", () => {
    const { context, facts } = schemaPlanning(code);
    const option = hoistSchemaParts.plan(context, facts[0]!);
    expect(option).toMatchObject({ kind: "hoist-parts", name: "emailSchema, partSchema", safe: false, caution: { type: "tdz" } });
    expect(applyEdits(code, asOption(option).edits)).toBe(
      `import { z } from "zod";\nconst emailSchema = z.string().email();\nconst partSchema = z.string().trim();\n\nexport function handler(min: number, input: unknown) {\n  return z.object({ name: z.string().min(min), email: emailSchema, "x-y": partSchema, one: z.number() }).parse(input);\n}\n`,
    );
  });

  it("takes the largest part that qualifies, not the parts inside it, and none that reads locals or runs other calls", () => {
    const nested = `import { z } from "zod";\nexport function handler(min: number, input: unknown) {\n  return z.object({ name: z.string().min(min), tags: z.array(z.string().email()), at: z.string().max(limit()) }).parse(input);\n}\nfunction limit() { return 3; }\n`;
    const { input, source, expressions } = schemaPlanning(nested);
    const parts = independentParts(expressions[0]!, input, 0);
    expect(parts.map((part) => [source.text.slice(part.node.range[0], part.node.range[1]), part.base])).toEqual([["z.array(z.string().email())", "tagsSchema"]]);
  });

  it("is not offered when there is no such part, nor for what reads no locals", () => {
    const none = `import { z } from "zod";\nexport function handler(min: number, input: unknown) {\n  return z.object({ name: z.string().min(min), one: z.number() }).parse(input);\n}\n`;
    const first = schemaPlanning(none);
    expect(hoistSchemaParts.plan(first.context, first.facts[0]!)).toBeUndefined();
    const whole = schemaPlanning(`import { z } from "zod";\nexport const h = (x: unknown) => z.object({ e: z.string().email() }).parse(x);\n`);
    expect(hoistSchemaParts.plan(whole.context, whole.facts[0]!)).toBeUndefined();
  });
});
