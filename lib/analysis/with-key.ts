// Sound keys for `withKey(fn, key)`: the runtime shares one function object between calls that
// present an equal key, and compares the code itself, but it cannot see captured values the key
// leaves out. This file finds every `withKey` call by binding (import, alias, namespace, require)
// and checks that its key covers the closure: every captured value, nothing that changes after the
// closure is created, nothing that differs on every evaluation, one code per id in the module.
// A miss is cheap, a collision is a bug: where coverage cannot be proven, the call is reported.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { TSESLint } from "@typescript-eslint/utils";
import { findVariable } from "./eslint-utils.js";
import {
  type AnyFunction,
  type FunctionNode,
  type VisitorKeys,
  contains,
  isFunctionNode,
  isInlineFunction,
  isTransparentWrapper,
  memberName,
  propertyKeyName,
  repeatingLoopPart,
  stringLiteralValue,
  unwrapExpression,
  walk,
} from "./ast.js";
import { type Capture, type CaptureInfo, analyzeCaptures } from "./captures.js";
import { type ScopeManager, type Variable, requireCalls, scopeOf } from "./trace.js";

type Reference = TSESLint.Scope.Reference;

/** Where `withKey` comes from: the runtime (`stable-schema`) and the module configured in settings. */
export interface WithKeySource {
  readonly module: string;
  readonly name: string;
}

export const runtimeWithKey: WithKeySource = { module: "stable-schema", name: "withKey" };

/** A replacement of one source range (the rule turns it into an ESLint fix). */
export interface KeyEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** A problem's own edit, offered as a named suggestion: the key elements it adds or removes. */
export interface KeySuggestion extends KeyEdit {
  readonly names: readonly string[];
}

export type LexicalName = "this" | "arguments" | "super" | "new.target";

export type WithKeyProblem =
  | { readonly type: "badKey"; readonly node: TSESTree.Node; readonly reason: string }
  | {
      readonly type: "missing";
      readonly node: TSESTree.Node;
      readonly id: string;
      readonly name: string;
      /** The autofix: when the same key also has unused elements, one edit that adds and removes. */
      readonly fix?: KeyEdit;
      readonly suggestion?: KeySuggestion;
    }
  | { readonly type: "reassigned"; readonly node: TSESTree.Node; readonly id: string; readonly name: string; readonly line: number }
  | { readonly type: "lexical"; readonly node: TSESTree.Node; readonly id: string; readonly name: LexicalName }
  | { readonly type: "fresh"; readonly node: TSESTree.Node; readonly id: string; readonly text: string }
  | { readonly type: "duplicateId"; readonly node: TSESTree.Node; readonly id: string; readonly line: number }
  | {
      readonly type: "unused";
      readonly node: TSESTree.Node;
      readonly id: string;
      readonly name: string;
      readonly fix?: KeyEdit;
      readonly suggestion?: KeySuggestion;
    }
  | { readonly type: "uninitialized"; readonly node: TSESTree.Node; readonly id: string; readonly name: string; readonly line: number };

export interface WithKeyInput {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
}

// --- tracing by binding -----------------------------------------------------------------------

type Role = { readonly type: "fn" } | { readonly type: "namespace"; readonly names: ReadonlySet<string> };

interface Root {
  readonly node: TSESTree.Node;
  readonly role: Role;
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

function isConstLike(variable: Variable): boolean {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== "Variable") return false;
  if (def.parent.kind === "const") return true;
  return variable.references.every((reference) => !reference.isWrite() || reference.init === true);
}

function isGlobalReference(scopeManager: ScopeManager, id: TSESTree.Identifier): boolean {
  const scope = scopeOf(scopeManager, id);
  const variable = scope ? findVariable(scope, id) : null;
  return !variable || (variable.scope.type === "global" && variable.defs.length === 0);
}

