// Scope and binding: the one place that answers "what does this name refer to?" for every analysis
// (the schema trace, the withKey checker, capture analysis, "runs repeatedly?", the planner).
//
// Imports are found here once, for ES modules (`import … from`), TypeScript `import x = require()` and
// CommonJS `require()` (anywhere, when `require` is not a local binding). ReferenceTracker from
// @typescript-eslint/utils is not used for this: it needs a closed map of export names (a schema
// library's named builders are open-ended), it does not see `require` when it is not a declared global
// (the TypeScript parser without `globals`), nor `import x = require()`, and it follows `let` aliases
// that may be reassigned. The tracing above this layer follows only bindings that cannot change.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { TSESLint } from "@typescript-eslint/utils";
import { type AnyFunction, isFunctionNode, propertyKeyName, stringLiteralValue } from "./ast.js";

export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;
export type ScopeManager = TSESLint.Scope.ScopeManager;
export type Reference = TSESLint.Scope.Reference;

/** The innermost scope that contains `node`. */
export function scopeOf(scopeManager: ScopeManager, node: TSESTree.Node): Scope | undefined {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = scopeManager.acquire(current, true);
    if (scope) return scope;
  }
  return scopeManager.globalScope ?? undefined;
}

/** The variable `name` refers to in `scope`: declared there or in a scope around it. */
export function variableNamed(scope: Scope, name: string): Variable | undefined {
  for (let current: Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * The variable an identifier refers to, resolved through scope (shadowing respected). The scope is
 * found from the node's ancestors (O(depth)); eslint-utils' findVariable searches it again among the
 * child scopes by range, which costs O(siblings) per lookup in a function with many closures.
 */
export function resolveIdentifier(scopeManager: ScopeManager, id: TSESTree.Identifier): Variable | undefined {
  const scope = scopeOf(scopeManager, id);
  return scope ? variableNamed(scope, id.name) : undefined;
}

/** A global nobody declared in this file (`Math`, `undefined`, a configured global). */
export function isImplicitGlobal(variable: Variable): boolean {
  return variable.scope.type === "global" && variable.defs.length === 0;
}

/** The identifier names no binding of this file: unresolved, or an implicit global. */
export function isGlobalReference(scopeManager: ScopeManager, id: TSESTree.Identifier): boolean {
  const variable = resolveIdentifier(scopeManager, id);
  return !variable || isImplicitGlobal(variable);
}

/** Reassigned after declaration: any write that is not the initialiser. */
export function isReassigned(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** A variable declared once and never reassigned: `const`, `using`, or a `let`/`var` only initialised. */
export function isConstLike(variable: Variable): boolean {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== "Variable") return false;
  const kind = def.parent.kind;
  if (kind === "const" || kind === "using" || kind === "await using") return true;
  return !isReassigned(variable);
}

/** Identifier nodes that read the variable (its initialiser excluded). */
export function readsOf(variable: Variable): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  for (const reference of variable.references) {
    if (reference.isRead() && !reference.init) found.push(reference.identifier as TSESTree.Identifier);
  }
  return found;
}

/** The nearest function around `node` (not `node` itself). */
export function nearestFunction(node: TSESTree.Node): AnyFunction | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/**
 * A `let`/`const`/`class` binding declared below `at` (or whose own initialiser contains `at`) in the
 * same activation: not initialised yet when code at `at` runs. A closure may read it later, but an
 * expression evaluated at `at` would throw.
 */
export function inTemporalDeadZone(variable: Variable, at: TSESTree.Node): boolean {
  const def = variable.defs[0];
  if (!def) return false;
  const lexical = (def.type === "Variable" && def.parent.kind !== "var") || def.type === "ClassName";
  // Initialised when its declarator ends: `const s = z.string().refine((v) => s…)` reads `s` in its own initialiser.
  if (!lexical || def.node.range[1] <= at.range[0]) return false;
  const scopeBlock = variable.scope.block;
  const declaringFunction = isFunctionNode(scopeBlock) ? scopeBlock : nearestFunction(scopeBlock);
  return nearestFunction(at) === declaringFunction;
}

/**
 * Every `require("…")` call with a literal specifier, when `require` is not a local binding. ESLint
 * resolves references to a configured global `require` (`sourceType: "commonjs"`, `globals.node`) to a
 * global variable without definitions, so those leave `through`: both are read.
 */
export function requireCalls(scopeManager: ScopeManager): { call: TSESTree.CallExpression; specifier: string }[] {
  const globalScope = scopeManager.globalScope;
  if (!globalScope) return [];
  const declared = globalScope.set.get("require");
  const references = [...globalScope.through, ...(declared && declared.defs.length === 0 ? declared.references : [])];
  const found: { call: TSESTree.CallExpression; specifier: string }[] = [];
  for (const reference of references) {
    const id = reference.identifier;
    if (id.type !== AST_NODE_TYPES.Identifier || id.name !== "require") continue;
    const call = id.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== id) continue;
    const specifier = stringLiteralValue(call.arguments[0]);
    if (specifier !== undefined) found.push({ call, specifier });
  }
  return found;
}

