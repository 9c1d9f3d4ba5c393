// withKey checker, stage 3: coverage. Which function the call shares, what it reads from outside
// (and through which member paths), and which captured bindings can change after the call.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import {
  type AnyFunction,
  type VisitorKeys,
  contains,
  isFunctionNode,
  isInlineFunction,
  isTransparentWrapper,
  memberName,
  repeatingLoopPart,
  unwrapExpression,
  walk,
} from "../ast.js";
import { type Reference, type ScopeManager, type Variable, isImplicitGlobal, isReassigned, nearestFunction, resolveIdentifier } from "../bindings.js";

export interface Closure {
  readonly fn: AnyFunction;
  /** The variable the closure was reached through (`withKey(check, …)`): not a capture of itself. */
  readonly self?: Variable;
}

/** The function passed to withKey: inline, or an identifier bound once to a function in this file. */
export function closureOf(scopeManager: ScopeManager, argument: TSESTree.Node | undefined): Closure | undefined {
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const node = unwrapExpression(argument);
  if (isInlineFunction(node)) return { fn: node };
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveIdentifier(scopeManager, node);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return undefined;
  if (isReassigned(variable)) return undefined;
  if (def.type === "FunctionName" && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return { fn: def.node, self: variable };
  if (def.type === "Variable" && def.parent.kind === "const" && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
    const init = unwrapExpression(def.node.init);
    if (isInlineFunction(init)) return { fn: init, self: variable };
  }
  return undefined;
}

/** References inside the closure that leave it, by the variable they resolve to (value references only). */
export function outgoingReferences(scopeManager: ScopeManager, fn: AnyFunction): Map<Variable, Reference[]> {
  const byVariable = new Map<Variable, Reference[]>();
  const scope = scopeManager.acquire(fn) ?? undefined;
  for (const reference of scope?.through ?? []) {
    const variable = reference.resolved;
    if (!variable || reference.isValueReference === false) continue;
    const list = byVariable.get(variable);
    if (list) list.push(reference);
    else byVariable.set(variable, [reference]);
  }
  return byVariable;
}

/**
 * A write the shared function could observe: one that can run after the withKey call in the same
 * activation (textually after it, inside any function, or in a loop around the call that stays in
 * the binding's scope). `let`/`const` initialisers are not writes after: the key would throw first.
 */
export function writeAfter(variable: Variable, call: TSESTree.CallExpression): Reference | undefined {
  const def = variable.defs[0];
  const lexical = def?.type === "Variable" && def.parent.kind !== "var";
  const scopeBlock = variable.scope.block;
  const loops: TSESTree.Node[] = [];
  let child: TSESTree.Node = call;
  for (let parent: TSESTree.Node | undefined = call.parent; parent && parent !== scopeBlock; parent = parent.parent) {
    if (repeatingLoopPart(parent, child)) loops.push(parent);
    child = parent;
  }
  const declaringFunction = isFunctionNode(scopeBlock) ? scopeBlock : nearestFunction(scopeBlock);
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    if (reference.init && (lexical || def?.type === "FunctionName" || def?.type === "ClassName")) continue;
    const at = reference.identifier;
    const safe =
      at.range[1] <= call.range[0] &&
      nearestFunction(at) === declaringFunction &&
      !loops.some((loop) => contains(loop, at));
    if (!safe) return reference;
  }
  return undefined;
}