/** Every `withKey(…)` call whose callee traces, through scope, to one of `sources`. */
export function findWithKeyCalls(
  ast: TSESTree.Program,
  scopeManager: ScopeManager,
  sources: readonly WithKeySource[],
): TSESTree.CallExpression[] {
  const namesByModule = new Map<string, Set<string>>();
  for (const source of sources) {
    let names = namesByModule.get(source.module);
    if (!names) namesByModule.set(source.module, (names = new Set()));
    names.add(source.name);
  }
  const queue: Root[] = [];
  const addVariable = (variable: Variable | undefined, role: Role): void => {
    if (!variable) return;
    for (const reference of variable.references) {
      if (reference.isRead() && !reference.init) queue.push({ node: reference.identifier, role });
    }
  };

  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === "type") continue;
      const names = namesByModule.get(statement.source.value);
      if (!names) continue;
      for (const specifier of statement.specifiers) {
        let role: Role | undefined;
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) role = { type: "namespace", names };
        else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== "type" && names.has(importedName(specifier))) {
          role = { type: "fn" };
        }
        if (role) for (const variable of scopeManager.getDeclaredVariables(specifier)) addVariable(variable, role);
      }
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.importKind === "value" &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
    ) {
      const specifier = stringLiteralValue(statement.moduleReference.expression);
      const names = specifier === undefined ? undefined : namesByModule.get(specifier);
      if (names) for (const variable of scopeManager.getDeclaredVariables(statement)) addVariable(variable, { type: "namespace", names });
    }
  }
  // CommonJS: `require("stable-schema")` anywhere, when `require` is not a local binding.
  for (const { call, specifier } of requireCalls(scopeManager)) {
    const names = namesByModule.get(specifier);
    if (names) queue.push({ node: call, role: { type: "namespace", names } });
  }

  const calls = new Set<TSESTree.CallExpression>();
  const visited = new Set<TSESTree.Node>();
  while (queue.length > 0) {
    const root = queue.pop()!;
    if (visited.has(root.node)) continue;
    visited.add(root.node);
    let node = root.node;
    let role = root.role;
    for (;;) {
      const parent = node.parent;
      if (!parent) break;
      if (isTransparentWrapper(parent, node)) {
        node = parent;
        continue;
      }
      if (role.type === "namespace" && parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        if (name === undefined || !role.names.has(name)) break;
        node = parent;
        role = { type: "fn" };
        continue;
      }
      if (role.type === "fn" && parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
        calls.add(parent);
        break;
      }
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
        if (parent.id.type === AST_NODE_TYPES.Identifier) {
          for (const variable of scopeManager.getDeclaredVariables(parent)) if (isConstLike(variable)) addVariable(variable, role);
        } else if (parent.id.type === AST_NODE_TYPES.ObjectPattern && role.type === "namespace") {
          for (const property of parent.id.properties) {
            if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
            const name = propertyKeyName(property);
            if (name === undefined || !role.names.has(name)) continue;
            const local = property.value.name;
            const variable = scopeManager.getDeclaredVariables(parent).find((v) => v.name === local);
            if (variable && isConstLike(variable)) addVariable(variable, { type: "fn" });
          }
        }
      }
      break;
    }
  }
  return [...calls].sort((a, b) => a.range[0] - b.range[0]);
}

// --- the key ------------------------------------------------------------------------------------

type KeyShape =
  | { readonly kind: "bad"; readonly node: TSESTree.Node; readonly reason: string }
  | { readonly kind: "string"; readonly id: string; readonly node: TSESTree.Node }
  | {
      readonly kind: "array";
      readonly id: string;
      readonly node: TSESTree.ArrayExpression;
      readonly idNode: TSESTree.Node;
      /** Elements after the id (holes removed). */
      readonly elements: readonly TSESTree.Expression[];
    };

