// Evidence that a growth's key (or pushed item) is unbounded — that the collection grows with the
// input, not with a domain the module cannot see (names, options, routes). Three kinds:
// - identity: the key is an object — created by the growing code (`{}`, `[]`, `new X()`, a function),
//   `this` in a constructor, a variable last assigned such an object, a binding annotated with an object type, or with
//   type information an object type. Only for Map/Set keys and array items: an object used as a
//   property name becomes the string "[object Object]".
// - unique: a value that is new on every call — `crypto.randomUUID()`, `randomBytes()`, `nanoid()`,
//   `uuid.v4()`, `Date.now()`, `performance.now()`, `process.hrtime()`, `Math.random()`, a module-level
//   counter that only goes up (`++id`), and strings built from one of these.
// - request: a value read from a parameter of a request or event handler — a function registered
//   with a catalogued routing or event API (`app.get(path, (req) => …)`, `http.createServer(cb)`,
//   `server.on("request", cb)`), the exported `handler` of a serverless function, or the `fetch`
//   method of the default-exported object (`req.id`, `req.headers["x-request-id"]`, `event.requestId`).
// The catalogue is data (key-evidence-catalogue.ts). A key with none of these (a bare parameter, a
// value from configuration) is "unproven": reported only with `reportUnprovenKeys`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type AnyFunction, isFunctionNode, memberName, propertyKeyName, stringLiteralValue, unwrapExpression } from "../ast.js";
import { type Variable, isReassigned, resolveIdentifier } from "../bindings.js";
import type { CollectionKind, ModuleExport } from "../cache-catalogue.js";
import { moduleValues } from "../imports.js";
import {
  defaultExportHandlerMethods,
  handlerExports,
  handlerOptionProperties,
  handlerRegistrations,
  uniqueFactoryMembers,
  uniqueGlobalCalls,
  uniqueGlobalMemberCalls,
  uniqueValueFactories,
} from "../key-evidence-catalogue.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { enclosingFunction, typeAnnotationOf } from "./syntax.js";
import type { GrowUse } from "./types.js";

export type EvidenceKind = "identity" | "unique" | "request";

export class KeyEvidence {
  private factories: Map<TSESTree.Node, ModuleExport> | undefined;
  private readonly handlerMemo = new Map<AnyFunction, boolean>();

  constructor(private readonly analyzer: CacheAnalyzer) {}

  /** Why this growth's key (or item) is evidently unbounded, or undefined when nothing shows it. */
  ofGrowth(use: GrowUse, kind: CollectionKind): EvidenceKind | undefined {
    const identity = kind !== "object";
    if (use.key !== undefined) return use.keyed ? this.of(use.key, identity, use.node) : undefined;
    if (use.keyed) return undefined; // `Object.assign(obj, source)`: keys the analysis cannot name
    for (const value of use.values ?? []) {
      const evidence = this.of(value, identity, use.node);
      if (evidence) return evidence;
    }
    return undefined;
  }

  private of(raw: TSESTree.Node, identity: boolean, at: TSESTree.Node, depth = 0): EvidenceKind | undefined {
    if (depth > 8) return undefined;
    const node = unwrapExpression(raw);
    if (identity && this.objectKey(node)) return "identity";
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        return this.uniqueCall(node) ? "unique" : this.derived(node, at, depth);
      case AST_NODE_TYPES.UpdateExpression:
        return node.operator === "++" && node.argument.type === AST_NODE_TYPES.Identifier && this.isCounter(node.argument) ? "unique" : undefined;
      case AST_NODE_TYPES.AssignmentExpression:
        return node.operator === "+=" && node.left.type === AST_NODE_TYPES.Identifier && this.isCounter(node.left) ? "unique" : undefined;
      case AST_NODE_TYPES.TemplateLiteral:
        return firstOf(node.expressions.map((expression) => () => this.of(expression, false, at, depth + 1)));
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator !== "+") return undefined;
        return this.of(node.left, false, at, depth + 1) ?? this.of(node.right, false, at, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return this.of(node.left, identity, at, depth + 1) ?? this.of(node.right, identity, at, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.of(node.consequent, identity, at, depth + 1) ?? this.of(node.alternate, identity, at, depth + 1);
      case AST_NODE_TYPES.AwaitExpression:
        return this.of(node.argument, identity, at, depth + 1);
      case AST_NODE_TYPES.MemberExpression:
        return this.memberEvidence(node, at, depth);
      case AST_NODE_TYPES.Identifier:
        return this.bindingEvidence(node, identity, at, depth);
      default:
        return undefined;
    }
  }