/** One value import of a module. */
export type ModuleImport =
  /** `import * as ns from`, `import ns = require()`: the module's namespace, bound to `variables`. */
  | { readonly type: "namespace"; readonly specifier: string; readonly variables: readonly Variable[] }
  /** `import x from`. */
  | { readonly type: "default"; readonly specifier: string; readonly variables: readonly Variable[] }
  /** `import { imported as local } from`. */
  | { readonly type: "named"; readonly specifier: string; readonly imported: string; readonly variables: readonly Variable[] }
  /** `require("…")`: the call expression evaluates to the module's namespace. */
  | { readonly type: "require"; readonly specifier: string; readonly call: TSESTree.CallExpression };

export function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/** Every value import (type-only imports skipped) of the modules `wanted` accepts, in source order, requires last. */
export function moduleImports(ast: TSESTree.Program, scopeManager: ScopeManager, wanted: (specifier: string) => boolean): ModuleImport[] {
  const found: ModuleImport[] = [];
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const specifier = statement.source.value;
      if (statement.importKind === "type" || !wanted(specifier)) continue;
      for (const part of statement.specifiers) {
        const variables = scopeManager.getDeclaredVariables(part);
        if (part.type === AST_NODE_TYPES.ImportNamespaceSpecifier) found.push({ type: "namespace", specifier, variables });
        else if (part.type === AST_NODE_TYPES.ImportDefaultSpecifier) found.push({ type: "default", specifier, variables });
        else if (part.importKind !== "type") found.push({ type: "named", specifier, imported: importedName(part), variables });
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.importKind === "value" &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
    ) {
      const specifier = stringLiteralValue(statement.moduleReference.expression);
      if (specifier === undefined || !wanted(specifier)) continue;
      found.push({ type: "namespace", specifier, variables: scopeManager.getDeclaredVariables(statement) });
    }
  }
  for (const { call, specifier } of requireCalls(scopeManager)) {
    if (wanted(specifier)) found.push({ type: "require", specifier, call });
  }
  return found;
}

/** A binding that holds a value: `const x = value` (no key) or `const { key: x } = value`. */
export interface HeldBy {
  readonly variable: Variable;
  /** The property read by a destructuring pattern. */
  readonly key?: string;
}

/**
 * The bindings that hold the value of `node` when it is a declarator's initialiser and the bindings
 * cannot change: `const x = node`, `const { a, b: c } = node` (only const-like variables).
 */
export function bindingsHolding(scopeManager: ScopeManager, node: TSESTree.Node): HeldBy[] {
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node) return [];
  const declared = scopeManager.getDeclaredVariables(declarator);
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return declared.filter(isConstLike).map((variable) => ({ variable }));
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  const held: HeldBy[] = [];
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
    const key = propertyKeyName(property);
    if (key === undefined) continue;
    const local = property.value.name;
    const variable = declared.find((candidate) => candidate.name === local);
    if (variable && isConstLike(variable)) held.push({ variable, key });
  }
  return held;
}
