// Schema expressions exposed by the trace (`no-schema-in-function`): the outermost schema
// construction of a catalogue library (a builder call with its method chain), the calls that
// compile a schema (`new Ajv()`, `ajv.compile({…})`, TypeBox `Compile`), and calls of schema
// factories (functions of the module, or with types imported ones, that build and return a schema).
// What counts as a construction is catalogue data (`construction`, `compilers`); "runs repeatedly?"
// is the shared answer of context.ts, read through FileAnalysis.context.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type * as ts from "typescript";
import { type AnyFunction, type VisitorKeys, contains, isFunctionNode, memberName, unwrapExpression, walk } from "./ast.js";
import { isReassigned } from "./bindings.js";
import { type BindingKind, type Capture, bindingKind, inTypePosition, isFreshPerRun, isModuleLevel } from "./captures.js";
import type { Compiler, LibraryEntry } from "./catalogue.js";
import { type RepetitionOptions, type RepeatAnswer, isSchemaShapeGetter } from "./repetition.js";
import type { FileAnalysis, SourceInput } from "./index.js";
import { type ScopeManager, type Variable, scopeOf } from "./bindings.js";
import type { SchemaCall } from "./trace.js";
import { libraryOfType } from "./typed.js";
import type { TypeInfo } from "./type-info.js";

type Scope = ReturnType<typeof scopeOf> & object;

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
  const variable = findUp(scopeManager, id);
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

function findUp(scopeManager: ScopeManager, id: TSESTree.Identifier): Variable | undefined {
  for (let scope: Scope | null | undefined = scopeOf(scopeManager, id); scope; scope = scope.upper) {
    const variable = scope.set.get(id.name);
    if (variable) return variable;
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
  const variable = findUp(scopeManager, arg);
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
  const variable = findUp(scopeManager, callee);
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
    const variable = findUp(source.scopeManager, root);
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

// --- what an expression reads --------------------------------------------------------------------

export interface ExpressionCaptures {
  /** Local bindings read as values, in order of first use. */
  readonly values: readonly Capture[];
  /** Local bindings used only as types. */
  readonly types: readonly Capture[];
  /** Lexical `this`/`super`/`arguments`/`new.target` outside nested non-arrow functions. */
  readonly usesThis: boolean;
  /** Module-level bindings that would not be initialised (or could change) where the hoisted constant goes. */
  readonly lateModule: readonly string[];
  /** Module-level functions the expression reads (a hoisted call runs them at module load). */
  readonly moduleFunctions: readonly Variable[];
}

function captureOf(variable: Variable, reference: TSESTree.Identifier | TSESTree.JSXIdentifier, value: boolean, binding: BindingKind): Capture {
  return { name: variable.name, variable, binding, value, reassigned: isReassigned(variable), freshPerRun: isFreshPerRun(variable), reference };
}

/** Whether a module-level binding is initialised (and fixed) before `before` runs. */
function initialisedBefore(variable: Variable, before: number): boolean {
  const def = variable.defs[0];
  if (!def) return true;
  switch (def.type) {
    case "ImportBinding":
    case "FunctionName":
    case "Type":
    case "TSModuleName":
      return true;
    case "Variable":
    case "ClassName":
    case "TSEnumName": {
      if (isReassigned(variable)) return false;
      let statement: TSESTree.Node = def.node;
      while (statement.parent && statement.parent.type !== AST_NODE_TYPES.Program) statement = statement.parent;
      return statement.range[1] <= before;
    }
    default:
      return false;
  }
}

/**
 * What `expression` reads from outside itself: local values and types (which keep it from moving to
 * module level), and module-level bindings that are not yet initialised at `before` (a hoisted
 * expression runs there, at module load, unlike a hoisted closure).
 */
export function expressionCaptures(
  expression: TSESTree.Node,
  scopeManager: ScopeManager,
  visitorKeys: VisitorKeys,
  before: number,
): ExpressionCaptures {
  const scope = scopeOf(scopeManager, expression);
  const references = new Set<TSESTree.Node>();
  const byVariable = new Map<Variable, { first: TSESTree.Identifier | TSESTree.JSXIdentifier; value: boolean }>();
  const late = new Set<string>();
  const moduleFunctions = new Set<Variable>();
  const visit = (reference: NonNullable<Scope>["references"][number]): void => {
    if (!contains(expression, reference.identifier)) return;
    references.add(reference.identifier);
    const variable = reference.resolved;
    if (!variable) return; // a global
    if (contains(expression, variable.scope.block)) return; // declared inside (a closure's own parameter)
    const asValue = reference.isValueReference !== false && !inTypePosition(reference.identifier, expression);
    if (isModuleLevel(variable)) {
      if (asValue && !initialisedBefore(variable, before)) late.add(variable.name);
      const def = variable.defs[0];
      if (def?.type === "FunctionName" || (def?.type === "Variable" && def.node.init && isFunctionNode(unwrapExpression(def.node.init)))) {
        moduleFunctions.add(variable);
      }
      return;
    }
    if (variable.name === "arguments" && variable.defs.length === 0) return;
    const entry = byVariable.get(variable);
    if (entry) entry.value ||= asValue;
    else byVariable.set(variable, { first: reference.identifier, value: asValue });
  };
  const collect = (current: Scope): void => {
    for (const reference of current.references) visit(reference);
    for (const child of current.childScopes) {
      if (contains(expression, child.block)) for (const reference of child.through) visit(reference);
      else if (contains(child.block, expression)) collect(child);
    }
  };
  if (scope) collect(scope);
  const values: Capture[] = [];
  const types: Capture[] = [];
  for (const [variable, { first, value }] of byVariable) {
    (value ? values : types).push(captureOf(variable, first, value, bindingKind(variable)));
  }
  const byPosition = (a: Capture, b: Capture) => a.reference.range[0] - b.reference.range[0];
  values.sort(byPosition);
  types.sort(byPosition);
  let usesThis = false;
  walk(expression, visitorKeys, (node) => {
    if (isFunctionNode(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (node.type === AST_NODE_TYPES.ClassBody) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Super) usesThis = true;
    if (node.type === AST_NODE_TYPES.MetaProperty) usesThis = true;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === "arguments" && !references.has(node)) {
      const parent = node.parent;
      const isKey = (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) || (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed);
      if (!isKey) usesThis = true;
    }
    return true;
  });
  return { values, types, usesThis, lateModule: [...late], moduleFunctions: [...moduleFunctions] };
}

// --- does evaluating it once instead of per call change anything? -------------------------------

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
  if (root.type !== AST_NODE_TYPES.Identifier || findUp(scopeManager, root)?.defs.length) return undefined;
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
  const def = findUp(scopeManager, inner)?.defs[0];
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
