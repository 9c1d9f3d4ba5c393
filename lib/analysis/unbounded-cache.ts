// `no-unbounded-cache`: long-lived collections that grow from code that runs repeatedly and that no
// code ever prunes, and long-lived memoizers whose cache keeps one entry per distinct argument.
//
// Everything is decided by binding: a collection is a variable (or a class field) whose uses are the
// scope manager's references to it; `Map` must be the global one; memoizers are traced from their
// imports. "Runs repeatedly" is the shared walk of context.ts, refined for module initialisation
// (a loop or an `Array#forEach` at module level fills a registry once; so does a function only called
// from there). The catalogue (cache-catalogue.ts) says which methods grow, prune or read.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { createRequire } from "node:module";
import type * as ts from "typescript";
import { type AnyFunction, createsObject, isFunctionNode, isTransparentWrapper, memberName, propertyKeyName, unwrapExpression, walk } from "./ast.js";
import {
  type BoundingOption,
  type CollectionKind,
  type MemoizerEntry,
  type ModuleExport,
  boundedCaches,
  collectionConstructors,
  collectionMethods,
  copyingConstructors,
  globalFunctionEffects,
  memoizers,
  pruningAssignments,
  sizeMembers,
  synchronousIterationMethods,
} from "./cache-catalogue.js";
import { type RepeatReason, describeRepeat, functionName } from "./repetition.js";
import { moduleValues } from "./imports.js";
import { optionalChild } from "./node-fields.js";
import type { FileAnalysis, SourceInput } from "./index.js";
import { type ScopeManager, type Variable, isReassigned, resolveIdentifier } from "./bindings.js";
import type { TypeInfo } from "./type-info.js";

export interface CacheAnalysisInput {
  readonly source: SourceInput;
  /** The shared "runs repeatedly?" walk (only `context` is read: the rule computes the file analysis on first use). */
  readonly analysis: Pick<FileAnalysis, "repetition">;
  readonly typeInfo?: TypeInfo | undefined;
  /** Also report collections that escape (exported, passed on, returned): their owner may prune them elsewhere. */
  readonly checkEscaping: boolean;
}

export interface Collection {
  readonly kind: CollectionKind;
  /** How the code names it: `requests`, `Store.cache`, `this.#cache`. */
  readonly name: string;
  /** "module-level", "static", or "instance" (a field of a class instantiated once at module level). */
  readonly owner: "module" | "static" | "instance";
  readonly className?: string;
  /** The declaration the problem is reported at (declarator id, field key, `this.x` of the constructor). */
  readonly node: TSESTree.Node;
  /** The initialiser (`new Map()`, `{}`, `[]`, `Object.create(null)`). */
  readonly init: TSESTree.Expression;
  /** The declared type (`const m: Map<K, V> = new Map()`), when written. */
  readonly typeAnnotation?: TSESTree.TypeNode | undefined;
}

export interface Growth {
  /** The expression that adds: `m.set(k, v)`, `o[k] = v`, `a.push(x)`. */
  readonly node: TSESTree.Node;
  readonly key?: TSESTree.Node | undefined;
  readonly reason: RepeatReason;
  /** `requests.set(…)`, for messages. */
  readonly text: string;
}

/** Where the entry can be deleted when the operation that adds it completes. */
export interface FinallyTarget {
  readonly statement: TSESTree.ExpressionStatement;
  readonly fn: AnyFunction;
  readonly key: TSESTree.Node;
  readonly collectionText: string;
  readonly functionName: string;
}

export interface CollectionProblem {
  readonly type: "collection";
  readonly collection: Collection;
  readonly growth: Growth;
  readonly escapes: boolean;
  /** Every key is an object and the code uses only what a WeakMap/WeakSet also has. */
  readonly weakKeys: boolean;
  readonly finallyTarget?: FinallyTarget | undefined;
}

export interface MemoizerProblem {
  readonly type: "memoizer";
  readonly call: TSESTree.CallExpression;
  readonly entry: MemoizerEntry;
  /** The memoized function as a person would name it. */
  readonly fn: string;
}

export type CacheProblem = CollectionProblem | MemoizerProblem;

type Use =
  | {
      readonly type: "grow";
      readonly node: TSESTree.Node;
      readonly key?: TSESTree.Node;
      readonly keyed: boolean;
      readonly boundedKeys?: boolean;
      /** What is stored (Map values, pushed items, assigned values). */
      readonly values?: readonly TSESTree.Node[];
      /** The global function that adds (`Object.assign`), when it is one. */
      readonly via?: string;
    }
  | { readonly type: "prune" }
  | { readonly type: "read"; readonly member?: string | undefined; readonly size?: boolean }
  | { readonly type: "escape" };

const read: Use = { type: "read" };
const prune: Use = { type: "prune" };
const escape: Use = { type: "escape" };

const comparisonOperators = new Set(["==", "!=", "===", "!==", "<", ">", "<=", ">=", "in", "instanceof"]);

let typescript: typeof ts | undefined;
function loadTypeScript(): typeof ts {
  typescript ??= createRequire(import.meta.url)("typescript") as typeof ts;
  return typescript;
}

/** One file's analysis: the rule calls `findUnboundedCaches` once per file. */
class CacheAnalyzer {
  private readonly scopeManager: ScopeManager;
  private readonly repeatMemo = new Map<TSESTree.Node, RepeatReason | null>();
  private readonly initOnlyMemo = new Map<AnyFunction, boolean>();
  private readonly singletonMemo = new Map<TSESTree.Node, Singleton | null>();

  constructor(private readonly input: CacheAnalysisInput) {
    this.scopeManager = input.source.scopeManager;
  }

  // --- runs repeatedly? -------------------------------------------------------------------------

  /** Why `node` runs more than once after module initialisation, or undefined when it runs once (or a bounded number of times). */
  repeats(node: TSESTree.Node, depth = 0): RepeatReason | undefined {
    const cached = this.repeatMemo.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.repeatMemo.set(node, null); // cycles (recursion through init-only functions) count as "once"
    const result = depth > 16 ? undefined : this.computeRepeats(node, depth);
    this.repeatMemo.set(node, result ?? null);
    return result;
  }

