// Small AST helpers shared by the analysis and the edit planner.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
export type AnyFunction = FunctionNode | TSESTree.FunctionDeclaration;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is AnyFunction {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

export function isInlineFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

/** Strips TypeScript-only wrappers that do not change the runtime value (`x as T`, `x!`, `x satisfies T`). */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.TSInstantiationExpression
  ) {
    current = current.expression;
  }
  return current;
}

/** True for the TypeScript wrappers `unwrapExpression` looks through, seen from the inner node. */
export function isTransparentWrapper(node: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
      return node.expression === child;
    case AST_NODE_TYPES.ChainExpression:
      return node.expression === child;
    default:
      return false;
  }
}

/** Static name of a member or property key: `a.b`, `a["b"]`, `{ b: … }`, `{ "b": … }`. */
export function staticName(node: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (!computed && node.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.name}`;
  if (node.type === AST_NODE_TYPES.Literal && (typeof node.value === "string" || typeof node.value === "number")) {
    return String(node.value);
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

export function memberName(node: TSESTree.MemberExpression): string | undefined {
  return staticName(node.property, node.computed);
}

export function propertyKeyName(node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  return staticName(node.key, node.computed);
}

export function stringLiteralValue(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Depth-first walk below `root` (not `root` itself). `visit` returns false to skip a node's children.
 * Iterative, so deeply nested code cannot overflow the stack.
 */
export function walk(root: TSESTree.Node, visitorKeys: VisitorKeys, visit: (node: TSESTree.Node) => boolean | void): void {
  const stack: TSESTree.Node[] = [];
  const pushChildren = (node: TSESTree.Node): void => {
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i] as TSESTree.Node | null;
          if (child && typeof child.type === "string") stack.push(child);
        }
      } else if (value && typeof (value as TSESTree.Node).type === "string") {
        stack.push(value as TSESTree.Node);
      }
    }
  };
  pushChildren(root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    pushChildren(node);
  }
}

/** Sets `parent` pointers (ESLint does this itself; the codemod parses on its own). */
export function setParents(root: TSESTree.Node, visitorKeys: VisitorKeys): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const keys = visitorKeys[node.type] ?? [];
    for (const key of keys) {
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children as (TSESTree.Node | null | undefined)[]) {
        if (child && typeof child.type === "string") {
          (child as { parent: TSESTree.Node }).parent = node;
          stack.push(child);
        }
      }
    }
  }
}

const loopTypes = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** The loop `child` re-runs in, if `child` is a part of `node` that runs once per iteration. */
export function repeatingLoopPart(node: TSESTree.Node, child: TSESTree.Node): boolean {
  if (!loopTypes.has(node.type)) return false;
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
      return child === node.body || child === node.test || child === node.update;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return child === node.body || child === node.left;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return child === node.body || child === node.test;
    default:
      return false;
  }
}

export function loopLabel(node: TSESTree.Node): string {
  switch (node.type) {
    case AST_NODE_TYPES.ForStatement:
      return "`for` loop";
    case AST_NODE_TYPES.ForInStatement:
      return "`for…in` loop";
    case AST_NODE_TYPES.ForOfStatement:
      return node.await ? "`for await…of` loop" : "`for…of` loop";
    case AST_NODE_TYPES.WhileStatement:
      return "`while` loop";
    case AST_NODE_TYPES.DoWhileStatement:
      return "`do…while` loop";
    default:
      return "loop";
  }
}