/** `user.id.name` → { root: user, path: ["id", "name"] }; undefined for anything else. */
export function memberPath(node: TSESTree.Node): { root: TSESTree.Identifier; path: string[] } | undefined {
  const path: string[] = [];
  let current = unwrapExpression(node);
  if (current.type === AST_NODE_TYPES.ChainExpression) current = unwrapExpression(current.expression);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.property.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
    const name = memberName(current);
    if (name === undefined) return undefined;
    path.unshift(name);
    current = unwrapExpression(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier && path.length > 0 ? { root: current, path } : undefined;
}

/**
 * True when the closure reads this reference only through `path` (`user.id`, `user.id.length`), and
 * not as a method receiver or assignment target at the end of the path (`user.id()` passes `user` as
 * `this`; `user.id = …` writes the object).
 */
export function readsThroughPath(reference: Reference, path: readonly string[]): boolean {
  if (!reference.isRead() || reference.isWrite()) return false;
  let node: TSESTree.Node = reference.identifier;
  for (const name of path) {
    let parent: TSESTree.Node | undefined = node.parent;
    while (parent && isTransparentWrapper(parent, node)) {
      node = parent;
      parent = node.parent;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || memberName(parent) !== name) return false;
    node = parent;
  }
  let parent: TSESTree.Node | undefined = node.parent;
  while (parent && isTransparentWrapper(parent, node)) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return true;
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee === node) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return false;
  if (parent.type === AST_NODE_TYPES.UpdateExpression) return false;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "delete") return false;
  if (parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === node) return false;
  if (parent.type === AST_NODE_TYPES.ForInStatement || parent.type === AST_NODE_TYPES.ForOfStatement) return parent.left !== node;
  if (parent.type === AST_NODE_TYPES.Property && parent.parent?.type === AST_NODE_TYPES.ObjectPattern) return false;
  if (parent.type === AST_NODE_TYPES.ArrayPattern || parent.type === AST_NODE_TYPES.RestElement || parent.type === AST_NODE_TYPES.AssignmentPattern) {
    return false;
  }
  return true;
}

/** Identifiers an expression reads, resolved at its position (property names and keys excluded). */
export function referencedVariables(scopeManager: ScopeManager, visitorKeys: VisitorKeys, node: TSESTree.Node): Variable[] {
  const found: Variable[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (current.type !== AST_NODE_TYPES.Identifier) return;
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === current && !parent.computed) return;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === current && !parent.computed && !parent.shorthand) return;
    const variable = resolveIdentifier(scopeManager, current);
    if (variable && !isImplicitGlobal(variable) && !found.includes(variable)) found.push(variable);
  };
  visit(node);
  walk(node, visitorKeys, (child) => {
    if (isFunctionNode(child)) return false;
    visit(child);
    return true;
  });
  return found;
}

export function preview(text: string, node: TSESTree.Node): string {
  const source = text.slice(node.range[0], node.range[1]).replace(/\s+/g, " ");
  return source.length > 40 ? `${source.slice(0, 37)}...` : source;
}


export interface CoverageInput {
  readonly text: string;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
}

export interface Coverage {
  /** Captured bindings the key covers. */
  readonly covered: ReadonlySet<Variable>;
  /** Key elements that name nothing the closure reads. */
  readonly unused: readonly { readonly node: TSESTree.Node; readonly name: string }[];
}

/**
 * Which captured bindings the key elements cover: an identifier covers its binding; a member path
 * (`user.id`) covers it when the closure reads the binding only through such paths. Elements for
 * which `isFresh` holds are reported on their own and skipped here.
 */
export function keyCoverage(
  input: CoverageInput,
  closure: Closure,
  elements: readonly TSESTree.Expression[],
  isFresh: (node: TSESTree.Node) => boolean,
): Coverage {
  const { scopeManager, visitorKeys, text } = input;
  const outgoing = outgoingReferences(scopeManager, closure.fn);
  const covered = new Set<Variable>();
  const paths = new Map<Variable, string[][]>();
  const unused: { node: TSESTree.Node; name: string }[] = [];
  for (const element of elements) {
    if (isFresh(element)) continue;
    const inner = unwrapExpression(element);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveIdentifier(scopeManager, inner);
      if (!variable || isImplicitGlobal(variable)) continue; // `undefined`, a global constant
      if (outgoing.has(variable) && variable !== closure.self) covered.add(variable);
      else unused.push({ node: element, name: inner.name });
      continue;
    }
    const member = memberPath(inner);
    if (member) {
      const variable = resolveIdentifier(scopeManager, member.root);
      if (variable && outgoing.has(variable)) {
        const list = paths.get(variable) ?? [];
        list.push(member.path);
        paths.set(variable, list);
      } else if (variable && !isImplicitGlobal(variable)) {
        unused.push({ node: element, name: preview(text, inner) });
      }
      continue;
    }
    const variables = referencedVariables(scopeManager, visitorKeys, inner);
    const dead = variables.find((variable) => !outgoing.has(variable));
    if (dead) unused.push({ node: element, name: dead.name });
  }
  for (const [variable, list] of paths) {
    const references = outgoing.get(variable) ?? [];
    if (references.every((reference) => list.some((path) => readsThroughPath(reference, path)))) covered.add(variable);
  }
  return { covered, unused };
}