  private computeRepeats(node: TSESTree.Node, depth: number): RepeatReason | undefined {
    const answer = this.input.analysis.repetition(node, { checkFactories: true, memoFunctions: [] });
    if (!answer.repeated) return undefined;
    const reason = answer.reason;
    switch (reason.type) {
      case "loop":
        // A loop in initialisation code runs over data the module has: finite, unless it waits for events.
        return isOpenEndedLoop(reason.node) || this.repeats(reason.node, depth + 1) ? reason : undefined;
      case "instance": {
        const cls = reason.node.parent?.parent;
        return cls && this.singletonOf(cls) ? this.repeats(cls, depth + 1) : reason;
      }
      case "function": {
        const fn = reason.node;
        const iteration = synchronousIterationCall(fn);
        if (iteration) return this.repeats(iteration, depth + 1) ? reason : undefined;
        const constructorOf = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === "constructor" ? fn.parent.parent.parent : undefined;
        if (constructorOf && this.singletonOf(constructorOf)) return this.repeats(constructorOf, depth + 1) ? reason : undefined;
        return this.initOnly(fn, depth) ? undefined : reason;
      }
      default:
        return reason;
    }
  }

  /** A module-level function that is only called, directly, from initialisation code (a registration helper). */
  private initOnly(fn: AnyFunction, depth: number): boolean {
    const cached = this.initOnlyMemo.get(fn);
    if (cached !== undefined) return cached;
    this.initOnlyMemo.set(fn, false);
    let declarator: TSESTree.Node | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) declarator = fn;
    else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn) declarator = fn.parent;
    let result = false;
    const statement = declarator && topLevelStatement(declarator);
    if (declarator && statement && statement.type !== AST_NODE_TYPES.ExportNamedDeclaration && statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) {
      const variables = this.scopeManager.getDeclaredVariables(declarator).filter((v) => v.defs.length === 1 && (v.defs[0]!.type === "FunctionName" || v.defs[0]!.type === "Variable"));
      const references = variables.flatMap((v) => v.references.filter((r) => !r.init && r.isValueReference !== false));
      result =
        variables.length > 0 &&
        references.length > 0 &&
        references.every((reference) => {
          const call = reference.identifier.parent;
          return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && !this.repeats(call, depth + 1);
        });
    }
    this.initOnlyMemo.set(fn, result);
    return result;
  }

  /**
   * The functions whose every use is a direct call in this module (not exported, not passed on): their
   * call sites are all the inputs they get. Undefined for any other function.
   */
  private callSites(fn: TSESTree.Node): TSESTree.CallExpression[] | undefined {
    let declarator: TSESTree.Node | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) declarator = fn;
    else if (isFunctionNode(fn) && fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn) declarator = fn.parent;
    if (!declarator || isExportedDeclaration(declarator)) return undefined;
    const variables = this.scopeManager
      .getDeclaredVariables(declarator)
      .filter((v) => v.defs.length === 1 && (v.defs[0]!.type === "FunctionName" || v.defs[0]!.type === "Variable") && !isReassigned(v));
    const references = variables.flatMap((v) => v.references.filter((r) => !r.init && r.isValueReference !== false));
    if (variables.length === 0 || references.length === 0) return undefined;
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of references) {
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return undefined;
      calls.push(call);
    }
    return calls;
  }

  /** A parameter of a module-local function that every call site fills with a value from a bounded set. */
  private boundedArguments(fn: TSESTree.Node, param: TSESTree.Node, depth: number): boolean {
    if (!isFunctionNode(fn) || depth > 6) return false;
    const index = fn.params.findIndex((p) => p === param || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === param));
    if (index < 0) return false;
    const calls = this.callSites(fn);
    if (!calls) return false;
    const defaultValue = fn.params[index]?.type === AST_NODE_TYPES.AssignmentPattern ? (fn.params[index] as TSESTree.AssignmentPattern).right : undefined;
    return calls.every((call) => {
      if (call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return false;
      const argument = call.arguments[index];
      if (!argument) return defaultValue === undefined || this.boundedValue(defaultValue, depth + 1);
      return this.boundedValue(argument, depth + 1);
    });
  }

  /**
   * A registration API: a function other modules call (exported, or a method of an exported class)
   * that stores exactly what its caller passes — the key a parameter (or built from parameters only),
   * the value its parameters. How often it grows is the callers' decision, like an exported collection.
   */
  delegatedGrowth(growth: TSESTree.Node, key: TSESTree.Node | undefined, values: readonly TSESTree.Node[]): boolean {
    let fn: AnyFunction | undefined;
    for (let parent = growth.parent; parent; parent = parent.parent) {
      if (isFunctionNode(parent)) {
        fn = parent;
        break;
      }
    }
    if (!fn || !this.isPublicFunction(fn)) return false;
    // The caller's own arguments, stored as they are: parameters, or literals of parameters; a key may
    // also be a template of parameters. A key read off an argument (`req.id`) is per-call data, and a
    // value computed here (`k.length`, `Date.now()`) makes it a cache, not a registration.
    const fromCaller = (raw: TSESTree.Node, key: boolean, depth: number): boolean => {
      if (depth > 6) return false;
      const node = unwrapExpression(raw);
      switch (node.type) {
        case AST_NODE_TYPES.Identifier: {
          const variable = resolveIdentifier(this.scopeManager, node);
          const def = variable?.defs[0];
          if (!variable || variable.defs.length !== 1 || isReassigned(variable)) return false;
          if (def?.type === "Parameter") return def.node === fn;
          return def?.type === "Variable" && def.node.init != null && def.node.id === def.name && fromCaller(def.node.init, key, depth + 1);
        }
        case AST_NODE_TYPES.TemplateLiteral:
          // Only keys are built (`${request}/${name}`); a stored value is what the caller passed.
          return key && node.expressions.length > 0 && node.expressions.every((e) => fromCaller(e, key, depth + 1));
        case AST_NODE_TYPES.ObjectExpression:
          return !key && node.properties.length > 0 && node.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && fromCaller(p.value, key, depth + 1));
        case AST_NODE_TYPES.ArrayExpression:
          return !key && node.elements.length > 0 && node.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && fromCaller(e, key, depth + 1));
        default:
          return false;
      }
    };
    return (key === undefined || fromCaller(key, true, 0)) && values.length > 0 && values.every((value) => fromCaller(value, false, 0));
  }

  /** Exported, or a public method of a class that is exported or handed out. */
  private isPublicFunction(fn: AnyFunction): boolean {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      if (parent.key.type === AST_NODE_TYPES.PrivateIdentifier || optionalChild(parent, "accessibility") === "private") return false;
      const cls = parent.parent.parent;
      return isExportedDeclaration(cls) || this.classVariables(cls).some((v) => this.holderEscapes(v));
    }
    let declarator: TSESTree.Node | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) declarator = fn;
    else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn) declarator = parent;
    if (!declarator) return false;
    if (isExportedDeclaration(declarator)) return true;
    const variables = this.scopeManager.getDeclaredVariables(declarator).filter((v) => v.defs[0]?.type === "FunctionName" || v.defs[0]?.type === "Variable");
    return variables.some((v) => this.holderEscapes(v));
  }

  /** A class instantiated exactly once, in initialisation code; undefined otherwise (also when the class is exported). */
  singletonOf(cls: TSESTree.Node): Singleton | undefined {
    const cached = this.singletonMemo.get(cls);
    if (cached !== undefined) return cached ?? undefined;
    this.singletonMemo.set(cls, null);
    const result = this.computeSingleton(cls);
    this.singletonMemo.set(cls, result ?? null);
    return result;
  }

  private computeSingleton(cls: TSESTree.Node): Singleton | undefined {
    const variables = this.classVariables(cls);
    if (variables.length === 0 || isExportedDeclaration(cls)) return undefined;
    const references = variables.flatMap((v) => v.references.filter((r) => !r.init && r.isValueReference !== false));
    const news = references.filter((r) => r.identifier.parent?.type === AST_NODE_TYPES.NewExpression && r.identifier.parent.callee === r.identifier);
    const others = references.filter((r) => !news.includes(r));
    // Static member reads (`Store.limit`) do not make instances; anything else (extends, passing the class on) might.
    if (news.length !== 1 || others.some((r) => r.identifier.parent?.type !== AST_NODE_TYPES.MemberExpression || r.identifier.parent.object !== r.identifier)) {
      return undefined;
    }
    const creation = news[0]!.identifier.parent as TSESTree.NewExpression;
    if (this.repeats(creation)) return undefined;
    const parent = creation.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === creation && parent.id.type === AST_NODE_TYPES.Identifier) {
      const instance = this.scopeManager.getDeclaredVariables(parent)[0];
      if (!instance || isReassigned(instance)) return undefined;
      const escapes = isExportedDeclaration(parent) || this.holderEscapes(instance);
      return { instance, escapes };
    }
    return { escapes: true };
  }

  private classVariables(cls: TSESTree.Node): Variable[] {
    if (cls.type === AST_NODE_TYPES.ClassDeclaration) return this.scopeManager.getDeclaredVariables(cls);
    if (cls.type === AST_NODE_TYPES.ClassExpression && cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.init === cls) {
      return this.scopeManager.getDeclaredVariables(cls.parent).filter((v) => !isReassigned(v));
    }
    return [];
  }

  /** The holder of a field (a class or a singleton) is exported or handed to other code. */
  private holderEscapes(variable: Variable): boolean {
    return variable.references.some((reference) => !reference.init && reference.isValueReference !== false && this.classify(reference.identifier, "object").type === "escape");
  }

  // --- uses of a collection ---------------------------------------------------------------------

  /** What the expression `access` (which evaluates to the collection) does with it. */
  classify(access: TSESTree.Node, kind: CollectionKind): Use {
    let node = access;
    for (;;) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (!parent) return read;
      if (isTransparentWrapper(parent, node)) {
        node = parent;
        continue;
      }
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression:
          return parent.object === node ? this.classifyMember(parent, kind) : read;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === node) return read;
          node = parent;
          continue;
        case AST_NODE_TYPES.LogicalExpression:
          node = parent;
          continue;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions[parent.expressions.length - 1] !== node) return read;
          node = parent;
          continue;
        case AST_NODE_TYPES.AssignmentExpression:
          // Reassigning the collection empties it (for this holder); assigning it elsewhere aliases it.
          return parent.left === node ? prune : escape;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          return parent.callee === node ? read : this.classifyArgument(parent, node, kind);
        case AST_NODE_TYPES.SpreadElement:
          // `[...set]`, `f(...items)`, `{ ...obj }` copy the entries.
          return read;
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
          return parent.right === node ? read : prune;
        case AST_NODE_TYPES.UnaryExpression:
        case AST_NODE_TYPES.BinaryExpression:
        case AST_NODE_TYPES.TemplateLiteral:
        case AST_NODE_TYPES.ExpressionStatement:
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.SwitchStatement:
        case AST_NODE_TYPES.SwitchCase:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TSTypeQuery:
          return read;
        case AST_NODE_TYPES.UpdateExpression:
          return prune;
        default:
          // Returned, yielded, exported, stored in another object or variable, thrown: someone else holds it.
          return escape;
      }
    }
  }

  private classifyMember(member: TSESTree.MemberExpression, kind: CollectionKind): Use {
    const name = memberName(member);
    let outer: TSESTree.Node = member;
    while (outer.parent && isTransparentWrapper(outer.parent, outer)) outer = outer.parent;
    const parent = outer.parent;
    const assigned = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer;
    const updated = parent?.type === AST_NODE_TYPES.UpdateExpression;
    const deleted = parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "delete";
    if (kind === "object" || (kind === "array" && member.computed && name === undefined)) {
      if (deleted) return prune;
      if ((assigned || updated) && kind === "object") {
        if (!member.computed) return read; // `state.count = …`: a fixed key
        return { type: "grow", node: parent, key: member.property, keyed: true, values: parent.type === AST_NODE_TYPES.AssignmentExpression ? [parent.right] : [] };
      }
      if (kind === "array" && assigned) return read;
      return { type: "read", member: name };
    }
    if (deleted) return read;
    if (assigned && name !== undefined && (pruningAssignments[kind] ?? []).includes(name)) return prune;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer && name !== undefined) {
      const methods = collectionMethods[kind];
      const grow = Object.hasOwn(methods.grow, name) ? methods.grow[name] : undefined;
      if (grow) {
        const key = grow.key === undefined ? undefined : parent.arguments[grow.key];
        // Map#set(key, value) stores its value; Array#push(...items) every argument.
        // A Set stores only its key: nothing tells a registration (`plugins.add(plugin)`) from tracking (`seen.add(id)`).
        const values = (grow.key === undefined ? parent.arguments : kind === "Map" ? parent.arguments.slice(1, 2) : []).filter(
          (a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement,
        );
        return { type: "grow", node: parent, ...(key ? { key } : {}), keyed: grow.key !== undefined, values };
      }
      if (methods.prune.includes(name)) return prune;
    }
    return { type: "read", member: name, size: name !== undefined && sizeMembers[kind].includes(name) };
  }

  private classifyArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node, kind: CollectionKind): Use {
    const path = this.globalPath(call.callee);
    if (!path) return escape;
    if (call.type === AST_NODE_TYPES.NewExpression) return path.length === 1 && copyingConstructors.includes(path[0]!) ? read : escape;
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const matches = (pattern: readonly string[]): boolean =>
      pattern.length === path.length && pattern.every((part, i) => part === "*" || part === path[i]);
    const effect =
      globalFunctionEffects.find((entry) => entry.target === index && matches(entry.path)) ??
      globalFunctionEffects.find((entry) => entry.target === "*" && matches(entry.path));
    if (!effect) return escape;
    if (effect.effect === "read") return read;
    if (effect.effect === "prune") return prune;
    if (kind !== "object") return read;
    if (effect.keysFromSources) {
      const sources = call.arguments.filter((arg) => arg !== argument);
      const bounded = sources.every(
        (arg) =>
          arg.type === AST_NODE_TYPES.ObjectExpression &&
          arg.properties.every((p) => p.type === AST_NODE_TYPES.Property && (!p.computed || this.boundedValue(p.key))),
      );
      return { type: "grow", node: call, keyed: true, boundedKeys: bounded, via: path.join(".") };
    }
    const key = effect.key === undefined ? undefined : call.arguments[effect.key];
    return { type: "grow", node: call, ...(key ? { key } : {}), keyed: true, via: path.join(".") };
  }

  /** `["Object", "keys"]` for a callee made of global names (not shadowed), else undefined. */
  private globalPath(callee: TSESTree.Node): string[] | undefined {
    const node = unwrapExpression(callee);
    if (node.type === AST_NODE_TYPES.Identifier) return this.isGlobal(node) ? [node.name] : undefined;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && this.isGlobal(node.object)) {
      const name = memberName(node);
      return name === undefined ? undefined : [node.object.name, name];
    }
    return undefined;
  }

  isGlobal(id: TSESTree.Identifier): boolean {
    const variable = resolveIdentifier(this.scopeManager, id);
    return !variable || variable.defs.length === 0;
  }

  // --- candidates ---------------------------------------------------------------------------------

  /** The kind of collection an initialiser creates, or undefined when it is not one this rule tracks. */
  candidateKind(init: TSESTree.Node | null | undefined): CollectionKind | undefined {
    if (!init) return undefined;
    const node = unwrapExpression(init);
    if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
      const kind = Object.hasOwn(collectionConstructors, node.callee.name) ? collectionConstructors[node.callee.name] : undefined;
      return kind && this.isGlobal(node.callee) ? kind : undefined;
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0) return "object";
    if (node.type === AST_NODE_TYPES.ArrayExpression && node.elements.length === 0) return "array";
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 1) {
      const path = this.globalPath(node.callee);
      const arg = node.arguments[0]!;
      if (path?.join(".") === "Object.create" && arg.type === AST_NODE_TYPES.Literal && arg.value === null) return "object";
    }
    return undefined;
  }

  // --- bounded keys -------------------------------------------------------------------------------

  /** The value comes from a bounded set: a literal, an enum member, a boolean, a literal-typed binding. */
  boundedValue(raw: TSESTree.Node, depth = 0): boolean {
    if (depth > 8) return false;
    const node = unwrapExpression(raw);
    if (this.syntacticallyBounded(node, depth)) return true;
    return this.typedBounded(node);
  }

  private syntacticallyBounded(node: TSESTree.Node, depth: number): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return !("regex" in node && node.regex);
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every((expression) => this.boundedValue(expression, depth + 1));
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === "-" || node.operator === "+" || node.operator === "~" ? this.boundedValue(node.argument, depth + 1) : node.operator !== "delete";
      case AST_NODE_TYPES.BinaryExpression:
        // A comparison is a boolean; arithmetic on values from bounded sets stays in a bounded set.
        return (
          comparisonOperators.has(node.operator) ||
          (node.left.type !== AST_NODE_TYPES.PrivateIdentifier && this.boundedValue(node.left, depth + 1) && this.boundedValue(node.right, depth + 1))
        );
      case AST_NODE_TYPES.LogicalExpression:
        return this.boundedValue(node.left, depth + 1) && this.boundedValue(node.right, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.boundedValue(node.consequent, depth + 1) && this.boundedValue(node.alternate, depth + 1);
      case AST_NODE_TYPES.Identifier:
        return this.boundedBinding(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.boundedMember(node, depth);
      default:
        return false;
    }
  }

  private boundedBinding(id: TSESTree.Identifier, depth: number): boolean {
    const variable = resolveIdentifier(this.scopeManager, id);
    if (!variable) return false;
    if (variable.defs.length === 0) return id.name === "undefined";
    if (variable.defs.length !== 1) return false;
    const def = variable.defs[0]!;
    if (def.type === "Parameter") return this.boundedTypeNode(typeAnnotationOf(def.name), depth) || this.boundedArguments(def.node, def.name, depth);
    if (def.type !== "Variable") return false;
    if (this.boundedTypeNode(typeAnnotationOf(def.name), depth)) return true;
    const declarator = def.node;
    const loop = declarator.parent?.parent;
    if (
      (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === declarator.parent &&
      declarator.id === def.name
    ) {
      return this.boundedIteration(loop.right, loop.type === AST_NODE_TYPES.ForInStatement, depth);
    }
    if (isReassigned(variable) || declarator.id !== def.name || !declarator.init) return false;
    return this.boundedValue(declarator.init, depth + 1);
  }

  /** A loop over a literal array (or an object literal's keys) yields values from a bounded set. */
  private boundedIteration(raw: TSESTree.Node, keys: boolean, depth: number): boolean {
    const node = this.constInitOf(unwrapExpression(raw));
    if (keys) return node?.type === AST_NODE_TYPES.ObjectExpression && node.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed);
    return (
      node?.type === AST_NODE_TYPES.ArrayExpression &&
      node.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.boundedValue(element, depth + 1))
    );
  }

  /** The initialiser of a never-reassigned variable (`node` itself when it is not an identifier). */
  private constInitOf(node: TSESTree.Node): TSESTree.Node | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return node;
    const variable = resolveIdentifier(this.scopeManager, node);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== "Variable" || isReassigned(variable) || def.node.id !== def.name) return undefined;
    return def.node.init ? unwrapConstAssertion(def.node.init) : undefined;
  }

  private boundedMember(member: TSESTree.MemberExpression, depth: number): boolean {
    const name = memberName(member);
    if (name === undefined || member.object.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = resolveIdentifier(this.scopeManager, member.object);
    if (variable?.defs.some((def) => def.type === "TSEnumName")) return true;
    // A property whose declared type is bounded: `library.id` with `library: LibraryEntry` and
    // `interface LibraryEntry { readonly id: LibraryId }`, `type LibraryId = "zod" | …`.
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def && (def.type === "Parameter" || def.type === "Variable") && this.boundedPropertyType(typeAnnotationOf(def.name), name, depth)) return true;
    // An enum-like constant: `const Kind = { A: "a", B: "b" } as const`.
    const init = this.constInitOf(member.object);
    if (init?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const property = init.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === name);
    return property !== undefined && this.boundedValue(property.value, depth + 1);
  }

  /** The declared type of property `name` of a type written in this file (an interface, or an alias of an object type) is bounded. */
  private boundedPropertyType(type: TSESTree.TypeNode | undefined, name: string, depth: number): boolean {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return false;
    const variable = resolveIdentifier(this.scopeManager, type.typeName);
    for (const def of variable?.defs ?? []) {
      const declaration = def.node;
      const members =
        declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration
          ? declaration.body.body
          : declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral
            ? declaration.typeAnnotation.members
            : [];
      for (const member of members) {
        if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed) continue;
        const key = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
        if (key === name) return this.boundedTypeNode(member.typeAnnotation?.typeAnnotation, depth + 1);
      }
    }
    return false;
  }

  /** A type annotation that admits a bounded set of values: literals, unions of them, booleans, enums, aliases of those. */
  boundedTypeNode(type: TSESTree.TypeNode | undefined, depth = 0): boolean {
    if (!type || depth > 8) return false;
    switch (type.type) {
      case AST_NODE_TYPES.TSLiteralType:
        return type.literal.type !== AST_NODE_TYPES.TemplateLiteral || type.literal.expressions.length === 0;
      case AST_NODE_TYPES.TSBooleanKeyword:
      case AST_NODE_TYPES.TSUndefinedKeyword:
      case AST_NODE_TYPES.TSNullKeyword:
      case AST_NODE_TYPES.TSNeverKeyword:
      case AST_NODE_TYPES.TSVoidKeyword:
        return true;
      case AST_NODE_TYPES.TSUnionType:
        return type.types.every((member) => this.boundedTypeNode(member, depth + 1));
      case AST_NODE_TYPES.TSTypeReference: {
        const name = type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.left : type.typeName;
        if (name.type !== AST_NODE_TYPES.Identifier) return false;
        const variable = resolveIdentifier(this.scopeManager, name);
        if (!variable) return false;
        if (variable.defs.some((def) => def.type === "TSEnumName")) return true;
        if (type.typeName.type === AST_NODE_TYPES.TSQualifiedName) return false;
        const alias = variable.defs.find((def) => def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration)?.node as TSESTree.TSTypeAliasDeclaration | undefined;
        return alias !== undefined && !alias.typeParameters && this.boundedTypeNode(alias.typeAnnotation, depth + 1);
      }
      default:
        return false;
    }
  }

  /** With type information: the value's type is a literal, a union of literals, a boolean or an enum. */
  private typedBounded(node: TSESTree.Node): boolean {
    const type = this.typeOf(node);
    if (!type) return false;
    const flags = loadTypeScript().TypeFlags;
    const boundedFlags =
      flags.StringLiteral | flags.NumberLiteral | flags.BigIntLiteral | flags.BooleanLiteral | flags.EnumLiteral | flags.Boolean | flags.Undefined | flags.Null | flags.Void | flags.Never | flags.UniqueESSymbol;
    const test = (t: ts.Type): boolean => (t.isUnion() ? t.types.every(test) : (t.flags & boundedFlags) !== 0);
    return test(type);
  }

  private typeOf(node: TSESTree.Node): ts.Type | undefined {
    const info = this.input.typeInfo;
    const tsNode = info?.esTreeNodeToTSNodeMap.get(node);
    return info && tsNode ? info.program.getTypeChecker().getTypeAtLocation(tsNode) : undefined;
  }

  /** The key is an object (a WeakMap could hold it): object-creating syntax, `this`, or an object type. */
  keyIsObject(raw: TSESTree.Node): boolean {
    const node = unwrapExpression(raw);
    if (createsObject(node) || node.type === AST_NODE_TYPES.ThisExpression) return true;
    const type = this.typeOf(node);
    if (!type) return false;
    const flags = loadTypeScript().TypeFlags;
    const test = (t: ts.Type): boolean => (t.isUnion() ? t.types.every(test) : (t.flags & (flags.Object | flags.NonPrimitive)) !== 0);
    return test(type);
  }
}

