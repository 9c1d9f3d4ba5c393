// Unit tests of traceSchemaCalls and repeatContext on parsed sources (no ESLint involved: the codemod path).
import { parseForESLint } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { type VisitorKeys, setParents } from "../../lib/analysis/ast.js";
import { defaultMemoFunctions, describeRepeat } from "../../lib/analysis/repetition.js";
import { analyzeFile, mentionsSchemaModule } from "../../lib/analysis/index.js";
import type { ScopeManager } from "../../lib/analysis/bindings.js";

function analyze(text: string, modules?: Record<string, string>) {
  const parsed = parseForESLint(text, { range: true, loc: true, sourceType: "module", ecmaFeatures: { jsx: true } });
  const ast = parsed.ast as TSESTree.Program;
  const visitorKeys = parsed.visitorKeys as VisitorKeys;
  setParents(ast, visitorKeys);
  return analyzeFile({ text, ast, scopeManager: parsed.scopeManager as unknown as ScopeManager, visitorKeys }, modules);
}

const options = { checkFactories: false, memoFunctions: defaultMemoFunctions };

describe("traceSchemaCalls", () => {
  it("records every schema call with its library and apiText, and slot sites in source order", () => {
    const analysis = analyze(`import { z } from "zod";
const base = z.string();
export const A = base.refine((s) => s.length > 0).transform((s) => s.length);`);
    const byPosition = [...analysis.trace.calls].sort((a, b) => a.node.range[0] - b.node.range[0]);
    expect(byPosition.map((c) => [c.library.id, c.name, c.apiText])).toEqual([
      ["zod", "string", "z.string()"],
      ["zod", "refine", ".refine()"],
      ["zod", "transform", ".transform()"],
    ]);
    expect(analysis.trace.sites.map((s) => [s.apiText, s.kind, s.flag])).toEqual([
      [".refine()", "predicate", true],
      [".transform()", "transform", true],
    ]);
    expect([...analysis.trace.schemaVariables].map((v) => v.name).sort()).toEqual(["A", "base"]);
  });

  it("records unflagged thunk slots (lazy, default) so the context analysis can see them", () => {
    const analysis = analyze(`import { z } from "zod";
export const T = z.lazy(() => z.string().default(() => "x"));`);
    expect(analysis.trace.sites.map((s) => [s.apiText, s.kind, s.flag, s.runs])).toEqual([
      ["z.lazy()", "lazy", false, "once"],
      [".default()", "default", false, undefined],
    ]);
  });

  it("stops at terminals: the result of .parse() is data", () => {
    const analysis = analyze(`import { z } from "zod";
export const out = z.array(z.number()).parse([]).filter((n) => n > 0);`);
    expect(analysis.trace.sites).toEqual([]);
    expect(analysis.trace.calls.map((c) => c.name).sort()).toEqual(["array", "number"]);
  });

  it("honours the module map and the prefilter", () => {
    const text = `import { z } from "@/lib/zod";\nexport function f() { return z.string().refine((s) => !!s).parse(""); }`;
    expect(mentionsSchemaModule(text)).toBe(false);
    expect(analyze(text).trace.sites).toEqual([]);
    expect(mentionsSchemaModule(text, { "@/lib/zod": "zod" })).toBe(true);
    expect(analyze(text, { "@/lib/zod": "zod" }).trace.sites.map((s) => s.apiText)).toEqual([".refine()"]);
  });

  it("does not trace the effect barrel's non-schema exports", () => {
    const analysis = analyze(`import { Schema, Stream } from "effect";
export function f(s: any) { s.pipe(Stream.filter((n: number) => n > 0)); return Schema.Number.pipe(Schema.filter((n) => n > 0)); }`);
    expect(analysis.trace.sites.map((s) => s.apiText)).toEqual(["Schema.filter()"]);
  });
});

describe("repeatContext", () => {
  const answerFor = (text: string, opts = options) => {
    const analysis = analyze(text);
    const site = analysis.trace.sites.find((s) => s.flag)!;
    return analysis.repetition(site.fn, opts);
  };

  it("module level is not repeated", () => {
    expect(answerFor(`import { z } from "zod";\nexport const A = z.string().refine((s) => !!s);`)).toEqual({ repeated: false, reason: "module", factory: undefined });
  });

  it("a function is repeated, with the function node and a message", () => {
    const answer = answerFor(`import { z } from "zod";\nexport function run() { return z.string().refine((s) => !!s).parse(""); }`);
    expect(answer.repeated).toBe(true);
    if (!answer.repeated) return;
    expect(answer.reason.type).toBe("function");
    expect(answer.reason.node.type).toBe("FunctionDeclaration");
    expect(describeRepeat(answer.reason)).toBe("on every call of `run`");
  });

  it("a factory is not repeated and is recorded as the factory", () => {
    const answer = answerFor(`import { z } from "zod";\nexport function make() { return z.string().refine((s) => !!s); }`);
    expect(answer.repeated).toBe(false);
    expect(answer.factory?.type).toBe("FunctionDeclaration");
    const checked = answerFor(`import { z } from "zod";\nexport function make() { return z.string().refine((s) => !!s); }`, { ...options, checkFactories: true });
    expect(checked.repeated).toBe(true);
    expect(checked.factory).toBeUndefined();
  });

  it("nested factories record the innermost one", () => {
    const answer = answerFor(`import { z } from "zod";\nexport function make(vs: string[]) { return z.union(vs.map((v) => z.literal(v).refine((s) => s === v))); }`);
    expect(answer.repeated).toBe(false);
    expect(answer.factory?.type).toBe("ArrowFunctionExpression");
  });

  it("memo callbacks answer 'memo'", () => {
    expect(answerFor(`import { z } from "zod";\nexport function useA() { return useMemo(() => z.string().refine((s) => !!s), []); }`)).toMatchObject({ repeated: false, reason: "memo" });
  });

  it("a valibot lazy getter is per-parse", () => {
    const answer = answerFor(`import * as v from "valibot";\nexport const S = v.lazy(() => v.pipe(v.string(), v.check((s) => !!s)));`);
    expect(answer.repeated && answer.reason.type).toBe("parse");
    if (answer.repeated) expect(describeRepeat(answer.reason)).toBe("on every parse, inside the `v.lazy()` callback");
  });

  it("loops report their label and line; instance fields their class", () => {
    const loop = answerFor(`import { z } from "zod";\n\nwhile (go()) z.string().refine((s) => !!s);`);
    expect(loop.repeated && describeRepeat(loop.reason)).toBe("on every iteration of the `while` loop at line 3");
    const field = answerFor(`import { z } from "zod";\nclass Store { s = z.string().refine((x) => !!x); }`);
    expect(field.repeated && describeRepeat(field.reason)).toBe("for every instance of `Store`");
  });
});
