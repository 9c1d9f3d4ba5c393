// Schema expressions exposed by the trace (`no-schema-in-function`): the outermost schema
// construction of a catalogue library (a builder call with its method chain), the calls that
// compile a schema (`new Ajv()`, `ajv.compile({…})`, TypeBox `Compile`), and calls of schema
// factories (functions of the module, or with types imported ones, that build and return a schema).
// What counts as a construction is catalogue data (`construction`, `compilers`); "runs repeatedly?"
// is the shared answer of repetition.ts, read through FileAnalysis.repetition. What an expression
// reads is expression-captures.ts; what evaluating it runs besides constructions is evaluation.ts.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type * as ts from "typescript";
import { type AnyFunction, contains, isFunctionNode, memberName, unwrapExpression, walk } from "./ast.js";
import { type ScopeManager, type Variable, resolveIdentifier } from "./bindings.js";
import { isModuleLevel } from "./captures.js";
import type { Compiler, LibraryEntry } from "./catalogue.js";
import { type RepetitionOptions, type RepeatAnswer, defaultMemoFunctions, isSchemaShapeGetter } from "./repetition.js";
import type { FileAnalysis, SourceInput } from "./index.js";
import type { SchemaCall } from "./trace.js";
import { libraryOfType } from "./typed.js";
import type { TypeInfo } from "./type-info.js";

/** Memo callbacks for schema expressions (the rule's default, and the codemod's): the shared defaults plus the runtime's own `schemaFactory`. */
export const schemaMemoFunctions: readonly string[] = [...defaultMemoFunctions, "schemaFactory"];

export type SchemaExpressionKind = "build" | "compile" | "factory";

export interface SchemaExpression {
  /** The outermost expression: the last call of a method chain, a compile call, or a factory call. */
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly kind: SchemaExpressionKind;
  /** The library (absent for a factory call whose schema type is not known). */
  readonly library?: LibraryEntry;
  /** How the construction reads in a message: `z.object()`, `ajv.compile()`, `buildSchema()`. */
  readonly apiText: string;
  readonly compiler?: Compiler;
  /** For factory calls: the factory's name and, for a function of the module, the function. */
  readonly factory?: { readonly name: string; readonly fn?: AnyFunction };
  readonly answer: RepeatAnswer;
}

const memo = new WeakMap<FileAnalysis, Map<string, readonly SchemaExpression[]>>();
const callIndexes = new WeakMap<FileAnalysis["trace"], ReadonlyMap<TSESTree.Node, SchemaCall>>();

/** The trace's schema calls by node, built once per trace. */
export function callsByNode(trace: FileAnalysis["trace"]): ReadonlyMap<TSESTree.Node, SchemaCall> {
  let index = callIndexes.get(trace);
  if (!index) {
    index = new Map(trace.calls.map((call) => [call.node as TSESTree.Node, call]));
    callIndexes.set(trace, index);
  }
  return index;
}

/** Whether a traced call builds (or compiles) a schema, by the catalogue's `construction`/`compilers` data. */
export function isConstruction(call: SchemaCall, scopeManager: ScopeManager): boolean {
  if (call.compiler) return true;
  const construction = call.library.construction ?? { builds: true };
  if (!construction.builds) return false;
  if (construction.except?.includes(call.name)) return false;
  if (exceptPattern(construction)?.test(call.name)) return false;
  // The member chain below the call (`z.locales.en()`, `E.ParseResult.fail()`) and its root binding.
  let callee: TSESTree.Node = unwrapExpression(call.node.callee);
  while (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name !== undefined && callee !== call.node.callee && (construction.except?.includes(name) || construction.exceptNamespaces?.includes(name))) {
      return false;
    }
    callee = unwrapExpression(callee.object);
  }
  if (callee.type === AST_NODE_TYPES.Identifier && construction.exceptNamespaces) {
    const imported = importedName(scopeManager, callee);
    if (imported !== undefined && construction.exceptNamespaces.includes(imported)) return false;
  }
  return true;
}

/** The compiled `exceptPattern` of a catalogue entry (entries are objects: a WeakMap holds them). */
const patterns = new WeakMap<object, RegExp>();
function exceptPattern(construction: { readonly exceptPattern?: string }): RegExp | undefined {
  if (construction.exceptPattern === undefined) return undefined;
  let pattern = patterns.get(construction);
  if (!pattern) {
    pattern = new RegExp(construction.exceptPattern);
    patterns.set(construction, pattern);
  }
  return pattern;
}