interface Singleton {
  /** The `const` holding the only instance, when there is one. */
  readonly instance?: Variable;
  /** The instance is exported or handed to other code. */
  readonly escapes: boolean;
}

function typeAnnotationOf(node: TSESTree.Node): TSESTree.TypeNode | undefined {
  return "typeAnnotation" in node && node.typeAnnotation && node.typeAnnotation.type === AST_NODE_TYPES.TSTypeAnnotation
    ? node.typeAnnotation.typeAnnotation
    : undefined;
}

function unwrapConstAssertion(node: TSESTree.Node): TSESTree.Node {
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

function topLevelStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current.parent ? current : undefined;
}

/** `export const x = …`, `export class C {}`, `export default class {}`. */
function isExportedDeclaration(node: TSESTree.Node): boolean {
  for (let current = node.parent; current && current.type !== AST_NODE_TYPES.Program; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ExportNamedDeclaration || current.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassBody) return false;
  }
  return false;
}

/** Loops that wait for events or have no end: `for await`, `while (true)`, `for (;;)`. */
function isOpenEndedLoop(loop: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForOfStatement:
      return loop.await;
    case AST_NODE_TYPES.ForStatement:
      return loop.test === null || (loop.test.type === AST_NODE_TYPES.Literal && loop.test.value === true);
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return loop.test.type === AST_NODE_TYPES.Literal && Boolean(loop.test.value);
    default:
      return false;
  }
}

