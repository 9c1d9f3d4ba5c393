// Fix plans for schema expressions rebuilt in repeated code (`no-schema-in-function`), planned on the
// original text like the closure plans of plan.ts, and shared by the rule and the codemod. Each
// reported expression is offered to the fix kinds of schema-fix-kinds.ts in order:
//   hoist          the whole schema to a module-level constant (named after the variable it was assigned to)
//   hoist-lazy     the same, built on first use: `let S; const getS = () => (S ??= …)`
//   use-memo       in a React component or hook: `useMemo(() => …, [captured locals])`
//   schema-factory elsewhere: a module-level `schemaFactory((a, b) => …)` from stable-schema, called with the locals
//   hoist-parts    where only parts depend on locals: the independent sub-schemas to module-level constants
// A hoist is `safe` (an autofix) only when nothing can change: no captured locals or types, no calls
// other than schema constructions, no registration, no temporal dead zone. Otherwise it is a
// suggestion with its `caution`, and the options that were not possible say why in `left`.
import type { TSESTree } from "@typescript-eslint/types";
import { expressionCaptures } from "../analysis/expression-captures.js";
import type { SchemaExpression } from "../analysis/schema-expressions.js";
import { planNamedImport, useMemoCallee } from "./imports.js";
import { NameRegistry } from "./names.js";
import { insertionPoint, topLevelStatement } from "./placement.js";
import { isTypeScriptFile } from "./plan.js";
import {
  type ExpressionFacts,
  type SchemaFixLeft,
  type SchemaFixOption,
  type SchemaPlanContext,
  type SchemaPlannerInput,
  isOption,
} from "./schema-fix-kind.js";
import { schemaFixKinds } from "./schema-fix-kinds.js";
import { componentFor } from "./schema-use-memo.js";
import { type TextEdit, dedented, lineEnding } from "./text.js";

export type { Caution, SchemaFixKindName, SchemaFixLeft, SchemaFixOption, SchemaPlannerInput } from "./schema-fix-kind.js";

export interface SchemaPlan {
  readonly expression: SchemaExpression;
  readonly options: readonly SchemaFixOption[];
  /** Fix kinds that were not possible, with the reason (for messages and the codemod's report). */
  readonly left: readonly SchemaFixLeft[];
}

/** The per-file state every kind plans with (names, insertion points, the useMemo and schemaFactory imports shared by all expressions). */
export function schemaPlanContext(input: SchemaPlannerInput): SchemaPlanContext {
  const { source } = input;
  const registry = new NameRegistry(source.ast);
  const insertionPoints = new Map<TSESTree.Node, number>();
  let memoCallee: { callee: string; edit?: TextEdit } | undefined;
  let factoryImport: { local: string; edit?: TextEdit } | undefined;
  return {
    input,
    registry,
    eol: lineEnding(source.text),
    typescript: isTypeScriptFile(input.filename),
    planned: new Set(),
    insertionPoint(statement) {
      let at = insertionPoints.get(statement);
      if (at === undefined) {
        at = insertionPoint(source, statement);
        insertionPoints.set(statement, at);
      }
      return at;
    },
    useMemoCallee: () => (memoCallee ??= useMemoCallee(source, input.filename, registry)),
    schemaFactoryImport: () => (factoryImport ??= planNamedImport(source, input.filename, { module: input.withKey.module, name: "schemaFactory" }, registry)),
  };
}

/** One reported expression as the kinds see it: where it is, what it reads, its text. */
export function expressionFacts(context: SchemaPlanContext, expression: SchemaExpression): ExpressionFacts {
  const { source } = context.input;
  const statement = topLevelStatement(expression.node);
  const captures = expressionCaptures(expression.node, source.scopeManager, source.visitorKeys, statement.range[0]);
  const local = captures.values.length > 0 || captures.types.length > 0 || captures.usesThis;
  return {
    expression,
    statement,
    at: context.insertionPoint(statement),
    captures,
    local,
    text: dedented(source.text, expression.node),
    component: local ? componentFor(expression, source) : undefined,
  };
}

/** Plans every reported expression of a file together, so names are unique across one pass. */
export function planSchemaExpressions(input: SchemaPlannerInput, expressions: readonly SchemaExpression[]): SchemaPlan[] {
  const context = schemaPlanContext(input);
  return expressions.map((expression): SchemaPlan => {
    const facts = expressionFacts(context, expression);
    const options: SchemaFixOption[] = [];
    const left: SchemaFixLeft[] = [];
    for (const kind of schemaFixKinds) {
      const result = kind.plan(context, facts);
      if (result === undefined) continue;
      if (isOption(result)) options.push(result);
      else left.push(result);
    }
    return { expression, options, left };
  });
}
