// Fix kinds for schema expressions rebuilt in repeated code (`no-schema-in-function`), planned on the
// original text like the closure plans of plan.ts, and shared by the rule and the codemod:
//   hoist          the whole schema to a module-level constant (named after the variable it was assigned to)
//   hoist-lazy     the same, built on first use: `let S; const getS = () => (S ??= …)`
//   use-memo       in a React component or hook: `useMemo(() => …, [captured locals])`
//   schema-factory elsewhere: a module-level `schemaFactory((a, b) => …)` from stable-schema, called with the locals
//   hoist-parts    where only parts depend on locals: the independent sub-schemas to module-level constants
// A hoist is `safe` (an autofix) only when nothing can change: no captured locals or types, no calls
// other than schema constructions, no registration, no temporal dead zone. Otherwise it is a
// suggestion with its `caution`, and the options that were not possible say why in `left`.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type * as ts from "typescript";
import { type AnyFunction, contains, isFunctionNode, isTransparentWrapper, propertyKeyName, unwrapExpression, walk } from "../analysis/ast.js";
import type { Capture } from "../analysis/captures.js";
import { containsJsx, isHookName, plainName } from "../analysis/repetition.js";
import { evaluationOf } from "../analysis/evaluation.js";
import { type ExpressionCaptures, expressionCaptures } from "../analysis/expression-captures.js";
import { type SchemaExpression, callsByNode, isConstruction } from "../analysis/schema-expressions.js";
import type { Variable } from "../analysis/bindings.js";
import { importedFactoryProblem } from "./imported-factory.js";
import type { PlannerInput } from "./fix-kind.js";
import { planNamedImport } from "./imports.js";
import { insertionPoint, runsBeforeModuleBody, topLevelStatement } from "./placement.js";
import { isTypeScriptFile } from "./plan.js";
import { NameRegistry, camel, pascal, reservedNames } from "./names.js";
import { type TextEdit, indentationAt, lineEnding, lineStart, mergeEdits } from "./text.js";
import { commentsBefore } from "./tokens.js";
import { typeNamesIn } from "./types.js";

export type SchemaFixKind = "hoist" | "hoist-lazy" | "use-memo" | "schema-factory" | "hoist-parts";

/**
 * Why a fix is only a suggestion: what could change if it were applied blindly (`factory`: an
 * imported factory memoised by `schemaFactory` could not be shown to only build a schema).
 */
export type Caution = "evaluation" | "registration" | "compile" | "tdz" | "factory";

export interface SchemaFixOption {
  readonly kind: SchemaFixKind;
  /** The module-level name (constant, getter or factory); for use-memo the deps list as written. */
  readonly name: string;
  readonly edits: readonly TextEdit[];
  /** The edits merged into one ESLint fix. */
  readonly fix: TextEdit;
  /** Cannot change behaviour or typing: may be an autofix. */
  readonly safe: boolean;
  readonly caution?: { readonly type: Caution; readonly text: string };
}

export interface SchemaPlan {
  readonly expression: SchemaExpression;
  readonly options: readonly SchemaFixOption[];
  /** Fix kinds that were not possible, with the reason (for messages and the codemod's report). */
  readonly left: readonly { readonly kind: SchemaFixKind; readonly reason: string }[];
}

export interface SchemaPlannerInput extends PlannerInput {
  /** `eager` hoists to a constant; `lazy` to a getter that builds on first use. */
  readonly hoist: "eager" | "lazy";
  /** Modules that re-export a schema library (settings), for analysing imported factories' modules. */
  readonly modules?: Readonly<Record<string, string>> | undefined;
}

const reactModule = "react";

function slice(text: string, node: { range: readonly [number, number] }): string {
  return text.slice(node.range[0], node.range[1]);
}