/** `items.forEach((item) => …)`: the call whose synchronous iteration runs `fn`. */
function synchronousIterationCall(fn: AnyFunction): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  return name !== undefined && synchronousIterationMethods.includes(name) ? call : undefined;
}

/** The nearest class whose `this` a `this` expression is, and whether it is the class itself (static code). */
function thisOwner(node: TSESTree.ThisExpression): { cls: TSESTree.Node; isStatic: boolean } | undefined {
  let child: TSESTree.Node = node;
  for (let parent: TSESTree.Node | undefined = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.FunctionExpression:
        if (parent.parent?.type === AST_NODE_TYPES.MethodDefinition && parent.parent.value === parent) {
          return { cls: parent.parent.parent.parent, isStatic: parent.parent.static };
        }
        return undefined;
      case AST_NODE_TYPES.FunctionDeclaration:
        return undefined;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (parent.value === child) return { cls: parent.parent.parent, isStatic: parent.static };
        break;
      case AST_NODE_TYPES.StaticBlock:
        return { cls: parent.parent.parent, isStatic: true };
      default:
        break;
    }
  }
  return undefined;
}

function fieldName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === "string") return key.value;
  return undefined;
}

function classNameOf(cls: TSESTree.Node): string {
  if ((cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression) && cls.id) return cls.id.name;
  if (cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier) return cls.parent.id.name;
  return "the class";
}

