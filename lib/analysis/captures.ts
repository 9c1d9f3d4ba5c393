// Capture analysis: what a closure reads from scopes other than the module (values and types),
// and whether it depends on the `this`/`arguments`/`super`/`new.target` of an enclosing function.
// This decides whether it can be hoisted (nothing captured) or must be wrapped in `withKey`
// (captured values become the key), so it is computed once here and shared by rule and codemod.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type FunctionNode, type VisitorKeys, contains, isFunctionNode, walk } from "./ast.js";
import { type ScopeManager, type Variable, isReassigned } from "./bindings.js";

export type BindingKind =
  | "parameter"
  | "const"
  | "let"
  | "var"
  | "using"
  | "function"
  | "class"
  | "catch"
  | "import"
  | "enum"
  | "type-parameter"
  | "type"
  | "namespace"
  | "other";

export interface Capture {
  readonly name: string;
  readonly variable: Variable;
  readonly binding: BindingKind;
  /** Read as a value (not only in type positions such as `typeof x` or annotations). */
  readonly value: boolean;
  /** Assigned anywhere after its declaration (`let`/`var`/parameters): unsafe to intern. */
  readonly reassigned: boolean;
  /** First reference inside the closure, for messages. */
  readonly reference: TSESTree.Identifier | TSESTree.JSXIdentifier;
}

export interface CaptureInfo {
  /** Bindings read as values, in order of first use. */
  readonly values: readonly Capture[];
  /** Bindings used only as types (type parameters, local types, `typeof local`). */
  readonly types: readonly Capture[];
  /** Lexical `this`/`arguments`/`super`/`new.target` of an enclosing function (arrows only). */
  readonly usesThis: boolean;
  readonly usesArguments: boolean;
  readonly usesSuper: boolean;
  readonly usesNewTarget: boolean;
  /** A `function` expression that reads its own `this` (yup's `this.parent`): never turn it into an arrow. */
  readonly usesOwnThis: boolean;
}

function bindingKind(variable: Variable): BindingKind {
  const def = variable.defs[0];
  if (!def) return "other";
  switch (def.type) {
    case "Parameter":
      return "parameter";
    case "Variable":
      return def.parent.kind === "await using" ? "using" : def.parent.kind;
    case "FunctionName":
      return "function";
    case "ClassName":
      return "class";
    case "CatchClause":
      return "catch";
    case "ImportBinding":
      return "import";
    case "TSEnumName":
      return "enum";
    case "TSModuleName":
      return "namespace";
    case "Type":
      return def.node.type === AST_NODE_TYPES.TSTypeParameter ? "type-parameter" : "type";
    default:
      return "other";
  }
}

const typeContainers = new Set<string>([
  AST_NODE_TYPES.TSTypeAnnotation,
  AST_NODE_TYPES.TSTypeQuery,
  AST_NODE_TYPES.TSTypeReference,
  AST_NODE_TYPES.TSTypeParameterInstantiation,
  AST_NODE_TYPES.TSTypeParameterDeclaration,
  AST_NODE_TYPES.TSInterfaceBody,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
]);

function inTypePosition(node: TSESTree.Node, stop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== stop; current = current.parent) {
    if (typeContainers.has(current.type)) return true;
    if (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      return contains(current.typeAnnotation, node);
    }
  }
  return false;
}

function isModuleLevel(variable: Variable): boolean {
  const type = variable.scope.type;
  return type === "module" || type === "global";
}

export function analyzeCaptures(fn: FunctionNode, scopeManager: ScopeManager, visitorKeys: VisitorKeys): CaptureInfo {
  const scope = scopeManager.acquire(fn);
  const byVariable = new Map<Variable, { first: TSESTree.Identifier | TSESTree.JSXIdentifier; value: boolean }>();
  if (scope) {
    for (const reference of scope.through) {
      const variable = reference.resolved;
      if (!variable || isModuleLevel(variable)) continue;
      // `arguments` of an enclosing function: reported as usesArguments.
      if (variable.name === "arguments" && variable.defs.length === 0) continue;
      // eslint-scope (the default parser's scope manager) has no isValueReference: every reference is a value there.
      const asValue = reference.isValueReference !== false && !inTypePosition(reference.identifier, fn);
      const entry = byVariable.get(variable);
      if (entry) entry.value ||= asValue;
      else byVariable.set(variable, { first: reference.identifier, value: asValue });
    }
  }
  const values: Capture[] = [];
  const types: Capture[] = [];
  for (const [variable, { first, value }] of byVariable) {
    const capture: Capture = {
      name: variable.name,
      variable,
      binding: bindingKind(variable),
      value,
      reassigned: isReassigned(variable),
      reference: first,
    };
    (value ? values : types).push(capture);
  }
  const byPosition = (a: Capture, b: Capture) => a.reference.range[0] - b.reference.range[0];
  values.sort(byPosition);
  types.sort(byPosition);

  let usesThis = false;
  let usesArguments = false;
  let usesSuper = false;
  let usesNewTarget = false;
  let usesOwnThis = false;
  const isArrow = fn.type === AST_NODE_TYPES.ArrowFunctionExpression;
  const scan = (root: TSESTree.Node, lexical: boolean): void => {
    walk(root, visitorKeys, (node) => {
      if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
      if (node.type === AST_NODE_TYPES.ClassBody) return false;
      if (node.type === AST_NODE_TYPES.ThisExpression) {
        if (lexical) usesThis = true;
        else usesOwnThis = true;
      } else if (node.type === AST_NODE_TYPES.Super) {
        if (lexical) usesSuper = true;
      } else if (node.type === AST_NODE_TYPES.MetaProperty && node.meta.name === "new" && node.property.name === "target") {
        if (lexical) usesNewTarget = true;
      } else if (node.type === AST_NODE_TYPES.Identifier && node.name === "arguments" && lexical) {
        const parent = node.parent;
        const isKey = parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed;
        if (!isKey && scope?.through.some((reference) => reference.identifier === node)) usesArguments = true;
      }
      return true;
    });
  };
  scan(fn, isArrow);
  return { values, types, usesThis, usesArguments, usesSuper, usesNewTarget, usesOwnThis };
}

/** Names that make a closure impossible to move to module level, for messages and the planner. */
export function blockersOf(info: CaptureInfo): string[] {
  const blockers = [...info.values, ...info.types].map((capture) => capture.name);
  if (info.usesThis) blockers.push("this");
  if (info.usesArguments) blockers.push("arguments");
  if (info.usesSuper) blockers.push("super");
  if (info.usesNewTarget) blockers.push("new.target");
  return blockers;
}