/** The exported name an identifier was imported as (`ParseResult`), or the last segment of a namespace import's module. */
function importedName(scopeManager: ScopeManager, id: TSESTree.Identifier): string | undefined {
  const variable = resolveIdentifier(scopeManager, id);
  const def = variable?.defs[0];
  if (def?.type !== "ImportBinding") return undefined;
  const node = def.node;
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    return node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
  }
  if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier || node.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
    const declaration = node.parent;
    return declaration.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value.split("/").pop() : undefined;
  }
  return undefined;
}

/** `ajv.compile(x)`: is `x` fresh (an object literal, or a value built in the same function)? */
function isFreshArgument(call: SchemaCall, index: number, scopeManager: ScopeManager, trace: FileAnalysis["trace"]): boolean {
  const raw = call.node.arguments[index];
  if (!raw || raw.type === AST_NODE_TYPES.SpreadElement) return false;
  const arg = unwrapExpression(raw);
  if (arg.type === AST_NODE_TYPES.ObjectExpression || arg.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (trace.schemaNodes.has(arg)) return !isModuleLevelExpression(arg);
  if (arg.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(scopeManager, arg);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== "Variable" || isModuleLevel(variable) || !def.node.init) return false;
  const init = unwrapExpression(def.node.init);
  return init.type === AST_NODE_TYPES.ObjectExpression || init.type === AST_NODE_TYPES.ArrayExpression || trace.schemaNodes.has(init);
}

function isModuleLevelExpression(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return false;
  return true;
}

/**
 * Is `node` part of a larger construction evaluated at the same time (an argument or the receiver of
 * another construction)? A function boundary stops the walk unless the function runs once while the
 * schema is built (zod's recursive shape getters, `z.lazy`/`suspend` thunks).
 */
function isChild(node: TSESTree.Node, constructions: ReadonlySet<TSESTree.Node>, trace: FileAnalysis["trace"]): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (isFunctionNode(parent)) {
      if (isSchemaShapeGetter(parent, trace)) continue;
      if (trace.siteByFunction.get(parent)?.runs === "once") continue;
      return false;
    }
    if (constructions.has(parent)) return true;
  }
  return false;
}

/** The parameters of builder callbacks that receive a schema (yup `.when(k, (v, schema) => schema.required())`). */
function rootedInSchemaParam(call: SchemaCall, trace: FileAnalysis["trace"], scopeManager: ScopeManager): boolean {
  let callee: TSESTree.Node = unwrapExpression(call.node.callee);
  for (;;) {
    if (callee.type === AST_NODE_TYPES.MemberExpression) callee = unwrapExpression(callee.object);
    else if (callee.type === AST_NODE_TYPES.CallExpression) callee = unwrapExpression(callee.callee);
    else break;
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(scopeManager, callee);
  const def = variable?.defs[0];
  if (def?.type !== "Parameter" || !variable || !trace.schemaVariables.has(variable)) return false;
  return trace.siteByFunction.get(def.node)?.slot?.schemaParams !== undefined;
}

function functionVariable(fn: AnyFunction, scopeManager: ScopeManager): Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
    return scopeManager.getDeclaredVariables(fn).find((variable) => variable.name === fn.id!.name);
  }
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
    const name = parent.id.name;
    return scopeManager.getDeclaredVariables(parent).find((variable) => variable.name === name);
  }
  return undefined;
}

function isHookCallee(name: string): boolean {
  return /^use[A-Z0-9]/.test(name);
}

