// Does evaluating a schema expression once (at module load, or once per argument list) instead of on
// every call change anything? What it runs besides schema constructions (other calls, assignments,
// `await`, JSX, classes…) and the constructions that register the schema in a global registry.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type VisitorKeys, isFunctionNode, memberName, unwrapExpression, walk } from "./ast.js";
import { type ScopeManager, resolveIdentifier } from "./bindings.js";
import type { FileAnalysis } from "./index.js";
import { callsByNode } from "./schema-expressions.js";
import type { SchemaCall } from "./trace.js";

/** Global calls whose result depends only on their arguments. */
const pureGlobalCalls = new Set([
  "Object.keys",
  "Object.values",
  "Object.entries",
  "Object.fromEntries",
  "Object.freeze",
  "Object.assign",
  "Array.from",
  "Array.of",
  "Array.isArray",
  "String",
  "Number",
  "Boolean",
  "BigInt",
  "RegExp",
  "Symbol.for",
  "JSON.parse",
  "Math.max",
  "Math.min",
]);

function globalCallName(callee: TSESTree.Node, scopeManager: ScopeManager): string | undefined {
  const inner = unwrapExpression(callee);
  const root = inner.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(inner.object) : inner;
  if (root.type !== AST_NODE_TYPES.Identifier || resolveIdentifier(scopeManager, root)?.defs.length) return undefined;
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(inner);
    return name === undefined ? undefined : `${root.name}.${name}`;
  }
  return undefined;
}

export interface Evaluation {
  /** Calls that are not schema constructions: evaluated once at module load instead of per call. */
  readonly otherCalls: readonly TSESTree.Node[];
  /** Constructions that register the schema (zod `.register()`, `.meta({ id })`). */
  readonly registrations: readonly SchemaCall[];
}

/** What evaluating `expression` does besides building schemas (closures inside are not evaluated: skipped). */
export function evaluationOf(
  expression: TSESTree.Node,
  analysis: FileAnalysis,
  scopeManager: ScopeManager,
  visitorKeys: VisitorKeys,
  /** A call that is known to build a schema (the factory call itself). */
  factoryCall?: TSESTree.Node,
  /** Imported functions whose calls depend only on their arguments (`withKey` from stable-schema). */
  pureImports: readonly { readonly module: string; readonly name: string }[] = [],
): Evaluation {
  const calls = callsByNode(analysis.trace);
  const otherCalls: TSESTree.Node[] = [];
  const registrations: SchemaCall[] = [];
  const check = (node: TSESTree.Node): boolean => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return false;
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const call = calls.get(node);
        if (call) {
          const registration = call.library.construction?.registrations?.find((r) => r.name === call.name);
          if (registration && (!registration.key || registers(call.node, registration.key))) registrations.push(call);
          if (call.compiler) otherCalls.push(node);
          return true;
        }
        if (node === factoryCall || isPureImportCall(node.callee, scopeManager, pureImports)) return true;
        const name = globalCallName(node.callee, scopeManager);
        if (name === undefined || !pureGlobalCalls.has(name)) otherCalls.push(node);
        return true;
      }
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.UpdateExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.ImportExpression:
      case AST_NODE_TYPES.JSXElement:
      case AST_NODE_TYPES.JSXFragment:
      case AST_NODE_TYPES.ClassExpression:
        otherCalls.push(node);
        return false;
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === "delete") otherCalls.push(node);
        return true;
      default:
        return true;
    }
  };
  if (check(expression)) walk(expression, visitorKeys, check);
  return { otherCalls, registrations };
}

/** A call of a named import listed in `pureImports`, resolved by binding (`withKey` imported from `stable-schema`). */
function isPureImportCall(callee: TSESTree.Node, scopeManager: ScopeManager, pureImports: readonly { module: string; name: string }[]): boolean {
  const inner = unwrapExpression(callee);
  if (inner.type !== AST_NODE_TYPES.Identifier || pureImports.length === 0) return false;
  const def = resolveIdentifier(scopeManager, inner)?.defs[0];
  if (def?.type !== "ImportBinding" || def.node.type !== AST_NODE_TYPES.ImportSpecifier) return false;
  const declaration = def.node.parent;
  const imported = def.node.imported.type === AST_NODE_TYPES.Identifier ? def.node.imported.name : def.node.imported.value;
  return declaration.type === AST_NODE_TYPES.ImportDeclaration && pureImports.some((entry) => entry.module === declaration.source.value && entry.name === imported);
}

/** `.meta({ id: … })`: registers when the options object has the key, or is not a literal (unknown). */
function registers(node: TSESTree.CallExpression | TSESTree.NewExpression, key: { arg: number; name: string }): boolean {
  const raw = node.arguments[key.arg];
  if (!raw) return false;
  const arg = unwrapExpression(raw);
  if (arg.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return arg.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.SpreadElement ||
      (property.type === AST_NODE_TYPES.Property &&
        (property.computed || (property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value)) === key.name)),
  );
}
