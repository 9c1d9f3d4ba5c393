// Capture analysis: what a closure reads from scopes other than the module (values and types),
// and whether it depends on the `this`/`arguments`/`super`/`new.target` of an enclosing function.
// This decides whether it can be hoisted (nothing captured) or must be wrapped in `withKey`
// (captured values become the key), so it is computed once here and shared by rule and codemod.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type FunctionNode, type VisitorKeys, contains, createsObject, isFunctionNode, unwrapExpression, walk } from "./ast.js";
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
  /**
   * The binding holds a new object on every run of the code around the closure (`const opts = {…}`,
   * `[…]`, `new …`, a function or class declared there): a `withKey` key compares it by identity, so
   * it can never hit. Where the code the binding comes from is not visible (a parameter), false.
   */
  readonly freshPerRun: boolean;
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
  /**
   * The closure's names resolve at run time, so what it captures cannot be known: it is inside a
   * `with` statement or contains one, or a direct `eval` can read (or, in sloppy code, declare)
   * variables around it. Never hoisted or wrapped.
   */
  readonly dynamicScope?: "with" | "eval";
}

export function bindingKind(variable: Variable): BindingKind {
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

export function inTypePosition(node: TSESTree.Node, stop: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== stop; current = current.parent) {
    if (typeContainers.has(current.type)) return true;
    if (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSSatisfiesExpression) {
      return contains(current.typeAnnotation, node);
    }
  }
  return false;
}

export function isModuleLevel(variable: Variable): boolean {
  const type = variable.scope.type;
  return type === "module" || type === "global";
}

/** A non-module binding that gets a new object each time its declaration runs (see Capture.freshPerRun). */
export function isFreshPerRun(variable: Variable): boolean {
  const def = variable.defs[0];
  if (!def || variable.defs.length > 1) return false;
  if (def.type === "FunctionName" || def.type === "ClassName") return true;
  if (def.type !== "Variable" || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier || isReassigned(variable)) return false;
  const init = unwrapExpression(def.node.init);
  return createsObject(init) || (init.type === AST_NODE_TYPES.Literal && "regex" in init && init.regex !== undefined);
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
      freshPerRun: isFreshPerRun(variable),
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
      if (node.type === AST_NODE_TYPES.ClassBody) {
        // Members run with the instance's (or the class's) own `this`, but computed keys and
        // decorators are evaluated where the class is defined, in the outer `this` (`extends` is
        // not part of the body and is walked as it is).
        for (const member of node.body) {
          if ("computed" in member && member.computed && "key" in member) scan(member.key, lexical);
          for (const decorator of ("decorators" in member ? member.decorators : undefined) ?? []) scan(decorator, lexical);
        }
        return false;
      }
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
  const dynamicScope = dynamicScopeOf(fn, visitorKeys);
  return { values, types, usesThis, usesArguments, usesSuper, usesNewTarget, usesOwnThis, ...(dynamicScope ? { dynamicScope } : {}) };
}

/** `eval(…)` called by that name (a direct eval; `(0, eval)(…)` is indirect and sees only globals). */
function isDirectEval(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "eval";
}

function containsDynamic(root: TSESTree.Node, visitorKeys: VisitorKeys): "with" | "eval" | undefined {
  let found: "with" | "eval" | undefined;
  walk(root, visitorKeys, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.WithStatement) found = "with";
    else if (isDirectEval(node)) found = "eval";
    return found === undefined;
  });
  return found;
}

/**
 * Why the names `fn` reads cannot be resolved statically, if they cannot: a `with` around it, a
 * `with` or direct `eval` inside it (an eval reads any variable in scope), or a direct `eval` in an
 * enclosing function.
 */
function dynamicScopeOf(fn: FunctionNode, visitorKeys: VisitorKeys): "with" | "eval" | undefined {
  for (let current: TSESTree.Node | undefined = fn.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.WithStatement) return "with";
  }
  const inside = containsDynamic(fn, visitorKeys);
  if (inside) return inside;
  // An eval in an enclosing function can assign the closure's captured variables (and, in sloppy
  // code, declare new ones it reads) without any write the scope manager sees.
  for (let current: TSESTree.Node | undefined = fn.parent; current; current = current.parent) {
    if (isFunctionNode(current) && containsDynamic(current, visitorKeys) === "eval") return "eval";
  }
  return undefined;
}

/** Names that make a closure impossible to move to module level, for messages and the planner. */
export type LexicalName = "this" | "arguments" | "super" | "new.target";

/** The enclosing function's lexical bindings the closure uses, which differ per call and no key can cover. */
export function lexicalNames(info: CaptureInfo): LexicalName[] {
  const names: LexicalName[] = [];
  if (info.usesThis) names.push("this");
  if (info.usesArguments) names.push("arguments");
  if (info.usesSuper) names.push("super");
  if (info.usesNewTarget) names.push("new.target");
  return names;
}

export function blockersOf(info: CaptureInfo): string[] {
  const blockers = [...info.values, ...info.types].map((capture) => capture.name);
  if (info.usesThis) blockers.push("this");
  if (info.usesArguments) blockers.push("arguments");
  if (info.usesSuper) blockers.push("super");
  if (info.usesNewTarget) blockers.push("new.target");
  return blockers;
}
