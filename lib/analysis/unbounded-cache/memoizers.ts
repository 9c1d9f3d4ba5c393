// Long-lived memoizers whose cache keeps one entry per distinct argument: traced from their imports
// (the catalogue lists each memoizer's import forms and "bounded when" options), reported unless an
// option bounds them, the memoized function takes only bounded arguments, or the module clears it.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type AnyFunction, isFunctionNode, memberName, propertyKeyName, unwrapExpression } from "../ast.js";
import { type BoundingOption, type MemoizerEntry, type ModuleExport, boundedCaches, memoizers } from "../cache-catalogue.js";
import { isReassigned } from "../bindings.js";
import { moduleValues } from "../imports.js";
import type { SourceInput } from "../index.js";
import { type ScopeManager, resolveIdentifier } from "../bindings.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { typeAnnotationOf } from "./syntax.js";
import type { MemoizerProblem } from "./types.js";

export function analyzeMemoizers(analyzer: CacheAnalyzer): MemoizerProblem[] {
  const { source } = analyzer.input;
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
    if (analyzer.runs.repeats(call)) continue;
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
        return analyzer.keys.boundedTypeNode(typeAnnotationOf(id)) || (id.type === AST_NODE_TYPES.Identifier && analyzer.keys.boundedValue(id));
      };
      if (params.every(boundedParam)) continue; // no parameter, or only literal-typed ones: a bounded set of keys
    }
    if (memoizedIsPruned(call, entry, source.scopeManager, pruneValues)) continue;
    problems.push({ type: "memoizer", call, entry, fn: memoizerName(call, fnArg, fn, source) });
  }
  return problems;
}

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
      return analyzer.uses.candidateKind(node) === undefined;
    }
  }
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
