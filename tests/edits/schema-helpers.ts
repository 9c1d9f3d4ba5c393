// Planning schema fixes on parsed snippets: the real analysis, one SchemaPlanContext per file, the
// facts of every expression no-schema-in-function reports (its default memo functions).
import { schemaExpressions } from "../../lib/analysis/schema-expressions.js";
import type { SchemaFixLeft, SchemaFixOption } from "../../lib/edits/schema-fix-kind.js";
import { expressionFacts, schemaPlanContext } from "../../lib/edits/schema-plan.js";
import { analyze } from "../snippets.js";

const memoFunctions = ["useMemo", "useState", "useReducer", "once", "memoize", "memoizeOne", "cache", "schemaFactory"];

export function schemaPlanning(code: string, options: { filename?: string; hoist?: "eager" | "lazy" } = {}) {
  const filename = options.filename ?? "virtual/snippet.ts";
  const { source, analysis } = analyze(code, filename);
  const input = { source, analysis, filename, withKey: { module: "stable-schema", name: "withKey" }, hoist: options.hoist ?? "eager" };
  const context = schemaPlanContext(input);
  const expressions = schemaExpressions(analysis, source, { checkFactories: false, memoFunctions }).filter((expression) => expression.answer.repeated);
  return { source, input, context, expressions, facts: expressions.map((expression) => expressionFacts(context, expression)) };
}

/** The result of a kind's plan as an option (fails the test when the kind gave a reason or nothing). */
export function asOption(result: SchemaFixOption | SchemaFixLeft | undefined): SchemaFixOption {
  if (result === undefined || !("fix" in result)) throw new Error(`expected an option, got ${JSON.stringify(result)}`);
  return result;
}
