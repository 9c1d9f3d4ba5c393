// Unit tests of evaluationOf on parsed snippets: what evaluating a schema expression runs besides
// schema constructions (calls that are not pure globals or listed pure imports, assignments, JSX…),
// and the constructions that register the schema (zod `.register()`, `.meta({ id })`).
import { describe, expect, it } from "vitest";
import { type Evaluation, evaluationOf } from "../../lib/analysis/evaluation.js";
import { analyze, nodeAt } from "../snippets.js";

const withKey = { module: "stable-schema", name: "withKey" };

/** The evaluation of the outermost call that starts at `marker`, as texts. */
function evaluationAt(code: string, marker: string, options: { factoryCall?: boolean; pure?: boolean } = {}): { otherCalls: string[]; registrations: string[] } {
  const { source, analysis } = analyze(code, "snippet.tsx");
  const node = nodeAt(source, marker, "CallExpression");
  const evaluation: Evaluation = evaluationOf(node, analysis, source.scopeManager, source.visitorKeys, options.factoryCall ? node : undefined, options.pure ? [withKey] : []);
  return {
    otherCalls: evaluation.otherCalls.map((call) => source.text.slice(call.range[0], call.range[1])),
    registrations: evaluation.registrations.map((call) => call.name),
  };
}

describe("evaluationOf", () => {
  it("runs nothing else when it only builds schemas and calls pure globals", () => {
    const code = `import { z } from "zod";\nconst keys = ["a", "b"] as const;\nexport const S = z.object({ tags: z.array(z.string()).max(Math.max(1, 2)), kind: z.enum(Object.values({ a: "a" })) });\n`;
    expect(evaluationAt(code, "z.object(")).toEqual({ otherCalls: [], registrations: [] });
  });

  it("lists calls of local functions and of non-pure globals, but not what closures inside would run", () => {
    const code = `import { z } from "zod";\nfunction limit() { return 3; }\nexport const S = z.string().max(limit()).default(Date.now().toString()).refine((s) => check(s));\n`;
    expect(evaluationAt(code, "z.string()").otherCalls).toEqual(["limit()", "Date.now().toString()", "Date.now()"]);
  });

  it("lists assignments, updates, await, JSX, classes and delete as things that run", () => {
    const code = `import { z } from "zod";\nlet n = 0;\nexport async function f(o: any) {\n  return z.object({ a: z.literal(n++), b: z.literal((n = 2)), c: z.literal(await o), d: z.any().default(<div />), e: z.instanceof(class {}), f: z.literal(delete o.x) });\n}\n`;
    expect(evaluationAt(code, "z.object(").otherCalls).toEqual(["n++", "n = 2", "await o", "<div />", "class {}", "delete o.x"]);
  });

  it("finds registrations, outermost first: `.register()` always, `.meta()` only with an `id` key (or an options object it cannot read)", () => {
    const code = `import { z } from "zod";\nexport const A = z.string().register(z.globalRegistry, {}).meta({ title: "t" }).meta({ id: "a" }).meta(opts);\nconst opts = {};\n`;
    expect(evaluationAt(code, "z.string()").registrations).toEqual(["meta", "meta", "register"]);
    const untitled = `import { z } from "zod";\nexport const A = z.string().meta({ title: "t" }).meta({ ...extra });\nconst extra = {};\n`;
    expect(evaluationAt(untitled, "z.string()").registrations).toEqual(["meta"]);
  });

  it("does not count the factory call itself, nor listed pure imports resolved by binding", () => {
    const code = `import { withKey } from "stable-schema";\nimport { z } from "zod";\nexport const S = z.string().refine(withKey((s: string) => s.length > 0, ["id"]));\n`;
    expect(evaluationAt(code, "z.string()").otherCalls).toEqual(["withKey((s: string) => s.length > 0, [\"id\"])"]);
    expect(evaluationAt(code, "z.string()", { pure: true }).otherCalls).toEqual([]);
    const factory = `import { make } from "./schemas";\nexport const S = make(1);\n`;
    expect(evaluationAt(factory, "make(1)").otherCalls).toEqual(["make(1)"]);
    expect(evaluationAt(factory, "make(1)", { factoryCall: true }).otherCalls).toEqual([]);
  });
});
