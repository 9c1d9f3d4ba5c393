// Pruning that is not a `delete`/`clear` call: size caps (the growth waits on a test of the
// collection's size), and where an entry could be deleted when the operation that adds it completes
// (the "delete in finally" suggestion).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, unwrapExpression } from "../ast.js";
import { isReassigned } from "../bindings.js";
import { functionName } from "../repetition.js";
import type { SourceInput } from "../index.js";
import { type ScopeManager, resolveIdentifier } from "../bindings.js";
import { enclosingFunction } from "./syntax.js";
import type { FinallyTarget, GrowUse, Tracked, Use } from "./types.js";

/** Size caps: the growth sits under a test of the collection's size (`if (m.size < MAX) m.set(…)`), or after an early exit on one. */
export function isSizeCapped(growth: TSESTree.Node, sizeReads: readonly TSESTree.Node[]): boolean {
  if (sizeReads.length === 0) return false;
  const mentionsSize = (node: TSESTree.Node | null | undefined): boolean =>
    node != null && sizeReads.some((read) => node.range[0] <= read.range[0] && read.range[1] <= node.range[1]);
  let child: TSESTree.Node = growth;
  for (let parent = growth.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== child && mentionsSize(parent.test)) return true;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child && mentionsSize(parent.left)) return true;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      const index = parent.body.indexOf(child as TSESTree.Statement);
      for (const statement of parent.body.slice(0, Math.max(index, 0))) {
        if (statement.type === AST_NODE_TYPES.IfStatement && mentionsSize(statement.test) && exits(statement.consequent)) return true;
      }
    }
  }
  return false;
}

function exits(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body[statement.body.length - 1] : statement;
  return (
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.ThrowStatement ||
    last?.type === AST_NODE_TYPES.ContinueStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement
  );
}

/** `id`, `req.id`, `this.id`: an expression that reads the same value again at the end of the function. */
function isStableKey(node: TSESTree.Node, scopeManager: ScopeManager): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveIdentifier(scopeManager, inner);
    return variable !== undefined && variable.defs.length > 0 && !isReassigned(variable);
  }
  if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed && !inner.optional) {
    return inner.object.type === AST_NODE_TYPES.ThisExpression || isStableKey(inner.object, scopeManager);
  }
  return false;
}

export function finallyTargetFor(tracked: Tracked, growth: GrowUse, uses: ReadonlyMap<TSESTree.Node, Use>, source: SourceInput): FinallyTarget | undefined {
  const { collection } = tracked;
  if (collection.kind === "array" || !growth.key) return undefined;
  const statement = growth.node.parent;
  const fn = enclosingFunction(growth.node);
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !fn?.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const body = fn.body.body;
  const index = body.indexOf(statement);
  if (index < 0 || index === body.length - 1) return undefined;
  if (!isStableKey(growth.key, source.scopeManager)) return undefined;
  // A lookup before the add in the same function is a memo (get-or-compute): deleting at the end would defeat it.
  for (const [access, use] of uses) {
    if (use.type === "read" && access.range[0] < statement.range[0] && fn.range[0] <= access.range[0] && access.range[1] <= fn.range[1]) return undefined;
  }
  const range = growthObjectRange(growth.node);
  if (!range) return undefined;
  return { statement, fn, key: growth.key, collectionText: source.text.slice(range[0], range[1]), functionName: functionName(fn) };
}

function growthObjectRange(node: TSESTree.Node): [number, number] | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) return [node.callee.object.range[0], node.callee.object.range[1]];
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) return [node.left.object.range[0], node.left.object.range[1]];
  return undefined;
}
