// Small syntax questions the cache analysis asks in several places: a binding's written type, a frozen
// or `as const` initialiser, the top-level statement around a node, whether a declaration is exported.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type AnyFunction, isFunctionNode, memberName, unwrapExpression } from "../ast.js";

export function typeAnnotationOf(node: TSESTree.Node): TSESTree.TypeNode | undefined {
  return "typeAnnotation" in node && node.typeAnnotation && node.typeAnnotation.type === AST_NODE_TYPES.TSTypeAnnotation
    ? node.typeAnnotation.typeAnnotation
    : undefined;
}

export function unwrapConstAssertion(node: TSESTree.Node): TSESTree.Node {
  const inner = unwrapExpression(node);
  // `Object.freeze({ … })`
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.arguments.length === 1 &&
    inner.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(inner.callee) === "freeze"
  ) {
    return unwrapExpression(inner.arguments[0]!);
  }
  return inner;
}

export function topLevelStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current.parent ? current : undefined;
}

/** `export const x = …`, `export class C {}`, `export default class {}`. */
export function isExportedDeclaration(node: TSESTree.Node): boolean {
  for (let current = node.parent; current && current.type !== AST_NODE_TYPES.Program; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ExportNamedDeclaration || current.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassBody) return false;
  }
  return false;
}

export function enclosingFunction(node: TSESTree.Node): AnyFunction | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) if (isFunctionNode(parent)) return parent;
  return undefined;
}

/** The variable declarator (or the declaration itself) that names a function, when it is named by one. */
export function functionDeclarator(fn: TSESTree.Node): TSESTree.Node | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn;
  if (isFunctionNode(fn) && fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn) return fn.parent;
  return undefined;
}
