// What a schema expression reads from outside itself (`no-schema-in-function`'s fixes): local values
// and types, which keep it from moving to module level, and module-level bindings that are not yet
// initialised where a hoisted constant would go (a hoisted expression runs there, at module load,
// unlike a hoisted closure, which runs later).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type VisitorKeys, contains, isFunctionNode, unwrapExpression, walk } from "./ast.js";
import { type Reference, type Scope, type ScopeManager, type Variable, isReassigned, scopeOf } from "./bindings.js";
import { type BindingKind, type Capture, bindingKind, inTypePosition, isFreshPerRun, isModuleLevel } from "./captures.js";

export interface ExpressionCaptures {
  /** Local bindings read as values, in order of first use. */
  readonly values: readonly Capture[];
  /** Local bindings used only as types. */
  readonly types: readonly Capture[];
  /** Lexical `this`/`super`/`arguments`/`new.target` outside nested non-arrow functions. */
  readonly usesThis: boolean;
  /** Module-level bindings that would not be initialised (or could change) where the hoisted constant goes. */
  readonly lateModule: readonly string[];
  /** Module-level functions the expression reads (a hoisted call runs them at module load). */
  readonly moduleFunctions: readonly Variable[];
}

function captureOf(variable: Variable, reference: TSESTree.Identifier | TSESTree.JSXIdentifier, value: boolean, binding: BindingKind): Capture {
  return { name: variable.name, variable, binding, value, reassigned: isReassigned(variable), freshPerRun: isFreshPerRun(variable), reference };
}

/** Whether a module-level binding is initialised (and fixed) before `before` runs. */
function initialisedBefore(variable: Variable, before: number): boolean {
  const def = variable.defs[0];
  if (!def) return true;
  switch (def.type) {
    case "ImportBinding":
    case "FunctionName":
    case "Type":
    case "TSModuleName":
      return true;
    case "Variable":
    case "ClassName":
    case "TSEnumName": {
      if (isReassigned(variable)) return false;
      let statement: TSESTree.Node = def.node;
      while (statement.parent && statement.parent.type !== AST_NODE_TYPES.Program) statement = statement.parent;
      return statement.range[1] <= before;
    }
    default:
      return false;
  }
}

/**
 * What `expression` reads from outside itself: local values and types (which keep it from moving to
 * module level), and module-level bindings that are not yet initialised at `before` (a hoisted
 * expression runs there, at module load, unlike a hoisted closure).
 */
export function expressionCaptures(
  expression: TSESTree.Node,
  scopeManager: ScopeManager,
  visitorKeys: VisitorKeys,
  before: number,
): ExpressionCaptures {
  const scope = scopeOf(scopeManager, expression);
  const references = new Set<TSESTree.Node>();
  const byVariable = new Map<Variable, { first: TSESTree.Identifier | TSESTree.JSXIdentifier; value: boolean }>();
  const late = new Set<string>();
  let lexicalArguments = false;
  const moduleFunctions = new Set<Variable>();
  const visit = (reference: Reference): void => {
    if (!contains(expression, reference.identifier)) return;
    references.add(reference.identifier);
    const variable = reference.resolved;
    if (!variable) return; // a global
    if (contains(expression, variable.scope.block)) return; // declared inside (a closure's own parameter)
    const asValue = reference.isValueReference !== false && !inTypePosition(reference.identifier, expression);
    if (isModuleLevel(variable)) {
      if (asValue && !initialisedBefore(variable, before)) late.add(variable.name);
      const def = variable.defs[0];
      if (def?.type === "FunctionName" || (def?.type === "Variable" && def.node.init && isFunctionNode(unwrapExpression(def.node.init)))) {
        moduleFunctions.add(variable);
      }
      return;
    }
    // The enclosing function's own `arguments` (declared by no one): lexical like `this`, it differs per call.
    if (variable.name === "arguments" && variable.defs.length === 0) {
      lexicalArguments = true;
      return;
    }
    const entry = byVariable.get(variable);
    if (entry) entry.value ||= asValue;
    else byVariable.set(variable, { first: reference.identifier, value: asValue });
  };
  const collect = (current: Scope): void => {
    for (const reference of current.references) visit(reference);
    for (const child of current.childScopes) {
      if (contains(expression, child.block)) for (const reference of child.through) visit(reference);
      else if (contains(child.block, expression)) collect(child);
    }
  };
  if (scope) collect(scope);
  const values: Capture[] = [];
  const types: Capture[] = [];
  for (const [variable, { first, value }] of byVariable) {
    (value ? values : types).push(captureOf(variable, first, value, bindingKind(variable)));
  }
  const byPosition = (a: Capture, b: Capture) => a.reference.range[0] - b.reference.range[0];
  values.sort(byPosition);
  types.sort(byPosition);
  let usesThis = lexicalArguments;
  walk(expression, visitorKeys, (node) => {
    if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (node.type === AST_NODE_TYPES.ClassBody) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Super) usesThis = true;
    if (node.type === AST_NODE_TYPES.MetaProperty) usesThis = true;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === "arguments" && !references.has(node)) {
      const parent = node.parent;
      const isKey = (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) || (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed);
      if (!isKey) usesThis = true;
    }
    return true;
  });
  return { values, types, usesThis, lateModule: [...late], moduleFunctions: [...moduleFunctions] };
}