/** Calls of functions imported from other modules whose return type is a schema of a catalogue library. */
function typedFactoryCalls(
  source: SourceInput,
  typeInfo: TypeInfo,
  traced: ReadonlySet<TSESTree.Node>,
): { node: TSESTree.CallExpression; name: string; library: LibraryEntry }[] {
  const found: { node: TSESTree.CallExpression; name: string; library: LibraryEntry }[] = [];
  const checker: ts.TypeChecker = typeInfo.program.getTypeChecker();
  walk(source.ast, source.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || traced.has(node)) return true;
    const callee = unwrapExpression(node.callee);
    const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : callee;
    if (root.type !== AST_NODE_TYPES.Identifier) return true;
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : root.name;
    if (name === undefined || isHookCallee(name)) return true;
    const variable = resolveIdentifier(source.scopeManager, root);
    if (variable?.defs[0]?.type !== "ImportBinding") return true;
    const tsNode = typeInfo.esTreeNodeToTSNodeMap.get(node);
    if (!tsNode) return true;
    const library = libraryOfType(checker.getTypeAtLocation(tsNode), checker);
    if (library) found.push({ node, name: callee.type === AST_NODE_TYPES.MemberExpression ? `${root.name}.${name}` : name, library });
    return true;
  });
  return found;
}

/**
 * Every schema expression of the file with its "runs repeatedly?" answer (memoised per option set):
 * outermost constructions, compile calls and factory calls.
 */
export function schemaExpressions(
  analysis: FileAnalysis,
  source: SourceInput,
  options: RepetitionOptions,
  typeInfo?: TypeInfo,
): readonly SchemaExpression[] {
  const key = `${options.checkFactories}|${options.memoFunctions.join(",")}|${typeInfo ? "typed" : ""}`;
  let perAnalysis = memo.get(analysis);
  const cached = perAnalysis?.get(key);
  if (cached) return cached;

  const { trace } = analysis;
  const { scopeManager } = source;
  const reportable = trace.calls.filter((call) => {
    if (!isConstruction(call, scopeManager)) return false;
    if (call.compiler?.freshArg !== undefined && !isFreshArgument(call, call.compiler.freshArg, scopeManager, trace)) return false;
    return !rootedInSchemaParam(call, trace, scopeManager);
  });
  const nodes = new Set<TSESTree.Node>(reportable.map((call) => call.node));
  const found: SchemaExpression[] = [];
  const factories = new Set<AnyFunction>();
  for (const call of reportable) {
    if (isChild(call.node, nodes, trace)) continue;
    const answer = analysis.repetition(call.node, options);
    if (!answer.repeated && answer.reason === "module" && answer.factory) factories.add(answer.factory);
    found.push({
      node: call.node,
      kind: call.compiler ? "compile" : "build",
      library: call.library,
      apiText: rootApiText(call, trace),
      ...(call.compiler ? { compiler: call.compiler } : {}),
      answer,
    });
  }
  // Calls of the module's schema factories (functions that build and return a schema, called from elsewhere).
  if (!options.checkFactories) {
    for (const fn of factories) {
      const variable = functionVariable(fn, scopeManager);
      if (!variable) continue;
      for (const reference of variable.references) {
        const call = reference.identifier.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier || contains(fn, call)) continue;
        if (isChild(call, nodes, trace)) continue;
        const answer = analysis.repetition(call, options);
        found.push({ node: call, kind: "factory", apiText: `${variable.name}()`, factory: { name: variable.name, fn }, answer });
      }
    }
    if (typeInfo) {
      for (const call of typedFactoryCalls(source, typeInfo, trace.tracedNodes)) {
        if (isChild(call.node, nodes, trace)) continue;
        const answer = analysis.repetition(call.node, options);
        found.push({ node: call.node, kind: "factory", library: call.library, apiText: `${call.name}()`, factory: { name: call.name }, answer });
      }
    }
  }
  found.sort((a, b) => a.node.range[0] - b.node.range[0]);
  if (!perAnalysis) {
    perAnalysis = new Map();
    memo.set(analysis, perAnalysis);
  }
  perAnalysis.set(key, found);
  return found;
}

/** `z.object()` for `z.object({…}).strict().optional()`: the call that starts the chain names the schema. */
function rootApiText(call: SchemaCall, trace: FileAnalysis["trace"]): string {
  if (call.compiler) return call.apiText;
  let current: TSESTree.Node = call.node;
  let text = call.apiText;
  for (;;) {
    const inner: TSESTree.Node = current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression ? unwrapExpression(current.callee) : current;
    if (inner.type !== AST_NODE_TYPES.MemberExpression) break;
    const object = unwrapExpression(inner.object);
    const found = callsByNode(trace).get(object);
    if (!found) break;
    text = found.apiText;
    current = object;
  }
  return text;
}
