// "Runs repeatedly?": does the code that creates a closure run more than once per module load?
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import {
  type AnyFunction,
  type VisitorKeys,
  isFunctionNode,
  isTransparentWrapper,
  loopLabel,
  memberName,
  propertyKeyName,
  repeatingLoopPart,
  unwrapExpression,
  walk,
} from "./ast.js";
import { describeKind } from "./catalogue.js";
import { type FactoryInput, factoryCarriers, isCarried } from "./factories.js";
import { type ScopeManager, resolveIdentifier } from "./bindings.js";
import type { TraceResult } from "./trace.js";

export type RepeatReason =
  | { readonly type: "function"; readonly name: string; readonly node: AnyFunction }
  | { readonly type: "loop"; readonly label: string; readonly line: number; readonly node: TSESTree.Node }
  | { readonly type: "instance"; readonly className: string; readonly node: TSESTree.Node }
  | { readonly type: "parse"; readonly api: string; readonly node: AnyFunction };

/** `memo`: a memo callback (`useMemo`); `effect`: an effect callback with deps, run when they change. */
export type OnceReason = "module" | "memo" | "effect";

export type RepeatAnswer =
  | { readonly repeated: true; readonly reason: RepeatReason; readonly factory?: AnyFunction }
  | { readonly repeated: false; readonly reason: OnceReason; readonly factory?: AnyFunction };

export interface RepetitionOptions {
  /** Report closures in schema factories (functions that build and return the schema). */
  readonly checkFactories: boolean;
  /** Calls whose callback runs once or rarely (`useMemo`, `useState` initialisers). */
  readonly memoFunctions: readonly string[];
  /**
   * Effect hooks whose callback runs only when its deps change when a deps argument is given
   * (`useEffect(fn, [id])`); without one it runs after every render. Default: defaultEffectFunctions.
   */
  readonly effectFunctions?: readonly string[];
}

export const defaultMemoFunctions: readonly string[] = [
  "useMemo",
  "useState",
  "useReducer",
  "once",
  "memoize",
  "memoizeOne",
  "cache",
];

export const defaultEffectFunctions: readonly string[] = ["useEffect", "useLayoutEffect", "useInsertionEffect"];

export interface RepetitionInput {
  readonly trace: TraceResult;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
  /** Per-function facts, computed once per file whatever the number of closures asked about. */
  readonly memo: RepetitionMemo;
}

interface FunctionFacts {
  containsJsx?: boolean;
  carriers?: ReadonlySet<TSESTree.Node>;
}

/** What repetitionOf() learns about functions, shared by every closure of one file (see analyzeFile). */
export class RepetitionMemo {
  private readonly functions = new WeakMap<AnyFunction, FunctionFacts>();

  facts(fn: AnyFunction): FunctionFacts {
    let facts = this.functions.get(fn);
    if (!facts) this.functions.set(fn, (facts = {}));
    return facts;
  }
}

/** Human description of where the code re-runs, for messages: "on every call of `UserForm`". */
export function describeRepeat(reason: RepeatReason): string {
  switch (reason.type) {
    case "function":
      return `on every call of ${reason.name}`;
    case "loop":
      return `on every iteration of the ${reason.label} at line ${reason.line}`;
    case "instance":
      return `for every instance of \`${reason.className}\``;
    case "parse":
      return `on every parse, inside the ${reason.api} callback`;
  }
}

function truncate(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function calleeLabel(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(inner);
    const object = calleeLabel(inner.object);
    if (name === undefined) return object;
    return object === undefined ? name : `${object}.${name}`;
  }
  if (inner.type === AST_NODE_TYPES.ThisExpression) return "this";
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const callee = calleeLabel(inner.callee);
    return callee === undefined ? undefined : `${callee}(…)`;
  }
  return undefined;
}

function className(node: TSESTree.Node | undefined): string {
  if (node && (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression)) {
    if (node.id) return node.id.name;
    if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.id.type === AST_NODE_TYPES.Identifier) {
      return node.parent.id.name;
    }
  }
  return "an anonymous class";
}

