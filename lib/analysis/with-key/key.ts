// withKey checker, stage 2: the key's shape (a string id, or `["id", ...elements]`) and the key elements
// whose value differs on every evaluation (a fresh object, the clock, a random number).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { createsObject, memberName, stringLiteralValue, unwrapExpression } from "../ast.js";
import { type ScopeManager, isGlobalReference } from "../bindings.js";


export type KeyShape =
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

export function keyShape(call: TSESTree.CallExpression): KeyShape {
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

export class FreshTest {
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
    if (createsObject(inner)) return true;
    switch (inner.type) {
      case AST_NODE_TYPES.Literal:
        return "regex" in inner && inner.regex !== undefined;
      case AST_NODE_TYPES.ConditionalExpression:
        return this.fresh(inner.consequent) && this.fresh(inner.alternate);
      default:
        return this.varying(inner);
    }
  }
}

/** The id of a withKey call's key (`"id"` or `["id", …]`) when it is a string literal, whatever the rest of the key. */
export function keyId(call: TSESTree.CallExpression): string | undefined {
  const raw = call.arguments[1];
  if (!raw || raw.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const key = unwrapExpression(raw);
  if (key.type !== AST_NODE_TYPES.ArrayExpression) return stringLiteralValue(key);
  const first = key.elements[0];
  return first && first.type !== AST_NODE_TYPES.SpreadElement ? stringLiteralValue(unwrapExpression(first)) : undefined;
}