function keyShape(call: TSESTree.CallExpression): KeyShape {
  const raw = call.arguments[1];
  if (call.arguments[0]?.type === AST_NODE_TYPES.SpreadElement || raw?.type === AST_NODE_TYPES.SpreadElement) {
    return { kind: "bad", node: call, reason: "spread arguments cannot be checked" };
  }
  if (!raw) return { kind: "bad", node: call, reason: "the key is missing" };
  const key = unwrapExpression(raw);
  const id = stringLiteralValue(key);
  if (id !== undefined) return { kind: "string", id, node: key };
  if (key.type !== AST_NODE_TYPES.ArrayExpression) {
    return { kind: "bad", node: raw, reason: "it is not a literal" };
  }
  const first = key.elements[0];
  const firstNode = first && first.type !== AST_NODE_TYPES.SpreadElement ? unwrapExpression(first) : undefined;
  const arrayId = stringLiteralValue(firstNode);
  if (firstNode === undefined || arrayId === undefined) {
    return { kind: "bad", node: first ?? key, reason: "the first element of the key must be a string literal id" };
  }
  const elements: TSESTree.Expression[] = [];
  for (const element of key.elements.slice(1)) {
    if (element === null) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      return { kind: "bad", node: element, reason: "a spread element cannot be checked against the captured bindings" };
    }
    elements.push(element);
  }
  return { kind: "array", id: arrayId, node: key, idNode: firstNode, elements };
}

// --- fresh values -------------------------------------------------------------------------------

/** Global calls whose result differs on every evaluation (a new value or a new object). */
const freshCalls: Readonly<Record<string, readonly string[]>> = {
  Math: ["random"],
  Date: ["now"],
  performance: ["now"],
  crypto: ["randomUUID", "getRandomValues"],
  process: ["hrtime", "uptime", "cpuUsage", "memoryUsage"],
  Object: ["create", "keys", "values", "entries", "fromEntries", "getOwnPropertyNames", "getOwnPropertyDescriptors"],
  Array: ["from", "of"],
  JSON: ["parse"],
};
/** Global functions called bare whose result is new every time. */
const freshGlobalFunctions = new Set(["Symbol", "structuredClone", "Array", "Object", "RegExp", "Date"]);

class FreshTest {
  constructor(private readonly scopeManager: ScopeManager) {}

  private global(node: TSESTree.Node): string | undefined {
    const inner = unwrapExpression(node);
    return inner.type === AST_NODE_TYPES.Identifier && isGlobalReference(this.scopeManager, inner) ? inner.name : undefined;
  }