/** The text of `node` with the indentation of its first line removed from the following lines. */
function dedented(text: string, node: { range: readonly [number, number] }, from = node.range[0]): string {
  const indent = indentationAt(text, from);
  const body = text.slice(from, node.range[1]);
  if (indent === "") return body;
  return body
    .split("\n")
    .map((line, index) => (index > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join("\n");
}

/** `const userSchema = z.object(…);` in a block: the declaration that can move as a whole. */
function movableDeclaration(
  node: TSESTree.Node,
): { declaration: TSESTree.VariableDeclaration; declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier } } | undefined {
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  if (declaration.kind !== "const" || declaration.declarations.length !== 1 || declaration.declare) return undefined;
  const holder = declaration.parent;
  if (holder?.type !== AST_NODE_TYPES.BlockStatement && holder?.type !== AST_NODE_TYPES.StaticBlock && holder?.type !== AST_NODE_TYPES.SwitchCase) return undefined;
  return { declaration, declarator: declarator as TSESTree.VariableDeclarator & { id: TSESTree.Identifier } };
}

/** Can the local `variable`'s name become a module-level binding that all its references then read? */
function moduleNameFree(input: PlannerInput, variable: Variable | undefined, name: string, planned: ReadonlySet<string>): boolean {
  if (!variable || planned.has(name) || reservedNames.has(name)) return false;
  const { scopeManager } = input.source;
  const globalScope = scopeManager.globalScope;
  if (globalScope?.through.some((reference) => reference.identifier.name === name)) return false;
  for (let scope = variable.scope.upper; scope; scope = scope.upper) {
    if (scope.set.has(name)) return false;
    if (scope.type === "module" || scope.type === "global") {
      if (scope.through.some((reference) => reference.identifier.name === name)) return false;
    }
  }
  return true;
}

/** The name the hoisted schema gets: the variable it was assigned to, a property key, or the function. */
function baseName(expression: SchemaExpression): string {
  const suffix = expression.kind === "compile" && expression.compiler?.on === "call" ? "Validator" : "Schema";
  let node: TSESTree.Node = expression.node;
  while (node.parent && isTransparentWrapper(node.parent, node)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const name = parent.id.name;
    if (name.length > 1 && !/^(?:schema|validator|validate|type)$/i.test(name)) return /(?:Schema|Validator|Type|Struct|Codec)$/.test(name) ? name : `${name}${suffix}`;
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) {
    const key = propertyKeyName(parent);
    if (key !== undefined && key.length > 1 && !/^(?:schema|resolver|validationSchema|validate|validator)$/i.test(key)) return camel(`${key} ${suffix}`);
  }
  const fn = enclosingFunction(expression.node);
  const fnName = fn ? plainName(fn) : undefined;
  if (fnName !== undefined) return camel(`${fnName.replace(/^(?:handle|get|use|on|create|build|make)(?=[A-Z])/, "")} ${suffix}`);
  return camel(suffix);
}

function enclosingFunction(node: TSESTree.Node): AnyFunction | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/**
 * Can the function declaration holding the expression run before the module body reaches the constant?
 * It can when it is exported (a circular import may call it first), called at module level above its
 * declaration, or called from another function declaration that can (hoisted declarations only: a
 * function held in a `const` cannot be called before its own line either).
 */
function earlyCaller(statement: TSESTree.ProgramStatement, input: PlannerInput): string | undefined {
  if (!runsBeforeModuleBody(statement)) return undefined;
  const fn = (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement) as TSESTree.FunctionDeclaration;
  return earlyReason(fn, statement, input, new Set());
}

function earlyReason(fn: TSESTree.FunctionDeclaration, statement: TSESTree.ProgramStatement, input: PlannerInput, seen: Set<TSESTree.Node>): string | undefined {
  seen.add(fn);
  const name = fn.id ? `\`${fn.id.name}\`` : "the default export";
  const exported = `${name} is an exported function declaration: a circular import can call it before the module body reaches the constant`;
  if (statement.type !== AST_NODE_TYPES.FunctionDeclaration) return exported;
  const variable = fn.id ? input.source.scopeManager.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name) : undefined;
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return exported;
    if (contains(fn, reference.identifier)) continue;
    const caller = enclosingFunction(reference.identifier);
    if (!caller) {
      if (reference.identifier.range[0] < statement.range[1]) return `${name} is called at module level above its declaration, before the constant is initialised`;
      continue;
    }
    if (caller.type !== AST_NODE_TYPES.FunctionDeclaration || seen.has(caller)) continue;
    const callerStatement = topLevelStatement(caller);
    if ((callerStatement === caller || ("declaration" in callerStatement && callerStatement.declaration === caller))) {
      const reason = earlyReason(caller, callerStatement, input, seen);
      if (reason !== undefined) return `${name} is called from ${caller.id ? `\`${caller.id.name}\`` : "the default export"}, and ${reason}`;
    }
  }
  return undefined;
}

function describeNames(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(", ");
}

function capturedReason(captures: ExpressionCaptures): string {
  const names = [...captures.values, ...captures.types].map((capture) => capture.name);
  if (captures.usesThis) names.push("this");
  return `it reads ${describeNames(names)} from the code around it`;
}

/** Printed type of a captured value when it is a primitive; a reason string when it is not (or cannot be told). */
function primitiveType(capture: Capture, input: PlannerInput): { type: string } | { reason: string } {
  const info = input.typeInfo;
  if (info) {
    const tsNode = info.esTreeNodeToTSNodeMap.get(capture.reference as TSESTree.Node);
    if (tsNode) {
      const checker = info.program.getTypeChecker();
      let type = checker.getTypeAtLocation(tsNode);
      if (!isPrimitive(type)) return { reason: `\`${capture.name}\` is not a primitive (${checker.typeToString(type)}), and schemaFactory would key it by identity` };
      if (type.isLiteral() || (type.flags & 512) /* BooleanLiteral */) type = checker.getBaseTypeOfLiteralType(type);
      const printed = checker.typeToString(type, undefined, 1 /* NoTruncation */);
      if (typeNamesIn(printed).length > 0 || printed.includes("...")) return { reason: `the type of \`${capture.name}\` cannot be written at module level` };
      return { type: printed };
    }
  }
  const def = capture.variable.defs[0];
  if (def?.type === "Parameter" && def.name.type === AST_NODE_TYPES.Identifier && def.name.typeAnnotation) {
    const annotation = def.name.typeAnnotation.typeAnnotation;
    if (isPrimitiveTypeNode(annotation)) return { type: input.source.text.slice(annotation.range[0], annotation.range[1]) };
  }
  if (def?.type === "Variable" && def.node.id.type === AST_NODE_TYPES.Identifier) {
    const annotation = def.node.id.typeAnnotation?.typeAnnotation;
    if (annotation && isPrimitiveTypeNode(annotation)) return { type: input.source.text.slice(annotation.range[0], annotation.range[1]) };
    const init = def.node.init && unwrapExpression(def.node.init);
    if (def.parent.kind === "const" && init?.type === AST_NODE_TYPES.Literal && init.value !== null && !(init.value instanceof RegExp)) {
      return { type: typeof init.value };
    }
    if (def.parent.kind === "const" && init?.type === AST_NODE_TYPES.TemplateLiteral) return { type: "string" };
  }
  return { reason: `without type information it cannot tell that \`${capture.name}\` is a primitive` };
}