interface Tracked {
  readonly collection: Collection;
  readonly accesses: TSESTree.Node[];
  /** Reassigned, or pruned through an access the analysis cannot tie to the holder. */
  pruned: boolean;
  escapes: boolean;
}

interface FieldCandidate {
  readonly tracked: Tracked;
  readonly cls: TSESTree.Node;
  readonly isStatic: boolean;
  readonly field: string;
}

function moduleCollections(analyzer: CacheAnalyzer, source: SourceInput): Tracked[] {
  const tracked: Tracked[] = [];
  for (const statement of source.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const kind = analyzer.candidateKind(declarator.init);
      if (!kind) continue;
      const variable = source.scopeManager.getDeclaredVariables(declarator)[0];
      if (!variable) continue;
      const accesses: TSESTree.Node[] = [];
      let pruned = false;
      for (const reference of variable.references) {
        if (reference.init) continue;
        if (reference.isWrite()) pruned = true;
        else if (reference.isValueReference !== false) accesses.push(reference.identifier);
      }
      tracked.push({
        collection: {
          kind,
          name: declarator.id.name,
          owner: "module",
          node: declarator.id,
          init: declarator.init,
          typeAnnotation: typeAnnotationOf(declarator.id),
        },
        accesses,
        pruned,
        escapes: statement.type === AST_NODE_TYPES.ExportNamedDeclaration,
      });
    }
  }
  return tracked;
}