  /**
   * An object made by the growing code, or (with type information) of an object type — but not `this`
   * outside a constructor, nor a module-level binding: one object, however often it is added.
   */
  private objectKey(node: TSESTree.Node): boolean {
    // `this` in a constructor is the object being made, new on every `new`; elsewhere it may be one object.
    if (node.type === AST_NODE_TYPES.ThisExpression) return inConstructor(node);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const scope = resolveIdentifier(this.analyzer.scopeManager, node)?.scope.type;
      if (scope === undefined || scope === "module" || scope === "global") return false;
    }
    return this.analyzer.keys.keyIsObject(node);
  }

  /** `String(x)`, `x.toString(36)`, `randomBytes(8).toString("hex")`: a value derived from a unique or request value. */
  private derived(call: TSESTree.CallExpression, at: TSESTree.Node, depth: number): EvidenceKind | undefined {
    const path = this.analyzer.globalPath(call.callee);
    if (path && path.length === 1 && (path[0] === "String" || path[0] === "Number") && call.arguments[0]) return this.of(call.arguments[0], false, at, depth + 1);
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type !== AST_NODE_TYPES.Super) {
      const evidence = this.of(callee.object, false, at, depth + 1);
      return evidence === "identity" ? undefined : evidence;
    }
    return undefined;
  }

  /** A call that returns a new value every time (catalogue: global paths and module exports). */
  private uniqueCall(call: TSESTree.CallExpression): boolean {
    const callee = unwrapExpression(call.callee);
    const path = this.globalPath3(callee);
    const matches = (pattern: readonly string[]) => path !== undefined && pattern.length === path.length && pattern.every((part, i) => part === path[i]);
    if (uniqueGlobalCalls.some(matches) || uniqueGlobalMemberCalls.some(matches)) return true;
    this.factories ??= moduleValues(this.analyzer.input.source.ast, this.analyzer.scopeManager, uniqueValueFactories);
    if (this.factories.has(callee)) return true;
    // `performance.now()` with `performance` imported from `perf_hooks`.
    if (callee.type === AST_NODE_TYPES.MemberExpression && this.factories.has(unwrapExpression(callee.object))) {
      const name = memberName(callee);
      return name !== undefined && uniqueFactoryMembers.includes(name);
    }
    return false;
  }

  /** A global path of up to three names (`process.hrtime.bigint`). */
  private globalPath3(callee: TSESTree.Node): string[] | undefined {
    const direct = this.analyzer.globalPath(callee);
    if (direct) return direct;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const inner = this.analyzer.globalPath(callee.object);
    const name = memberName(callee);
    return inner && inner.length === 2 && name !== undefined ? [...inner, name] : undefined;
  }

  /** `req.headers["x-request-id"]`, `event.requestId`: a member chain rooted at request data. */
  private memberEvidence(member: TSESTree.MemberExpression, at: TSESTree.Node, depth: number): EvidenceKind | undefined {
    let object: TSESTree.Node = unwrapExpression(member.object);
    while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrapExpression(object.object);
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const evidence = this.bindingEvidence(object, false, at, depth + 1, true);
    return evidence === "request" ? "request" : undefined;
  }

  /** `root`: the binding is the object of a member chain (`req` of `req.id`), not the key itself. */
  private bindingEvidence(id: TSESTree.Identifier, identity: boolean, at: TSESTree.Node, depth: number, root = false): EvidenceKind | undefined {
    const variable = resolveIdentifier(this.analyzer.scopeManager, id);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    if (def.type === "Parameter") {
      // The request object itself keys a Map or Set by identity; as a property name it is "[object Object]".
      if (isFunctionNode(def.node) && this.isHandler(def.node)) return root || identity ? "request" : undefined;
      return identity && objectTypeNode(typeAnnotationOf(def.name), this.analyzer) ? "identity" : undefined;
    }
    if (def.type !== "Variable") return undefined;
    if (this.isCounter(id)) return "unique";
    const scope = variable.scope.type;
    if (scope === "module" || scope === "global") return undefined; // one value, however often it is added
    if (identity && objectTypeNode(typeAnnotationOf(def.name), this.analyzer)) return "identity";
    const declarator = def.node;
    if (declarator.id !== def.name) {
      // `const { id } = req.body`: a part of the initialiser.
      return declarator.init && !isReassigned(variable) ? this.partOf(declarator.init, at, depth) : undefined;
    }
    const value = isReassigned(variable) ? lastWriteBefore(variable, at) : declarator.init;
    return value ? this.of(value, identity, at, depth + 1) : undefined;
  }

  /** A destructured part of `init` is request data when `init` is (identity and uniqueness do not carry to parts). */
  private partOf(init: TSESTree.Node, at: TSESTree.Node, depth: number): EvidenceKind | undefined {
    const evidence = this.of(init, false, at, depth + 1);
    return evidence === "request" ? "request" : undefined;
  }

  /** A module-level `let` that only ever goes up (`let nextId = 0; … ++nextId`): every value is new. */
  private isCounter(id: TSESTree.Identifier): boolean {
    const variable = resolveIdentifier(this.analyzer.scopeManager, id);
    if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== "Variable") return false;
    const scope = variable.scope.type;
    if (scope !== "module" && scope !== "global") return false;
    return isMonotonicCounter(variable);
  }

  /** The function is called once per request or event (catalogue: registration APIs, handler exports). */
  isHandler(fn: AnyFunction): boolean {
    const cached = this.handlerMemo.get(fn);
    if (cached !== undefined) return cached;
    const result = this.computeIsHandler(fn);
    this.handlerMemo.set(fn, result);
    return result;
  }

  private computeIsHandler(fn: AnyFunction): boolean {
    if (isRegisteredHandler(fn)) return true;
    const parent = fn.parent;
    // `export default { fetch(request) { … } }`
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
      const name = propertyKeyName(parent);
      const object = parent.parent;
      if (name !== undefined && defaultExportHandlerMethods.includes(name) && object?.type === AST_NODE_TYPES.ObjectExpression && object.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    }
    // `export const handler = async (event) => …`, `export async function handler(event)`, `exports.handler = …`
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id && handlerExports.includes(fn.id.name) && fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      if (handlerExports.includes(parent.id.name) && parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(parent.left);
      const target = unwrapExpression(parent.left.object);
      const exportsObject =
        (target.type === AST_NODE_TYPES.Identifier && target.name === "exports" && this.analyzer.isGlobal(target)) ||
        (target.type === AST_NODE_TYPES.MemberExpression &&
          target.object.type === AST_NODE_TYPES.Identifier &&
          target.object.name === "module" &&
          this.analyzer.isGlobal(target.object) &&
          memberName(target) === "exports");
      if (exportsObject && name !== undefined && handlerExports.includes(name)) return true;
    }
    // A named function passed to a registration: `app.get("/", handle)`.
    const declarator = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn ? parent : undefined;
    if (!declarator) return false;
    // The function's own name (a declaration also declares its parameters).
    const variables = this.analyzer.scopeManager
      .getDeclaredVariables(declarator)
      .filter((v) => v.defs.length === 1 && (v.defs[0]!.type === "FunctionName" || v.defs[0]!.type === "Variable") && !isReassigned(v));
    return variables.some((variable) => variable.references.some((reference) => !reference.init && isRegistrationArgument(reference.identifier)));
  }
}

