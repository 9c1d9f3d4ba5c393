// Schema factories: a function that builds a schema and returns it (`makeUser(min) { return
// z.object(…) }`) runs when the caller asks for a schema, not per parse; its closures are left alone
// unless `checkFactories` is set. A factory returns the schema that contains the closure directly,
// through locals (`const s = z.object(…); return s`), inside an object/array of schemas, or through
// locals the schema reads (`const shape = { name: yup.string().test(…) }; return yup.object(shape)`).
//
// Per function, the expressions that carry a closure into the returned value ("carriers") are
// computed once; asking about one closure then walks its ancestors up to the function. Linear in the
// size of the function, whatever the number of closures in it.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type AnyFunction, type VisitorKeys, contains, isFunctionNode, unwrapExpression, walk } from "./ast.js";
import { type ScopeManager, type Variable, resolveIdentifier } from "./bindings.js";

/** How far the search follows locals and nested literals from a returned expression. */
const MAX_DEPTH = 8;

export interface FactoryInput {
  readonly schemaNodes: ReadonlySet<TSESTree.Node>;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
}

/** Own return values of a function: `return x` statements (not nested functions) and a concise arrow body. */
function returnedExpressions(fn: AnyFunction, visitorKeys: VisitorKeys): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: TSESTree.Node[] = [];
  walk(fn.body, visitorKeys, (node) => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found.push(node.argument);
    return true;
  });
  return found;
}

/** The initialiser of a local declared once in `fn` (`const s = …`). */
function localInitialiser(variable: Variable | undefined, fn: AnyFunction): TSESTree.Expression | undefined {
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== "Variable" || !def.node.init) return undefined;
  return contains(fn, def.node) ? def.node.init : undefined;
}

/** Every expression of `fn` that, when it contains a closure, makes `fn` a factory of that closure. */
export function factoryCarriers(fn: AnyFunction, input: FactoryInput): ReadonlySet<TSESTree.Node> {
  const { schemaNodes, scopeManager, visitorKeys } = input;
  const carriers = new Set<TSESTree.Node>();
  // A node reached again at a smaller depth is searched again (deeper limits could have cut it short).
  const valuedAt = new Map<TSESTree.Node, number>();
  const carriedAt = new Map<TSESTree.Node, number>();

  // The schema expressions a value is made of, through locals, object/array literals and conditionals.
  const schemaValued = (raw: TSESTree.Node, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const node = unwrapExpression(raw);
    if (!contains(fn, node) || (valuedAt.get(node) ?? Infinity) <= depth) return;
    valuedAt.set(node, depth);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = resolveIdentifier(scopeManager, node);
        const def = variable?.defs[0];
        if (variable?.defs.length === 1 && def?.type === "Variable" && def.node.init) schemaValued(def.node.init, depth + 1);
        return;
      }
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of node.properties) if (property.type === AST_NODE_TYPES.Property) schemaValued(property.value, depth + 1);
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of node.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) schemaValued(element, depth + 1);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        schemaValued(node.consequent, depth + 1);
        schemaValued(node.alternate, depth + 1);
        return;
      case AST_NODE_TYPES.AwaitExpression:
        return;
      default:
        if (schemaNodes.has(node)) carry(node, depth);
    }
  };
  // A schema expression carries what it contains and what the locals it reads were initialised with.
  const carry = (expression: TSESTree.Node, depth: number): void => {
    if ((carriedAt.get(expression) ?? Infinity) <= depth) return;
    carriedAt.set(expression, depth);
    carriers.add(expression);
    if (depth > MAX_DEPTH) return;
    walk(expression, visitorKeys, (child) => {
      if (isFunctionNode(child)) return false;
      if (child.type !== AST_NODE_TYPES.Identifier) return true;
      const init = localInitialiser(resolveIdentifier(scopeManager, child), fn);
      if (init) carry(init, depth + 1);
      return true;
    });
  };
  for (const expression of returnedExpressions(fn, visitorKeys)) schemaValued(expression, 0);
  return carriers;
}

/** True when `closure` sits inside one of the carriers (walks from the closure up to `fn`). */
export function isCarried(carriers: ReadonlySet<TSESTree.Node>, fn: AnyFunction, closure: TSESTree.Node): boolean {
  if (carriers.size === 0) return false;
  for (let node: TSESTree.Node | undefined = closure; node && node !== fn; node = node.parent) {
    if (carriers.has(node)) return true;
  }
  return false;
}