function classCollections(analyzer: CacheAnalyzer, source: SourceInput): Tracked[] {
  const classes: TSESTree.Node[] = [];
  for (const statement of source.ast.body) {
    const inner =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (inner?.type === AST_NODE_TYPES.ClassDeclaration) classes.push(inner);
    else if (inner?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of inner.declarations) if (declarator.init?.type === AST_NODE_TYPES.ClassExpression) classes.push(declarator.init);
    }
  }
  const fields: FieldCandidate[] = [];
  for (const cls of classes) {
    if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) continue;
    const className = classNameOf(cls);
    const classVariables = cls.type === AST_NODE_TYPES.ClassDeclaration ? source.scopeManager.getDeclaredVariables(cls) : source.scopeManager.getDeclaredVariables(cls.parent);
    const exported = isExportedDeclaration(cls);
    const add = (node: TSESTree.Node, key: TSESTree.Node, computed: boolean, init: TSESTree.Expression, isStatic: boolean, isPrivate: boolean, typeAnnotation?: TSESTree.TypeNode) => {
      const field = fieldName(key, computed);
      const kind = analyzer.candidateKind(init);
      if (field === undefined || !kind) return;
      let escapes = false;
      if (isStatic) {
        escapes = !isPrivate && (exported || classVariables.some((v) => v.references.some((r) => !r.init && analyzer.classify(r.identifier, "object").type === "escape")));
      } else {
        const singleton = analyzer.singletonOf(cls);
        if (!singleton) return;
        escapes = !isPrivate && singleton.escapes;
      }
      const display = isStatic ? `${className}.${field}` : `this.${field}`;
      fields.push({
        tracked: {
          collection: { kind, name: display, owner: isStatic ? "static" : "instance", className, node, init, typeAnnotation },
          accesses: [],
          pruned: false,
          escapes,
        },
        cls,
        isStatic,
        field,
      });
    };
    for (const member of cls.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value) {
        add(member.key, member.key, member.computed, member.value, member.static, member.key.type === AST_NODE_TYPES.PrivateIdentifier || optionalChild(member, "accessibility") === "private", typeAnnotationOf(member));
      } else if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor" && member.value.body) {
        for (const statement of member.value.body.body) {
          if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
          const { left, right } = statement.expression;
          if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) continue;
          add(left, left.property, left.computed, right, false, left.property.type === AST_NODE_TYPES.PrivateIdentifier);
        }
      }
    }
  }
  if (fields.length === 0) return [];

  // Every member access with a field's name: tied to the field by `this` or by the class / instance binding.
  const names = new Set(fields.map((field) => field.field));
  walk(source.ast, source.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return true;
    const name = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : memberName(node);
    if (name === undefined || !names.has(name)) return true;
    const object = unwrapExpression(node.object);
    let owner: FieldCandidate | undefined;
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const self = thisOwner(object);
      owner = self && fields.find((f) => f.field === name && f.cls === self.cls && f.isStatic === self.isStatic);
    } else if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveIdentifier(source.scopeManager, object);
      owner = fields.find(
        (f) =>
          f.field === name &&
          variable !== undefined &&
          (f.isStatic ? analyzerClassVariables(source, f.cls).includes(variable) : analyzer.singletonOf(f.cls)?.instance === variable),
      );
    }
    if (owner) {
      if (node !== owner.tracked.collection.node) owner.tracked.accesses.push(node);
    } else {
      // Not tied to a field by binding: it may still be one (`self.cache.clear()`), so a prune here
      // counts for every field of that name. Names only ever silence, never report.
      const use = analyzer.classify(node, "Map");
      const useAsObject = analyzer.classify(node, "object");
      if (use.type === "prune" || useAsObject.type === "prune") for (const f of fields) if (f.field === name) f.tracked.pruned = true;
    }
    return true;
  });
  return fields.map((field) => field.tracked);
}

function analyzerClassVariables(source: SourceInput, cls: TSESTree.Node): Variable[] {
  if (cls.type === AST_NODE_TYPES.ClassDeclaration) return source.scopeManager.getDeclaredVariables(cls);
  return cls.parent ? source.scopeManager.getDeclaredVariables(cls.parent) : [];
}