/** The name a person would use for a function: `UserForm`, `Store.load`, "the callback passed to `app.get`". */
export function functionName(fn: AnyFunction): string {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return `\`${fn.id.name}\``;
  const parent = fn.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.id.type === AST_NODE_TYPES.Identifier) return `\`${parent.id.name}\``;
      break;
    case AST_NODE_TYPES.MethodDefinition: {
      const owner = className(parent.parent.parent);
      if (parent.kind === "constructor") return `the constructor of \`${owner}\``;
      const key = propertyKeyName(parent) ?? "[computed]";
      return `\`${owner}.${key}\``;
    }
    case AST_NODE_TYPES.PropertyDefinition:
      return `\`${className(parent.parent.parent)}.${propertyKeyName(parent) ?? "[computed]"}\``;
    case AST_NODE_TYPES.Property: {
      const key = propertyKeyName(parent);
      if (key !== undefined) return `\`${key}\``;
      break;
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      const left = calleeLabel(parent.left);
      if (left !== undefined) return `\`${truncate(left)}\``;
      break;
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (parent.callee !== fn) {
        const callee = calleeLabel(parent.callee);
        return callee === undefined ? "the callback" : `the callback passed to \`${truncate(callee)}\``;
      }
      break;
    case AST_NODE_TYPES.JSXExpressionContainer:
      if (parent.parent.type === AST_NODE_TYPES.JSXAttribute && parent.parent.name.type === AST_NODE_TYPES.JSXIdentifier) {
        return `the \`${parent.parent.name.name}\` handler`;
      }
      break;
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return "the default export";
    default:
      break;
  }
  return `the function at line ${fn.loc.start.line}`;
}

export function plainName(fn: AnyFunction): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) return propertyKeyName(parent);
  return undefined;
}

function isGetterOrSetter(fn: AnyFunction): boolean {
  const parent = fn.parent;
  return (
    (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) &&
    (parent.kind === "get" || parent.kind === "set")
  );
}

export function isHookName(name: string | undefined): boolean {
  return name !== undefined && /^use[A-Z0-9]/.test(name);
}

const jsxMemo = new WeakMap<AnyFunction, boolean>();

export function containsJsx(fn: AnyFunction, visitorKeys: VisitorKeys): boolean {
  const cached = jsxMemo.get(fn);
  if (cached !== undefined) return cached;
  const found = scanJsx(fn, visitorKeys);
  jsxMemo.set(fn, found);
  return found;
}

function scanJsx(fn: AnyFunction, visitorKeys: VisitorKeys): boolean {
  let found = false;
  walk(fn.body, visitorKeys, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.JSXElement || node.type === AST_NODE_TYPES.JSXFragment) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

/** Called right where it is defined: `(() => { … })()`, `!function () { … }()`. */
function isImmediatelyInvoked(fn: AnyFunction): boolean {
  let node: TSESTree.Node = fn;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.UnaryExpression || isTransparentWrapper(parent, node)) {
      node = parent;
      continue;
    }
    return (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee === node;
  }
}

/** `useMemo(fn)` / `React.useMemo(fn)`: the name of the call `fn` is passed to, when it is a plain call. */
function calleeNameOf(fn: AnyFunction): { call: TSESTree.CallExpression; name: string } | undefined {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === fn) return undefined;
  const callee = unwrapExpression(parent.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression
        ? memberName(callee)
        : undefined;
  return name === undefined ? undefined : { call: parent, name };
}

/** `useEffect(() => …, deps)`: the callback runs when the deps change, not on every render. */
function effectWithDepsCallbackOf(fn: AnyFunction, effectFunctions: readonly string[]): boolean {
  const found = calleeNameOf(fn);
  if (!found || !effectFunctions.includes(found.name) || found.call.arguments[0] !== fn) return false;
  const deps = found.call.arguments[1];
  return deps !== undefined && !(deps.type === AST_NODE_TYPES.Identifier && deps.name === "undefined");
}

function memoCallbackOf(fn: AnyFunction, memoFunctions: readonly string[]): boolean {
  const found = calleeNameOf(fn);
  if (!found || !memoFunctions.includes(found.name)) return false;
  const { call: parent, name } = found;
  // `useReducer(reducer, arg, init)`: only the initialiser runs once.
  if (name === "useReducer") return parent.arguments[2] === fn;
  return parent.arguments[0] === fn;
}