function inConstructor(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (isFunctionNode(current)) return current.parent?.type === AST_NODE_TYPES.MethodDefinition && current.parent.kind === "constructor";
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return false;
  }
  return false;
}

function firstOf<T>(thunks: readonly (() => T | undefined)[]): T | undefined {
  for (const thunk of thunks) {
    const value = thunk();
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `fn` is an argument of a catalogued registration call, or the `handler` of an options object passed to one. */
function isRegisteredHandler(fn: AnyFunction): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    const name = propertyKeyName(parent);
    const object = parent.parent;
    return name !== undefined && handlerOptionProperties.includes(name) && object?.type === AST_NODE_TYPES.ObjectExpression && isRegistrationArgument(object);
  }
  return isRegistrationArgument(fn);
}

function isRegistrationArgument(node: TSESTree.Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  if (name === undefined) return false;
  return handlerRegistrations.some((registration) => {
    if (!registration.methods.includes(name)) return false;
    if (!registration.events) return true;
    const event = stringLiteralValue(call.arguments[0]);
    return event !== undefined && registration.events.includes(event) && call.arguments[0] !== node;
  });
}

/** All writes are `++`, `+= <positive number>`, or the declaration's number literal; at least one increment. */
function isMonotonicCounter(variable: Variable): boolean {
  let up = false;
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) {
      if (parent.operator !== "++") return false;
      up = true;
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier) {
      if (parent.operator !== "+=" || !(parent.right.type === AST_NODE_TYPES.Literal && typeof parent.right.value === "number" && parent.right.value > 0)) return false;
      up = true;
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === reference.identifier) {
      if (parent.init && !(parent.init.type === AST_NODE_TYPES.Literal && typeof parent.init.value === "number")) return false;
    } else {
      return false;
    }
  }
  return up;
}

/**
 * The value a reassigned local variable last received before `at`, in the same function: the nearest
 * preceding write (`state = { … }` before `states.add(state)`). Undefined when a write is not a plain
 * assignment or none precedes it there.
 */
function lastWriteBefore(variable: Variable, at: TSESTree.Node): TSESTree.Node | undefined {
  const fn = enclosingFunction(at);
  let best: TSESTree.Node | undefined;
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const written = reference.writeExpr;
    if (!written) return undefined;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator !== "=") return undefined;
    if (written.range[1] > at.range[0] || enclosingFunction(written) !== fn) continue;
    if (!best || written.range[0] > best.range[0]) best = written;
  }
  return best;
}

/** A written type that admits only objects: a type literal, an array or tuple, a function type, or a local interface or class. */
function objectTypeNode(type: TSESTree.TypeNode | undefined, analyzer: CacheAnalyzer): boolean {
  if (!type) return false;
  switch (type.type) {
    case AST_NODE_TYPES.TSTypeLiteral:
    case AST_NODE_TYPES.TSArrayType:
    case AST_NODE_TYPES.TSTupleType:
    case AST_NODE_TYPES.TSFunctionType:
    case AST_NODE_TYPES.TSObjectKeyword:
      return true;
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = resolveIdentifier(analyzer.scopeManager, type.typeName);
      return (variable?.defs ?? []).some((def) => def.node.type === AST_NODE_TYPES.TSInterfaceDeclaration || def.node.type === AST_NODE_TYPES.ClassDeclaration);
    }
    default:
      return false;
  }
}
