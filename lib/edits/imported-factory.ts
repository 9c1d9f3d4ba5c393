// Is an imported schema factory (a call reported with types, `orderSchema(currency)` where
// `orderSchema` comes from another module of the project) a pure schema factory, so that memoising
// its calls by their primitive arguments (`schemaFactory`) cannot change behaviour? The call's
// resolved signature gives the factory's declaration; its module is parsed and analysed like any
// other file, and the factory must only return a schema expression that runs nothing but schema
// constructions (no other calls, no registration) and reads no mutable module state.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type * as ts from "typescript";
import { type AnyFunction, isFunctionNode, setParents, unwrapExpression, walk } from "../analysis/ast.js";
import { type FileAnalysis, type SourceInput, analyzeFile } from "../analysis/index.js";
import { evaluationOf } from "../analysis/evaluation.js";
import type { TypeInfo } from "../analysis/type-info.js";
import { parseSource } from "./parse.js";

interface Analysed {
  readonly source: SourceInput;
  readonly analysis: FileAnalysis;
}

// Keyed by the program's source file object (a new text is a new object): held no longer than the program.
const analysed = new WeakMap<ts.SourceFile, Analysed | { error: string }>();

function analyse(file: ts.SourceFile, modules: Readonly<Record<string, string>> | undefined): Analysed | { error: string } {
  const cached = analysed.get(file);
  if (cached) return cached;
  let result: Analysed | { error: string };
  try {
    const parsed = parseSource(file.text, { filename: file.fileName });
    setParents(parsed.ast, parsed.visitorKeys);
    const source = { text: file.text, ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys };
    result = { source, analysis: analyzeFile(source, modules) };
  } catch (error) {
    result = { error: (error as Error).message.split("\n")[0] ?? "parse error" };
  }
  analysed.set(file, result);
  return result;
}

/** The ESTree function whose text is the TypeScript declaration `declaration` (modifiers aside). */
function functionAt(source: SourceInput, declaration: ts.Node): AnyFunction | undefined {
  const file = declaration.getSourceFile();
  const start = declaration.getStart(file);
  let found: AnyFunction | undefined;
  walk(source.ast, source.visitorKeys, (node) => {
    if (found || node.range[1] < declaration.end || node.range[0] > declaration.end) return false;
    if (isFunctionNode(node) && node.range[1] === declaration.end && node.range[0] >= start) found = node;
    return found === undefined;
  });
  return found;
}

/**
 * Why memoising the reported call `call` of an imported factory could change behaviour, or
 * undefined when the factory is shown to be a pure schema factory.
 */
export function importedFactoryProblem(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  name: string,
  typeInfo: TypeInfo | undefined,
  modules?: Readonly<Record<string, string>>,
): string | undefined {
  const unknown = `\`${name}\` is imported, and its body could not be checked to only build a schema`;
  const tsCall = typeInfo?.esTreeNodeToTSNodeMap.get(call) as ts.CallLikeExpression | undefined;
  if (!typeInfo || !tsCall) return unknown;
  const declaration = typeInfo.program.getTypeChecker().getResolvedSignature(tsCall)?.declaration;
  if (!declaration) return unknown;
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile) return `\`${name}\` is declared in ${file.fileName.replace(/^.*\/node_modules\//, "")}, whose body cannot be checked to only build a schema`;
  const result = analyse(file, modules);
  if ("error" in result) return unknown;
  const fn = functionAt(result.source, declaration);
  if (!fn) return unknown;
  if (fn.async || fn.generator) return `\`${name}\` is ${fn.async ? "async" : "a generator"}`;
  if (fn.params.some((param) => param.type !== AST_NODE_TYPES.Identifier)) return `\`${name}\` has default, rest or destructured parameters`;
  const body = fn.body;
  const returned =
    body?.type === AST_NODE_TYPES.BlockStatement
      ? body.body.length === 1 && body.body[0]!.type === AST_NODE_TYPES.ReturnStatement
        ? body.body[0]!.argument
        : undefined
      : body;
  if (!returned) return `\`${name}\` does more than return a schema expression`;
  const { scopeManager, visitorKeys } = result.source;
  const evaluation = evaluationOf(unwrapExpression(returned), result.analysis, scopeManager, visitorKeys);
  if (evaluation.registrations.length > 0) return `\`${name}\` registers the schema (\`.${evaluation.registrations[0]!.name}()\`)`;
  if (evaluation.otherCalls.length > 0 || result.analysis.trace.calls.every((c) => c.node !== unwrapExpression(returned))) {
    return `\`${name}\` does more than build a schema (a call other than a schema construction would run once per argument list)`;
  }
  // A memoised schema must not depend on state that can change between calls.
  const scope = scopeManager.acquire(fn);
  for (const reference of scope?.through ?? []) {
    const def = reference.resolved?.defs[0];
    if (def?.type === "Variable" && def.parent.kind !== "const") return `\`${name}\` reads \`${reference.identifier.name}\`, which can change between calls`;
  }
  return undefined;
}