  /** A call that returns a different value on every evaluation (random, clock, new symbol/object). */
  private varyingCall(node: TSESTree.Node): boolean {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrapExpression(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const name = this.global(callee);
      return name !== undefined && freshGlobalFunctions.has(name);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberName(callee);
    if (method === undefined) return false;
    // `process.hrtime.bigint()`
    const object = unwrapExpression(callee.object);
    if (method === "bigint" && object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === "hrtime") {
      return this.global(object.object) === "process";
    }
    const name = this.global(object);
    return name !== undefined && (freshCalls[name]?.includes(method) ?? false);
  }

  /** Differs on every evaluation even when turned into a string: random, clock, `new Date()`. */
  private varying(node: TSESTree.Node): boolean {
    const inner = unwrapExpression(node);
    switch (inner.type) {
      case AST_NODE_TYPES.CallExpression:
        return this.varyingCall(inner);
      case AST_NODE_TYPES.NewExpression:
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return inner.expressions.some((expression) => this.varying(expression));
      case AST_NODE_TYPES.BinaryExpression:
        return inner.left.type !== AST_NODE_TYPES.PrivateIdentifier && (this.varying(inner.left) || this.varying(inner.right));
      case AST_NODE_TYPES.ConditionalExpression:
        return this.varying(inner.consequent) && this.varying(inner.alternate);
      case AST_NODE_TYPES.ChainExpression:
        return this.varying(inner.expression);
      default:
        return false;
    }
  }

  /** A key element that is different on every evaluation: keyed by identity or by changing value. */
  fresh(node: TSESTree.Node): boolean {
    const inner = unwrapExpression(node);
    switch (inner.type) {
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.NewExpression:
        return true;
      case AST_NODE_TYPES.Literal:
        return "regex" in inner && inner.regex !== undefined;
      case AST_NODE_TYPES.ConditionalExpression:
        return this.fresh(inner.consequent) && this.fresh(inner.alternate);
      default:
        return this.varying(inner);
    }
  }
}

// --- the closure ----------------------------------------------------------------------------------

interface Closure {
  readonly fn: AnyFunction;
  /** The variable the closure was reached through (`withKey(check, …)`): not a capture of itself. */
  readonly self?: Variable;
}

function resolve(scopeManager: ScopeManager, id: TSESTree.Identifier): Variable | undefined {
  const scope = scopeOf(scopeManager, id);
  return scope ? (findVariable(scope, id) ?? undefined) : undefined;
}

/** The function passed to withKey: inline, or an identifier bound once to a function in this file. */
function closureOf(scopeManager: ScopeManager, argument: TSESTree.Node | undefined): Closure | undefined {
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const node = unwrapExpression(argument);
  if (isInlineFunction(node)) return { fn: node };
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolve(scopeManager, node);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  if (def.type === "FunctionName" && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return { fn: def.node, self: variable };
  if (def.type === "Variable" && def.parent.kind === "const" && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init) {
    const init = unwrapExpression(def.node.init);
    if (isInlineFunction(init)) return { fn: init, self: variable };
  }
  return undefined;
}

/** References inside the closure that leave it, by the variable they resolve to (value references only). */
function outgoingReferences(scopeManager: ScopeManager, fn: AnyFunction): Map<Variable, Reference[]> {
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

// --- reassignment after the closure is created ---------------------------------------------------

function nearestFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/**
 * A write the shared function could observe: one that can run after the withKey call in the same
 * activation (textually after it, inside any function, or in a loop around the call that stays in
 * the binding's scope). `let`/`const` initialisers are not writes after: the key would throw first.
 */
function writeAfter(variable: Variable, call: TSESTree.CallExpression): Reference | undefined {
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

// --- member paths -------------------------------------------------------------------------------------

/** `user.id.name` → { root: user, path: ["id", "name"] }; undefined for anything else. */
function memberPath(node: TSESTree.Node): { root: TSESTree.Identifier; path: string[] } | undefined {
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
function readsThroughPath(reference: Reference, path: readonly string[]): boolean {
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

// --- checking one call -------------------------------------------------------------------------------

function lineOf(node: TSESTree.Node): number {
  return node.loc.start.line;
}

/** Identifiers an expression reads, resolved at its position (property names and keys excluded). */
function referencedVariables(scopeManager: ScopeManager, visitorKeys: VisitorKeys, node: TSESTree.Node): Variable[] {
  const found: Variable[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (current.type !== AST_NODE_TYPES.Identifier) return;
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === current && !parent.computed) return;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === current && !parent.computed && !parent.shorthand) return;
    const variable = resolve(scopeManager, current);
    if (variable && !(variable.scope.type === "global" && variable.defs.length === 0) && !found.includes(variable)) found.push(variable);
  };
  visit(node);
  walk(node, visitorKeys, (child) => {
    if (isFunctionNode(child)) return false;
    visit(child);
    return true;
  });
  return found;
}

/** One edit that removes the given key elements, each with the comma before it. */
function removeElements(text: string, array: TSESTree.ArrayExpression, remove: ReadonlySet<TSESTree.Node>): KeyEdit | undefined {
  const ranges: [number, number][] = [];
  const elements = array.elements;
  for (let i = 1; i < elements.length; i++) {
    const element = elements[i];
    if (!element || !remove.has(element)) continue;
    const previous = elements[i - 1];
    if (!previous) return undefined; // a hole before it: leave the text alone
    ranges.push([previous.range[1], element.range[1]]);
  }
  if (ranges.length === 0) return undefined;
  const start = ranges[0]![0];
  const end = ranges[ranges.length - 1]![1];
  let out = "";
  let position = start;
  for (const [from, to] of ranges) {
    out += text.slice(position, from);
    position = to;
  }
  return { range: [start, end], text: out + text.slice(position, end) };
}

/**
 * Two edits of one key as one (the removal ends where the addition goes in, so as two fixes they would
 * overlap and need two passes).
 */
function combineKeyEdits(text: string, a: KeyEdit, b: KeyEdit): KeyEdit {
  const [first, second] = a.range[0] <= b.range[0] ? [a, b] : [b, a];
  const end = Math.max(first.range[1], second.range[1]);
  return {
    range: [first.range[0], end],
    text: first.text + text.slice(first.range[1], second.range[0]) + second.text + text.slice(second.range[1], end),
  };
}

function addElements(text: string, key: KeyShape, names: readonly string[]): KeyEdit | undefined {
  if (names.length === 0) return undefined;
  if (key.kind === "string") {
    return { range: key.node.range, text: `[${text.slice(key.node.range[0], key.node.range[1])}, ${names.join(", ")}]` };
  }
  if (key.kind !== "array") return undefined;
  const last = [...key.node.elements].reverse().find((element) => element !== null);
  if (!last) return undefined;
  return { range: [last.range[1], last.range[1]], text: `, ${names.join(", ")}` };
}

export interface CheckOptions {
  readonly allowUnusedKeys?: boolean;
}

function lexicalUses(info: CaptureInfo): LexicalName[] {
  const names: LexicalName[] = [];
  if (info.usesThis) names.push("this");
  if (info.usesArguments) names.push("arguments");
  if (info.usesSuper) names.push("super");
  if (info.usesNewTarget) names.push("new.target");
  return names;
}

class CallChecker {
  private readonly fresh: FreshTest;
  /** id → text of the first closure and its line. */
  private readonly ids = new Map<string, { text: string; line: number }>();
  readonly problems: WithKeyProblem[] = [];

  constructor(
    private readonly input: WithKeyInput,
    private readonly options: CheckOptions,
  ) {
    this.fresh = new FreshTest(input.scopeManager);
  }

  check(call: TSESTree.CallExpression): void {
    const { scopeManager, visitorKeys, text } = this.input;
    const key = keyShape(call);
    const id = key.kind === "bad" ? "" : key.id;
    if (key.kind === "bad") this.problems.push({ type: "badKey", node: key.node, reason: key.reason });

    const closure = closureOf(scopeManager, call.arguments[0]);

    // One id, one code: the runtime refuses to share different code but warns, and the cache splits.
    if (key.kind !== "bad" && call.arguments[0]) {
      const codeNode = closure?.fn ?? call.arguments[0];
      const code = text.slice(codeNode.range[0], codeNode.range[1]);
      const first = this.ids.get(id);
      const idNode = key.kind === "array" ? key.idNode : key.node;
      if (!first) this.ids.set(id, { text: code, line: lineOf(call) });
      else if (first.text !== code) this.problems.push({ type: "duplicateId", node: idNode, id, line: first.line });
    }

    if (key.kind === "array") {
      for (const element of key.elements) {
        if (this.fresh.fresh(element)) this.problems.push({ type: "fresh", node: element, id, text: preview(text, element) });
        // The key is evaluated at the call, the closure only later: a binding declared below throws here.
        const late = referencedVariables(scopeManager, visitorKeys, element).find((variable) => inTemporalDeadZone(variable, call));
        if (late) this.problems.push({ type: "uninitialized", node: element, id, name: late.name, line: lineOf(late.defs[0]!.name) });
      }
    }

    if (!closure) return;
    const info = analyzeCaptures(closure.fn as FunctionNode, scopeManager, visitorKeys);
    const reportAt = call.arguments[0]!;
    for (const name of lexicalUses(info)) this.problems.push({ type: "lexical", node: reportAt, id, name });

    const captures = info.values.filter((capture) => capture.variable !== closure.self);
    const unsafe = new Set<Capture>();
    for (const capture of captures) {
      if (capture.binding === "const" || capture.binding === "import" || capture.binding === "using") continue;
      const write = writeAfter(capture.variable, call);
      if (write) {
        unsafe.add(capture);
        this.problems.push({ type: "reassigned", node: capture.reference, id, name: capture.name, line: lineOf(write.identifier) });
      }
    }
    if (key.kind === "bad") return;

    // Coverage: identifiers cover their binding; member paths cover it when the closure reads it only through them.
    const outgoing = outgoingReferences(scopeManager, closure.fn);
    const covered = new Set<Variable>();
    const paths = new Map<Variable, string[][]>();
    const elements = key.kind === "array" ? key.elements : [];
    const unused: { node: TSESTree.Node; name: string }[] = [];
    for (const element of elements) {
      if (this.fresh.fresh(element)) continue;
      const inner = unwrapExpression(element);
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const variable = resolve(scopeManager, inner);
        if (!variable || (variable.scope.type === "global" && variable.defs.length === 0)) continue; // `undefined`, a global constant
        if (outgoing.has(variable) && variable !== closure.self) covered.add(variable);
        else unused.push({ node: element, name: inner.name });
        continue;
      }
      const member = memberPath(inner);
      if (member) {
        const variable = resolve(scopeManager, member.root);
        if (variable && outgoing.has(variable)) {
          const list = paths.get(variable) ?? [];
          list.push(member.path);
          paths.set(variable, list);
        } else if (variable && !(variable.scope.type === "global" && variable.defs.length === 0)) {
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

    const missing = captures.filter((capture) => !covered.has(capture.variable) && !unsafe.has(capture));
    let addSuggestion: KeySuggestion | undefined;
    let removeSuggestion: KeySuggestion | undefined;
    if (missing.length > 0) {
      // No fix when a name cannot be written in the key as is: a binding declared after the call
      // (let/const/class) would throw, and a name shadowed at the call would key another binding.
      const callScope = scopeOf(scopeManager, call);
      const fixable = missing.filter(
        (capture) =>
          !inTemporalDeadZone(capture.variable, call) &&
          callScope !== undefined &&
          findVariable(callScope, capture.name) === capture.variable,
      );
      const names = missing.map((capture) => capture.name);
      const edit = fixable.length === missing.length ? addElements(text, key, names) : undefined;
      if (edit) addSuggestion = { ...edit, names };
    }
    if (!this.options.allowUnusedKeys && unused.length > 0 && key.kind === "array") {
      const edit = removeElements(text, key.node, new Set(unused.map((entry) => entry.node)));
      if (edit) removeSuggestion = { ...edit, names: unused.map((entry) => entry.name) };
    }
    const fix =
      addSuggestion && removeSuggestion
        ? combineKeyEdits(text, addSuggestion, removeSuggestion)
        : (addSuggestion ?? removeSuggestion);
    const edits = (suggestion: KeySuggestion | undefined) =>
      suggestion && fix ? { fix: { range: fix.range, text: fix.text }, suggestion } : {};
    for (const capture of missing) {
      this.problems.push({ type: "missing", node: key.node, id, name: capture.name, ...edits(addSuggestion) });
    }
    if (!this.options.allowUnusedKeys && key.kind === "array") {
      for (const entry of unused) this.problems.push({ type: "unused", node: entry.node, id, name: entry.name, ...edits(removeSuggestion) });
    }
  }
}

/**
 * A `let`/`const`/`class` binding declared below `at` (or whose own initialiser contains `at`) in the same activation: not initialised yet when
 * code at `at` runs. A closure may read it later, but a key evaluated at `at` would throw.
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

function preview(text: string, node: TSESTree.Node): string {
  const source = text.slice(node.range[0], node.range[1]).replace(/\s+/g, " ");
  return source.length > 40 ? `${source.slice(0, 37)}...` : source;
}

const memo = new WeakMap<TSESTree.Program, Map<string, WithKeyProblem[]>>();

/** Every problem of every traced `withKey` call in the file, in source order (memoised per Program). */
export function checkWithKeyCalls(input: WithKeyInput, sources: readonly WithKeySource[], options: CheckOptions = {}): WithKeyProblem[] {
  const memoKey = JSON.stringify([sources, options.allowUnusedKeys === true]);
  let perProgram = memo.get(input.ast);
  const cached = perProgram?.get(memoKey);
  if (cached) return cached;
  let problems: WithKeyProblem[] = [];
  if (sources.some((source) => input.text.includes(source.name))) {
    const checker = new CallChecker(input, options);
    for (const call of findWithKeyCalls(input.ast, input.scopeManager, sources)) checker.check(call);
    problems = checker.problems;
  }
  if (!perProgram) memo.set(input.ast, (perProgram = new Map()));
  perProgram.set(memoKey, problems);
  return problems;
}

/** The runtime's `withKey` plus the one configured in settings (when different). */
export function withKeySources(configured: WithKeySource): WithKeySource[] {
  return configured.module === runtimeWithKey.module && configured.name === runtimeWithKey.name ? [runtimeWithKey] : [runtimeWithKey, configured];
}