function growthText(collection: Collection, growth: Extract<Use, { type: "grow" }>): string {
  const node = growth.node;
  if (growth.via !== undefined) return `\`${growth.via}(${collection.name}, …)\``;
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(node.callee);
    return method === undefined ? `\`${collection.name}\`` : `\`${collection.name}.${method}(…)\``;
  }
  return `\`${collection.name}[…] = …\``;
}

/** Size caps: the growth sits under a test of the collection's size (`if (m.size < MAX) m.set(…)`), or after an early exit on one. */
function isSizeCapped(growth: TSESTree.Node, sizeReads: readonly TSESTree.Node[]): boolean {
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

function enclosingFunction(node: TSESTree.Node): AnyFunction | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) if (isFunctionNode(parent)) return parent;
  return undefined;
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

function finallyTargetFor(
  tracked: Tracked,
  growth: Extract<Use, { type: "grow" }>,
  uses: ReadonlyMap<TSESTree.Node, Use>,
  scopeManager: ScopeManager,
  source: SourceInput,
): FinallyTarget | undefined {
  const { collection } = tracked;
  if (collection.kind === "array" || !growth.key) return undefined;
  const statement = growth.node.parent;
  const fn = enclosingFunction(growth.node);
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !fn?.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const body = fn.body.body;
  const index = body.indexOf(statement);
  if (index < 0 || index === body.length - 1) return undefined;
  if (!isStableKey(growth.key, scopeManager)) return undefined;
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

/** Why a candidate collection is or is not reported (the corpus notes and the tests read it). */
export type Verdict =
  | "reported"
  | "pruned"
  | "escapes"
  | "no growth"
  | "bounded keys"
  | "registration API"
  | "grows only at initialisation"
  | "size-capped";

function analyzeCollection(analyzer: CacheAnalyzer, tracked: Tracked, input: CacheAnalysisInput): { verdict: Verdict; problem?: CollectionProblem } {
  if (tracked.pruned) return { verdict: "pruned" };
  const { collection } = tracked;
  const uses = new Map<TSESTree.Node, Use>();
  for (const access of tracked.accesses) uses.set(access, analyzer.classify(access, collection.kind));
  const all = [...uses.values()];
  if (all.some((use) => use.type === "prune")) return { verdict: "pruned" };
  const escapes = tracked.escapes || all.some((use) => use.type === "escape");
  if (escapes && !input.checkEscaping) return { verdict: "escapes" };
  const sizeReads = [...uses].filter(([, use]) => use.type === "read" && use.size).map(([access]) => access);
  const growths: { use: Extract<Use, { type: "grow" }>; reason: RepeatReason }[] = [];
  let verdict: Verdict = "no growth";
  for (const use of all) {
    if (use.type !== "grow") continue;
    if (use.keyed && (use.boundedKeys || (use.key !== undefined && analyzer.boundedValue(use.key)))) {
      if (verdict === "no growth") verdict = "bounded keys";
      continue;
    }
    if (analyzer.delegatedGrowth(use.node, use.key, use.values ?? [])) {
      if (!input.checkEscaping) {
        if (verdict === "no growth" || verdict === "bounded keys") verdict = "registration API";
        continue;
      }
    }
    const reason = analyzer.repeats(use.node);
    if (!reason) {
      verdict = "grows only at initialisation";
      continue;
    }
    if (isSizeCapped(use.node, sizeReads)) {
      verdict = "size-capped";
      continue;
    }
    growths.push({ use, reason });
  }
  const first = growths[0];
  if (!first) return { verdict };
  const weakCompatible = collectionMethods[collection.kind].weakCompatible;
  const weakKeys =
    weakCompatible !== undefined &&
    growths.every(({ use }) => use.key !== undefined && analyzer.keyIsObject(use.key)) &&
    all.every((use) => use.type === "grow" || (use.type === "read" && use.member !== undefined && weakCompatible.includes(use.member)));
  const finallyTarget = growths.length === 1 ? finallyTargetFor(tracked, first.use, uses, input.source.scopeManager, input.source) : undefined;
  return {
    verdict: "reported",
    problem: {
      type: "collection",
      collection,
      growth: { node: first.use.node, key: first.use.key, reason: first.reason, text: growthText(collection, first.use) },
      escapes,
      weakKeys,
      finallyTarget,
    },
  };
}

/** Every candidate collection of a file with its verdict: what the rule saw and why it did or did not report. */
export function explainCandidates(input: CacheAnalysisInput): { name: string; line: number; verdict: Verdict }[] {
  const analyzer = new CacheAnalyzer(input);
  return [...moduleCollections(analyzer, input.source), ...classCollections(analyzer, input.source)].map((tracked) => ({
    name: tracked.collection.name,
    line: tracked.collection.node.loc.start.line,
    verdict: analyzeCollection(analyzer, tracked, input).verdict,
  }));
}

// --- memoizers ------------------------------------------------------------------------------------

function resolveFunction(node: TSESTree.Node | undefined, scopeManager: ScopeManager): AnyFunction | undefined {
  if (!node) return undefined;
  const inner = unwrapExpression(node);
  if (isFunctionNode(inner)) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveIdentifier(scopeManager, inner);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || isReassigned(variable)) return undefined;
  if (def?.type === "FunctionName" && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def?.type === "Variable" && def.node.init && isFunctionNode(unwrapExpression(def.node.init))) return unwrapExpression(def.node.init) as AnyFunction;
  return undefined;
}

function memoizerName(call: TSESTree.CallExpression, fnArg: TSESTree.Node | undefined, fn: AnyFunction | undefined, source: SourceInput): string {
  if (fnArg && unwrapExpression(fnArg).type === AST_NODE_TYPES.Identifier) return `\`${(unwrapExpression(fnArg) as TSESTree.Identifier).name}\``;
  if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn?.id) return `\`${fn.id.name}\``;
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return `the function memoized as \`${parent.id.name}\``;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition) return `the function memoized as \`${source.text.slice(parent.key.range[0], parent.key.range[1])}\``;
  return "the memoized function";
}