/** Getters inside an object literal passed to a schema call: zod's recursive shapes (evaluated once per schema). */
export function isSchemaShapeGetter(fn: AnyFunction, trace: TraceResult): boolean {
  const property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.kind !== "get") return false;
  let node: TSESTree.Node = property.parent;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.Property || node.parent.type === AST_NODE_TYPES.ObjectExpression)) node = node.parent;
  const call = node.parent;
  return (
    (call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) &&
    schemaCallNodes(trace).has(call)
  );
}

const callNodes = new WeakMap<TraceResult, ReadonlySet<TSESTree.Node>>();

/** The traced schema calls of a file, as a set (built once per trace). */
function schemaCallNodes(trace: TraceResult): ReadonlySet<TSESTree.Node> {
  let nodes = callNodes.get(trace);
  if (!nodes) callNodes.set(trace, (nodes = new Set(trace.calls.map((call) => call.node))));
  return nodes;
}

function factoryInput(input: RepetitionInput): FactoryInput {
  return { schemaNodes: input.trace.schemaNodes, scopeManager: input.scopeManager, visitorKeys: input.visitorKeys };
}

/** `S ??= …` / `S ||= …` where `S` is a module-level variable: the right side runs until `S` is set, once. */
function isLazyModuleInit(parent: TSESTree.Node, node: TSESTree.Node, scopeManager: RepetitionInput["scopeManager"]): boolean {
  if (parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== node) return false;
  if (parent.operator !== "??=" && parent.operator !== "||=") return false;
  if (parent.left.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(scopeManager, parent.left);
  return variable !== undefined && (variable.scope.type === "module" || variable.scope.type === "global");
}

/**
 * Walks outward from where `closure` is created to the first boundary that decides how often that
 * code runs.
 */
export function repetitionOf(closure: TSESTree.Node, input: RepetitionInput, options: RepetitionOptions): RepeatAnswer {
  let factory: AnyFunction | undefined;
  let node: TSESTree.Node = closure;
  for (let parent = node.parent; parent; node = parent, parent = node.parent) {
    // `cached ??= build()` into a module-level binding: the right side runs once (a lazy module-level value).
    if (isLazyModuleInit(parent, node, input.scopeManager)) return { repeated: false, reason: "memo", factory };
    if (repeatingLoopPart(parent, node)) {
      return { repeated: true, reason: { type: "loop", label: loopLabel(parent), line: parent.loc.start.line, node: parent }, factory };
    }
    if (isFunctionNode(parent)) {
      const fn = parent;
      const site = input.trace.siteByFunction.get(fn);
      if (site) {
        if (site.runs === "once") continue;
        if (site.runs === "every-parse") return { repeated: true, reason: { type: "parse", api: `\`${site.apiText}\``, node: fn }, factory };
        return {
          repeated: true,
          reason: { type: "function", name: `the ${describeKind(site.kind)} passed to \`${site.apiText}\``, node: fn },
          factory,
        };
      }
      if (isImmediatelyInvoked(fn)) continue;
      if (isSchemaShapeGetter(fn, input.trace)) continue;
      if (memoCallbackOf(fn, options.memoFunctions)) return { repeated: false, reason: "memo", factory };
      if (effectWithDepsCallbackOf(fn, options.effectFunctions ?? defaultEffectFunctions)) return { repeated: false, reason: "effect", factory };
      const name = plainName(fn);
      const facts = input.memo.facts(fn);
      const exemptFromFactory = isGetterOrSetter(fn) || isHookName(name) || (facts.containsJsx ??= containsJsx(fn, input.visitorKeys));
      // Factories nest (`values.map((v) => z.literal(v).refine(…))` returned by `makeUnion`): keep
      // walking while each enclosing function still returns the schema; the innermost one is recorded.
      if (!options.checkFactories && !exemptFromFactory && isCarried((facts.carriers ??= factoryCarriers(fn, factoryInput(input))), fn, closure)) {
        factory ??= fn;
        continue;
      }
      return { repeated: true, reason: { type: "function", name: functionName(fn), node: fn }, factory };
    }
    if (parent.type === AST_NODE_TYPES.PropertyDefinition || parent.type === AST_NODE_TYPES.AccessorProperty) {
      if (parent.value === node && !parent.static) {
        return { repeated: true, reason: { type: "instance", className: className(parent.parent.parent), node: parent }, factory };
      }
    }
  }
  return { repeated: false, reason: "module", factory };
}