function isPrimitive(type: ts.Type): boolean {
  // String | Number | Boolean | Enum | BigInt | literals | ESSymbol? no | Void | Undefined | Null | TemplateLiteral
  const primitiveFlags = 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512 | 1024 | 2048 | 16384 | 32768 | 65536 | 134217728;
  if (type.isUnion()) return type.types.every(isPrimitive);
  return (type.flags & primitiveFlags) !== 0;
}

function isPrimitiveTypeNode(node: TSESTree.TypeNode): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSLiteralType:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return node.types.every(isPrimitiveTypeNode);
    default:
      return false;
  }
}

/** The component or hook whose render body evaluates the expression unconditionally, if any. */
function componentFor(expression: SchemaExpression, input: PlannerInput): { fn: AnyFunction; reason?: string } | undefined {
  const reason = expression.answer.repeated ? expression.answer.reason : undefined;
  if (reason?.type !== "function") return undefined;
  const fn = reason.node;
  const name = plainName(fn) ?? "";
  const isComponent = /^[A-Z]/.test(name) && containsJsx(fn, input.source.visitorKeys);
  if (!isHookName(name) && !isComponent) return undefined;
  if (enclosingFunction(expression.node) !== fn) return { fn, reason: "it is inside a callback, where a hook cannot be called" };
  for (let node: TSESTree.Node = expression.node; node.parent && node.parent !== fn; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    const conditional =
      ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== node) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === node) ||
      parent.type === AST_NODE_TYPES.SwitchCase ||
      (parent.type === AST_NODE_TYPES.TryStatement && parent.block !== node) ||
      parent.type === AST_NODE_TYPES.ChainExpression;
    if (conditional) return { fn, reason: "it is evaluated conditionally, and hooks must run on every render" };
  }
  let earlyReturn = false;
  walk(fn.body, input.source.visitorKeys, (node) => {
    if (earlyReturn || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.range[1] <= expression.node.range[0]) earlyReturn = true;
    return !earlyReturn;
  });
  if (earlyReturn) return { fn, reason: "a `return` above it makes a hook there conditional" };
  return { fn };
}

