// Fix kind "hoist-parts" of `no-schema-in-function`: where a schema depends on locals, its largest
// independent sub-schemas (reading no locals, running nothing but schema constructions, more than a
// single builder call) move to module-level constants of their own. Always a suggestion; offered
// only when there is such a part (never "left" with a reason).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, propertyKeyName, walk } from "../analysis/ast.js";
import { evaluationOf } from "../analysis/evaluation.js";
import { expressionCaptures } from "../analysis/expression-captures.js";
import { type SchemaExpression, callsByNode, isConstruction } from "../analysis/schema-expressions.js";
import type { PlannerInput } from "./fix-kind.js";
import { camel } from "./words.js";
import { earlyCaller } from "./placement.js";
import { type SchemaFixKind, pureImportsOf } from "./schema-fix-kind.js";
import { type TextEdit, dedented, mergeEdits } from "./text.js";

export const hoistSchemaParts: SchemaFixKind<"hoist-parts"> = {
  kind: "hoist-parts",
  plan(context, { expression, statement, at, local }) {
    if (!local) return undefined;
    const { input, registry, eol } = context;
    const { text } = input.source;
    const parts = independentParts(expression, input, statement.range[0]);
    if (parts.length === 0) return undefined;
    const names = parts.map((part) => registry.identifier(part.base));
    const declarations = parts.map((part, i) => `const ${names[i]} = ${dedented(text, part.node)};${eol}`).join("");
    const edits: TextEdit[] = [{ range: [at, at], text: `${declarations}${eol}` }, ...parts.map((part, i) => ({ range: part.node.range, text: names[i]! }))];
    const tdz = earlyCaller(statement, input.source.scopeManager);
    return { kind: "hoist-parts", name: names.join(", "), edits, fix: mergeEdits(text, edits), safe: false, ...(tdz ? { caution: { type: "tdz" as const, text: tdz } } : {}) };
  },
};

/**
 * The largest sub-schemas of a schema that depends on locals which themselves read no locals, run
 * nothing but schema constructions and are more than a single builder call (`z.string().email()`, not
 * `z.string()`): each can move to module level on its own.
 */
export function independentParts(expression: SchemaExpression, input: PlannerInput, before: number): { node: TSESTree.Node; base: string }[] {
  const { source, analysis } = input;
  const all = callsByNode(analysis.trace);
  const isBuilt = (node: TSESTree.Node): boolean => {
    const call = all.get(node);
    return call !== undefined && isConstruction(call, source.scopeManager);
  };
  const countCalls = (root: TSESTree.Node): number => {
    let count = isBuilt(root) ? 1 : 0;
    walk(root, source.visitorKeys, (node) => {
      if (isFunctionNode(node) || count >= 2) return false;
      if (isBuilt(node)) count++;
      return true;
    });
    return count;
  };
  const found: { node: TSESTree.Node; base: string }[] = [];
  const qualifies = (node: TSESTree.Node): boolean => {
    if (node === expression.node || !isBuilt(node) || countCalls(node) < 2) return false;
    const captures = expressionCaptures(node, source.scopeManager, source.visitorKeys, before);
    if (captures.values.length > 0 || captures.types.length > 0 || captures.usesThis || captures.lateModule.length > 0) return false;
    const evaluation = evaluationOf(node, analysis, source.scopeManager, source.visitorKeys, undefined, pureImportsOf(input));
    return evaluation.otherCalls.length === 0 && evaluation.registrations.length === 0;
  };
  walk(expression.node, source.visitorKeys, (node) => {
    if (isFunctionNode(node)) return false;
    if (!qualifies(node)) return true;
    const parent = node.parent;
    const key = parent?.type === AST_NODE_TYPES.Property && parent.value === node ? propertyKeyName(parent) : undefined;
    found.push({ node, base: key !== undefined && /^[A-Za-z_$][\w$]*$/.test(key) ? camel(`${key} schema`) : "partSchema" });
    return false;
  });
  return found;
}