function boundingOptionHolds(option: BoundingOption, value: TSESTree.Node, analyzer: CacheAnalyzer, boundedValues: ReadonlyMap<TSESTree.Node, ModuleExport>): boolean {
  const node = unwrapExpression(value);
  switch (option.bounds) {
    case "any":
      return !(node.type === AST_NODE_TYPES.Identifier && node.name === "undefined");
    case "finite": {
      if (node.type === AST_NODE_TYPES.Identifier && node.name === "Infinity" && analyzer.isGlobal(node)) return false;
      if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === "POSITIVE_INFINITY") return false;
      return true;
    }
    case "bounded-cache": {
      if ((node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) && boundedValues.has(unwrapExpression(node.callee))) return true;
      // A fresh unbounded collection is no bound; anything else (a custom cache) gets the benefit of the doubt.
      return analyzer.candidateKind(node) === undefined;
    }
  }
}

function analyzeMemoizers(analyzer: CacheAnalyzer, input: CacheAnalysisInput): MemoizerProblem[] {
  const { source } = input;
  const problems: MemoizerProblem[] = [];
  const memoizerValues = moduleValues(source.ast, source.scopeManager, memoizers.flatMap((entry) => entry.sources));
  if (memoizerValues.size === 0) return problems;
  const pruneValues = moduleValues(source.ast, source.scopeManager, memoizers.flatMap((entry) => entry.pruneFunctions ?? []));
  const boundedValues = moduleValues(source.ast, source.scopeManager, boundedCaches.flatMap((entry) => entry.sources));
  const entryOf = (value: ModuleExport): MemoizerEntry | undefined => memoizers.find((entry) => entry.sources.includes(value));
  // `_.memoize.Cache = LRU`: every lodash memoize of the file uses that cache class.
  const globallyBounded = new Set<MemoizerEntry>();
  for (const [node, value] of memoizerValues) {
    const entry = entryOf(value);
    const member = node.parent;
    if (entry?.cacheClassProperty && member?.type === AST_NODE_TYPES.MemberExpression && member.object === node && memberName(member) === entry.cacheClassProperty) {
      const assignment = member.parent;
      if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member) globallyBounded.add(entry);
    }
  }
  for (const [node, value] of memoizerValues) {
    const entry = entryOf(value);
    const call = node.parent;
    if (!entry || globallyBounded.has(entry) || call?.type !== AST_NODE_TYPES.CallExpression || unwrapExpression(call.callee) !== node) continue;
    // A memoizer created per call dies with its caller's closure: not long-lived.
    if (analyzer.repeats(call)) continue;
    const options = entry.optionsArg === undefined ? undefined : call.arguments[entry.optionsArg];
    let bounded = entry.boundedByDefault === true;
    if (options) {
      const object = unwrapExpression(options);
      if (object.type !== AST_NODE_TYPES.ObjectExpression || object.properties.some((p) => p.type !== AST_NODE_TYPES.Property)) continue; // cannot tell
      for (const property of object.properties as TSESTree.Property[]) {
        const option = entry.boundedBy.find((o) => o.name === propertyKeyName(property));
        if (option) bounded = boundingOptionHolds(option, property.value, analyzer, boundedValues);
      }
    }
    if (bounded) continue;
    // The key: the first argument (lodash; or its resolver's), or all of them.
    const fnArg = call.arguments[entry.fnArg];
    const fn = resolveFunction(fnArg, source.scopeManager);
    const resolver = entry.resolverArg === undefined ? undefined : call.arguments[entry.resolverArg];
    const keyFunction = resolver ? resolveFunction(resolver, source.scopeManager) : fn;
    if (keyFunction) {
      const params = entry.key === "first" && !resolver ? keyFunction.params.slice(0, 1) : keyFunction.params;
      const boundedParam = (param: TSESTree.Parameter): boolean => {
        const id = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        return analyzer.boundedTypeNode(typeAnnotationOf(id)) || (id.type === AST_NODE_TYPES.Identifier && analyzer.boundedValue(id));
      };
      if (params.every(boundedParam)) continue; // no parameter, or only literal-typed ones: a bounded set of keys
    }
    if (memoizedIsPruned(call, entry, source.scopeManager, pruneValues)) continue;
    problems.push({ type: "memoizer", call, entry, fn: memoizerName(call, fnArg, fn, source) });
  }
  return problems;
}

/** The module clears the memoized function's cache somewhere (`fn.cache.clear()`, `fn.clear()`, `memoizeClear(fn)`). */
function memoizedIsPruned(call: TSESTree.CallExpression, entry: MemoizerEntry, scopeManager: ScopeManager, pruneValues: ReadonlyMap<TSESTree.Node, ModuleExport>): boolean {
  const parent = call.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = scopeManager.getDeclaredVariables(parent)[0];
  return (
    variable?.references.some((reference) => {
      const id = reference.identifier;
      const up = id.parent;
      if (up?.type === AST_NODE_TYPES.MemberExpression && up.object === id) {
        const name = memberName(up);
        return name !== undefined && entry.pruneMembers.includes(name);
      }
      return up?.type === AST_NODE_TYPES.CallExpression && up.arguments.some((argument) => argument === id) && pruneValues.has(unwrapExpression(up.callee));
    }) ?? false
  );
}

/** Every unbounded long-lived collection and memoizer of a file, in source order. */
export function findUnboundedCaches(input: CacheAnalysisInput): CacheProblem[] {
  const analyzer = new CacheAnalyzer(input);
  const problems: CacheProblem[] = [];
  for (const tracked of [...moduleCollections(analyzer, input.source), ...classCollections(analyzer, input.source)]) {
    const { problem } = analyzeCollection(analyzer, tracked, input);
    if (problem) problems.push(problem);
  }
  problems.push(...analyzeMemoizers(analyzer, input));
  const position = (problem: CacheProblem): number => (problem.type === "collection" ? problem.collection.node.range[0] : problem.call.range[0]);
  return problems.sort((a, b) => position(a) - position(b));
}

/** Quick text test before any work: the file mentions something the rule looks for. */
export function mayHaveUnboundedCache(text: string): boolean {
  return /\bnew\s+(?:Map|Set)\b|=\s*(?:\{\s*\}|\[\s*\])|Object\.create\(\s*null|memoiz|\bmem\b/.test(text);
}

/** "The module-level Map `requests`", for messages. */
export function describeCollection(collection: Collection): string {
  const kind = collection.kind === "object" ? "object" : collection.kind === "array" ? "array" : collection.kind;
  switch (collection.owner) {
    case "module":
      return `The module-level ${kind} \`${collection.name}\``;
    case "static":
      return `The static ${kind} \`${collection.name}\``;
    case "instance":
      return `The ${kind} \`${collection.name}\` of the only \`${collection.className ?? "class"}\` instance`;
  }
}

export { describeRepeat };