/** `useMemo`: an existing import, `React.useMemo` through a React namespace import, or a new named import. */
function useMemoCallee(input: PlannerInput, registry: NameRegistry): { callee: string; edit?: TextEdit } {
  let namespace: string | undefined;
  for (const statement of input.source.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== reactModule || statement.importKind === "type") continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== "type") {
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        if (imported === "useMemo") return { callee: specifier.local.name };
      } else if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) {
        namespace = specifier.local.name;
      }
    }
  }
  if (namespace !== undefined) return { callee: `${namespace}.useMemo` };
  const planned = planNamedImport(input.source, input.filename, { module: reactModule, name: "useMemo" }, registry);
  return { callee: planned.local, ...(planned.edit ? { edit: planned.edit } : {}) };
}

/** Plans every reported expression of a file together, so names are unique across one pass. */
export function planSchemaExpressions(input: SchemaPlannerInput, expressions: readonly SchemaExpression[]): SchemaPlan[] {
  const { source, analysis } = input;
  const { text } = source;
  const eol = lineEnding(text);
  const typescript = isTypeScriptFile(input.filename);
  const registry = new NameRegistry(source.ast);
  const planned = new Set<string>();
  let memoCallee: { callee: string; edit?: TextEdit } | undefined;
  let factoryImport: { local: string; edit?: TextEdit } | undefined;
  const insertionPoints = new Map<TSESTree.Node, number>();

  return expressions.map((expression): SchemaPlan => {
    const node = expression.node;
    const options: SchemaFixOption[] = [];
    const left: { kind: SchemaFixKind; reason: string }[] = [];
    const statement = topLevelStatement(node);
    let at = insertionPoints.get(statement);
    if (at === undefined) {
      at = insertionPoint(source, statement);
      insertionPoints.set(statement, at);
    }
    const captures = expressionCaptures(node, source.scopeManager, source.visitorKeys, statement.range[0]);
    const movable = movableDeclaration(node);
    const annotationCaptures = movable?.declarator.id.typeAnnotation
      ? expressionCaptures(movable.declarator.id.typeAnnotation, source.scopeManager, source.visitorKeys, statement.range[0])
      : undefined;
    const local = captures.values.length > 0 || captures.types.length > 0 || captures.usesThis;
    const expressionText = dedented(text, node);

    // --- hoist / hoist-lazy ----------------------------------------------------------------------
    const hoistKind: SchemaFixKind = input.hoist === "lazy" ? "hoist-lazy" : "hoist";
    if (local) {
      left.push({ kind: hoistKind, reason: capturedReason(captures) });
    } else if (captures.lateModule.length > 0) {
      left.push({ kind: hoistKind, reason: `${describeNames(captures.lateModule)} ${captures.lateModule.length > 1 ? "are" : "is"} not initialised (or not fixed) where a module-level constant would go` });
    } else {
      const evaluation = evaluationOf(node, analysis, source.scopeManager, source.visitorKeys, undefined, pureImportsOf(input));
      const tdz = earlyCaller(statement, input);
      const caution: SchemaFixOption["caution"] =
        expression.kind === "compile"
          ? { type: "compile", text: "it compiles at module load, against the instance's state at that point" }
          : evaluation.registrations.length > 0
            ? { type: "registration", text: `it registers the schema (\`.${evaluation.registrations[0]!.name}()\`): once instead of on every call` }
            : evaluation.otherCalls.length > 0
              ? { type: "evaluation", text: `it calls \`${truncate(slice(text, evaluation.otherCalls[0]!))}\`: once at module load instead of on every call` }
              : tdz !== undefined
                ? { type: "tdz", text: tdz }
                : undefined;
      const keepAnnotation = annotationCaptures === undefined || (annotationCaptures.values.length === 0 && annotationCaptures.types.length === 0);
      const localVariable = movable ? source.scopeManager.getDeclaredVariables(movable.declarator).find((v) => v.name === movable.declarator.id.name) : undefined;
      const move = movable !== undefined && keepAnnotation && input.hoist === "eager" && moduleNameFree(input, localVariable, movable.declarator.id.name, planned);
      const base = baseName(expression);
      const name = move ? movable.declarator.id.name : registry.identifier(input.hoist === "lazy" ? base : base);
      planned.add(name);
      const edits: TextEdit[] = [];
      if (move) {
        // The whole declaration moves: its references now read the module-level constant.
        const { declaration } = movable;
        // Comments on the lines right above the declaration move with it.
        let from = declaration.range[0];
        for (const comment of [...commentsBefore(source.ast, declaration)].reverse()) {
          const gap = text.slice(comment.range[1], from);
          if (!/^[ \t]*\r?\n[ \t]*$/.test(gap) || !/^[ \t]*$/.test(text.slice(lineStart(text, comment.range[0]), comment.range[0]))) break;
          from = comment.range[0];
        }
        const begin = lineStart(text, from);
        const onlyIndentBefore = /^[ \t]*$/.test(text.slice(begin, from));
        const after = /^[ \t]*\r?\n/.exec(text.slice(declaration.range[1]));
        const removal: TextEdit =
          onlyIndentBefore && after ? { range: [begin, declaration.range[1] + after[0].length], text: "" } : { range: [from, declaration.range[1]], text: "" };
        edits.push({ range: [at, at], text: `${dedented(text, declaration, from)}${eol}${eol}` }, removal);
      } else if (input.hoist === "lazy") {
        const getter = registry.identifier(`get${pascal(base)}`);
        const builder = typescript ? registry.identifier(`build${pascal(base)}`) : undefined;
        const declarationText = builder
          ? `function ${builder}() {${eol}  return ${expressionText};${eol}}${eol}let ${name}: ReturnType<typeof ${builder}> | undefined;${eol}const ${getter} = () => (${name} ??= ${builder}());`
          : `let ${name};${eol}const ${getter} = () => (${name} ??= ${expressionText});`;
        edits.push({ range: [at, at], text: `${declarationText}${eol}${eol}` }, { range: node.range, text: `${getter}()` });
      } else {
        edits.push({ range: [at, at], text: `const ${name} = ${expressionText};${eol}${eol}` }, { range: node.range, text: name });
      }
      options.push({ kind: hoistKind, name, edits, fix: mergeEdits(text, edits), safe: caution === undefined, ...(caution ? { caution } : {}) });
    }

    // --- use-memo / schema-factory (only for what depends on locals) ------------------------------
    if (local) {
      const component = componentFor(expression, input);
      if (component) {
        if (component.reason !== undefined) {
          left.push({ kind: "use-memo", reason: component.reason });
        } else if (captures.usesThis) {
          left.push({ kind: "use-memo", reason: "it uses `this`" });
        } else {
          memoCallee ??= useMemoCallee(input, registry);
          const deps = captures.values.map((capture) => capture.name).join(", ");
          const edits: TextEdit[] = [...(memoCallee.edit ? [memoCallee.edit] : []), { range: node.range, text: `${memoCallee.callee}(() => ${slice(text, node)}, [${deps}])` }];
          options.push({ kind: "use-memo", name: `[${deps}]`, edits, fix: mergeEdits(text, edits), safe: false });
        }
      } else {
        const reason =
          captures.usesThis
            ? "it uses `this`"
            : captures.types.length > 0
              ? `it uses the local type${captures.types.length > 1 ? "s" : ""} ${describeNames(captures.types.map((c) => c.name))}`
              : captures.values.find((capture) => capture.reassigned)
                ? `\`${captures.values.find((capture) => capture.reassigned)!.name}\` is reassigned`
                : undefined;
        const typed = reason === undefined ? captures.values.map((capture) => ({ capture, type: primitiveType(capture, input) })) : [];
        const unknown = typed.find((entry) => "reason" in entry.type);
        const evaluation = reason === undefined && !unknown ? evaluationOf(node, analysis, source.scopeManager, source.visitorKeys, expression.kind === "factory" ? node : undefined, pureImportsOf(input)) : undefined;
        if (reason !== undefined) left.push({ kind: "schema-factory", reason });
        else if (unknown) left.push({ kind: "schema-factory", reason: (unknown.type as { reason: string }).reason });
        else if (evaluation && (evaluation.otherCalls.length > 0 || evaluation.registrations.length > 0)) {
          left.push({ kind: "schema-factory", reason: "it does more than build a schema (calls or registrations would run once per argument list)" });
        } else {
          factoryImport ??= planNamedImport(input.source, input.filename, { module: input.withKey.module, name: "schemaFactory" }, registry);
          const name = registry.identifier(
            expression.factory ? camel(`cached ${expression.factory.name.replace(/^.*\./, "")}`) : `get${pascal(baseName(expression))}`,
          );
          const params = typed
            .map(({ capture, type }) => (typescript ? `${capture.name}: ${(type as { type: string }).type}` : capture.name))
            .join(", ");
          const args = captures.values.map((capture) => capture.name).join(", ");
          const edits: TextEdit[] = [
            ...(factoryImport.edit ? [factoryImport.edit] : []),
            { range: [at, at], text: `const ${name} = ${factoryImport.local}((${params}) => ${expressionText});${eol}${eol}` },
            { range: node.range, text: `${name}(${args})` },
          ];
          // An imported factory is memoised only as far as its body shows it to be a pure schema factory.
          const impure = expression.kind === "factory" && expression.factory && !expression.factory.fn
            ? importedFactoryProblem(expression.node, expression.factory.name, input.typeInfo, input.modules)
            : undefined;
          const tdz = earlyCaller(statement, input);
          const caution: SchemaFixOption["caution"] = impure !== undefined ? { type: "factory", text: impure } : tdz !== undefined ? { type: "tdz", text: tdz } : undefined;
          options.push({ kind: "schema-factory", name, edits, fix: mergeEdits(text, edits), safe: false, ...(caution ? { caution } : {}) });
        }
      }
    }
    // --- hoist-parts: the independent sub-schemas of a schema that depends on locals ---------------
    if (local) {
      const parts = independentParts(expression, input, statement.range[0]);
      if (parts.length > 0) {
        const names = parts.map((part) => registry.identifier(part.base));
        const declarations = parts.map((part, i) => `const ${names[i]} = ${dedented(text, part.node)};${eol}`).join("");
        const edits: TextEdit[] = [{ range: [at, at], text: `${declarations}${eol}` }, ...parts.map((part, i) => ({ range: part.node.range, text: names[i]! }))];
        const tdz = earlyCaller(statement, input);
        options.push({ kind: "hoist-parts", name: names.join(", "), edits, fix: mergeEdits(text, edits), safe: false, ...(tdz ? { caution: { type: "tdz" as const, text: tdz } } : {}) });
      }
    }
    return { expression, options, left };
  });
}

/**
 * The largest sub-schemas of a schema that depends on locals which themselves read no locals, run
 * nothing but schema constructions and are more than a single builder call (`z.string().email()`, not
 * `z.string()`): each can move to module level on its own.
 */
function independentParts(expression: SchemaExpression, input: PlannerInput, before: number): { node: TSESTree.Node; base: string }[] {
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

/** The runtime's `withKey` (interning: the same function for the same code and key) is pure; so is `schemaFactory`. */
function pureImportsOf(input: PlannerInput): { module: string; name: string }[] {
  return [input.withKey, { module: input.withKey.module, name: "schemaFactory" }];
}

function truncate(value: string, max = 30): string {
  const oneLine = value.replace(/\s+/g, " ");
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
