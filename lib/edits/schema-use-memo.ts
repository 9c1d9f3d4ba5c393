// Fix kind "use-memo" of `no-schema-in-function`: a schema that reads locals of a React component or
// hook, evaluated on every render, becomes `useMemo(() => …, [captured locals])` — only where a hook
// may be called (the render body itself, unconditionally, with no `return` above it). Always a
// suggestion: the deps decide when it is rebuilt.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type AnyFunction, isFunctionNode, walk } from "../analysis/ast.js";
import { nearestFunction } from "../analysis/bindings.js";
import type { SourceInput } from "../analysis/index.js";
import { containsJsx, isHookName, plainName } from "../analysis/repetition.js";
import type { SchemaExpression } from "../analysis/schema-expressions.js";
import type { SchemaFixKind } from "./schema-fix-kind.js";
import { type TextEdit, mergeEdits } from "./text.js";

export const useMemoFix: SchemaFixKind<"use-memo"> = {
  kind: "use-memo",
  plan(context, { expression, captures, local, component }) {
    if (!local || !component) return undefined;
    if (component.reason !== undefined) return { kind: "use-memo", reason: component.reason };
    if (captures.usesThis) return { kind: "use-memo", reason: "it uses `this`" };
    const { text } = context.input.source;
    const node = expression.node;
    const memo = context.useMemoCallee();
    const deps = captures.values.map((capture) => capture.name).join(", ");
    const edits: TextEdit[] = [...(memo.edit ? [memo.edit] : []), { range: node.range, text: `${memo.callee}(() => ${text.slice(node.range[0], node.range[1])}, [${deps}])` }];
    return { kind: "use-memo", name: `[${deps}]`, edits, fix: mergeEdits(text, edits), safe: false };
  },
};

/**
 * The component or hook whose render evaluates the expression, if any, with the reason a hook cannot
 * go there (inside a callback, evaluated conditionally, below an early `return`).
 */
export function componentFor(expression: SchemaExpression, source: SourceInput): { fn: AnyFunction; reason?: string } | undefined {
  const reason = expression.answer.repeated ? expression.answer.reason : undefined;
  if (reason?.type !== "function") return undefined;
  const fn = reason.node;
  const name = plainName(fn) ?? "";
  const isComponent = /^[A-Z]/.test(name) && containsJsx(fn, source.visitorKeys);
  if (!isHookName(name) && !isComponent) return undefined;
  if (nearestFunction(expression.node) !== fn) return { fn, reason: "it is inside a callback, where a hook cannot be called" };
  for (let node: TSESTree.Node = expression.node; node.parent && node.parent !== fn; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    const conditional =
      ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== node) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === node) ||
      parent.type === AST_NODE_TYPES.SwitchCase ||
      (parent.type === AST_NODE_TYPES.TryStatement && parent.block !== node) ||
      parent.type === AST_NODE_TYPES.ChainExpression;
    if (conditional) return { fn, reason: "it is evaluated conditionally, and hooks must run on every render" };
  }
  let earlyReturn = false;
  walk(fn.body, source.visitorKeys, (node) => {
    if (earlyReturn || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.range[1] <= expression.node.range[0]) earlyReturn = true;
    return !earlyReturn;
  });
  if (earlyReturn) return { fn, reason: "a `return` above it makes a hook there conditional" };
  return { fn };
}
