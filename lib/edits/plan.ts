// The edit planner: one plan per reported closure, shared by the rule's fixes and suggestions and by
// the codemod. Hoist what reads nothing from non-module scopes; wrap in `withKey(fn, key)` what
// captures locals; leave (with the reason) what neither can do safely. Edits are text ranges on the
// original source: nothing outside them changes.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { type FunctionNode, stringLiteralValue, unwrapExpression } from "../analysis/ast.js";
import { type CaptureInfo, blockersOf } from "../analysis/captures.js";
import type { FileAnalysis, SourceInput } from "../analysis/index.js";
import type { SlotSite } from "../analysis/trace.js";
import { inTemporalDeadZone } from "../analysis/bindings.js";
import { findWithKeyCalls, keyId, withKeySources } from "../analysis/with-key/index.js";
import { moduleIdentity } from "./module-id.js";
import { NameRegistry, baseNameFor } from "./names.js";
import { type TextEdit, commentsBefore, lineEnding, mergeEdits, tokenAt, tokenBefore } from "./text.js";
import type { TypeInfo } from "./types.js";
import { portableParameterTypes } from "./types.js";

export interface WithKeyTarget {
  readonly module: string;
  readonly name: string;
}

export interface PlannerInput {
  readonly source: SourceInput;
  readonly analysis: FileAnalysis;
  readonly filename: string;
  readonly withKey: WithKeyTarget;
  readonly typeInfo?: TypeInfo | undefined;
}

export interface HoistPlan {
  readonly name: string;
  readonly form: "const" | "function";
  /** The plan's edits merged into one ESLint fix (one range). */
  readonly fix: TextEdit;
  /** The same edits unmerged: the codemod applies many plans' edits in one pass. */
  readonly edits: readonly TextEdit[];
}

export interface WrapPlan {
  readonly id: string;
  readonly captured: readonly string[];
  /** The plan's edits merged into one ESLint fix (one range). */
  readonly fix: TextEdit;
  /** The same edits unmerged: the codemod applies many plans' edits in one pass. */
  readonly edits: readonly TextEdit[];
}

export interface SitePlan {
  readonly site: SlotSite;
  readonly hoist?: HoistPlan;
  readonly wrap?: WrapPlan;
  /** Why the closure cannot be hoisted (and, when there is no wrap either, why not wrapped). */
  readonly notHoisted?: string;
  readonly notWrapped?: string;
  /** Hoisting failed only because there is no type information (`--project` would hoist it). */
  readonly needsTypes?: boolean;
}

const typeScriptFile = /\.(?:ts|tsx|mts|cts)$/i;

export function isTypeScriptFile(filename: string): boolean {
  return typeScriptFile.test(filename) && !/\.d\.[mc]?ts$/i.test(filename);
}

function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current as TSESTree.ProgramStatement;
}

/** Function declarations are hoisted: code inside one can run before any `const` above it is initialised. */
function runsBeforeModuleBody(statement: TSESTree.ProgramStatement): boolean {
  const inner =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : statement;
  return inner?.type === AST_NODE_TYPES.FunctionDeclaration || inner?.type === AST_NODE_TYPES.TSDeclareFunction;
}

/**
 * Where new module-level code goes: before `statement` and the comments attached to it (no blank
 * line between), but never above a file header comment or before imports and directives.
 */
function insertionPoint(source: SourceInput, statement: TSESTree.Node): number {
  const { text, ast } = source;
  const comments = commentsBefore(ast, statement);
  let start = statement.range[0];
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    const gap = text.slice(comment.range[1], start);
    if (/\n[ \t]*\r?\n/.test(gap)) break;
    start = comment.range[0];
  }
  if (start !== statement.range[0] && tokenBefore(ast, start) === undefined) {
    // The comments open the file (a license header): keep them on top.
    return statement.range[0];
  }
  const lineBegin = text.lastIndexOf("\n", start - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineBegin, start)) ? lineBegin : start;
}

function isMethodShorthand(fn: FunctionNode): fn is TSESTree.FunctionExpression & { parent: TSESTree.Property } {
  return fn.parent?.type === AST_NODE_TYPES.Property && (fn.parent.method || fn.parent.kind !== "init");
}

/** `test(value) { … }` → `function (value) { … }` (keeps async and generators). */
function methodAsFunctionExpression(source: SourceInput, fn: TSESTree.FunctionExpression): string {
  const head = `${fn.async ? "async " : ""}function${fn.generator ? "*" : ""} `;
  return head + source.text.slice(fn.range[0], fn.range[1]);
}

function paramsNeedingTypes(fn: FunctionNode): TSESTree.Parameter[] {
  return fn.params.filter((param) => {
    switch (param.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.ObjectPattern:
      case AST_NODE_TYPES.ArrayPattern:
      case AST_NODE_TYPES.RestElement:
        return param.typeAnnotation === undefined && !(param.type === AST_NODE_TYPES.Identifier && param.name === "this");
      case AST_NODE_TYPES.AssignmentPattern:
        return param.left.typeAnnotation === undefined;
      default:
        return false;
    }
  });
}

function slice(source: SourceInput, node: { range: readonly [number, number] }): string {
  return source.text.slice(node.range[0], node.range[1]);
}

/** `(a: T, b)`: the parameter list with annotations for the parameters that relied on contextual typing. */
function parameterListText(source: SourceInput, fn: FunctionNode, types: ReadonlyMap<TSESTree.Parameter, string>): string {
  const paramText = (param: TSESTree.Parameter): string => {
    const type = types.get(param);
    if (type === undefined) return slice(source, param);
    if (param.type === AST_NODE_TYPES.AssignmentPattern) return `${slice(source, param.left)}: ${type} = ${slice(source, param.right)}`;
    return `${slice(source, param)}: ${type}`;
  };
  return `(${fn.params.map(paramText).join(", ")})`;
}

/** The range of the parameter list, parentheses included when there are any (`n => …` has none). */
function parameterListRange(source: SourceInput, fn: FunctionNode): [number, number] | undefined {
  const first = fn.params[0];
  const last = fn.params[fn.params.length - 1];
  if (!first || !last) return undefined;
  const open = tokenBefore(source.ast, first.range[0]);
  // The closing parenthesis may follow a trailing comma and comments: `(\n  n: number, // years\n)`.
  const close = tokenAfterComma(source, last.range[1]);
  if (open?.value === "(" && close?.value === ")") return [open.range[0], close.range[1]];
  return [first.range[0], last.range[1]];
}

function tokenAfterComma(source: SourceInput, position: number): TSESTree.Token | undefined {
  const token = nextToken(source, position);
  if (token?.value !== ",") return token;
  return nextToken(source, token.range[1]);
}

function nextToken(source: SourceInput, position: number): TSESTree.Token | undefined {
  return (source.ast.tokens ?? []).find((token) => token.range[0] >= position);
}

/** The closure's text, with annotations where parameters relied on contextual typing. */
function annotatedFunctionText(source: SourceInput, fn: FunctionNode, types: ReadonlyMap<TSESTree.Parameter, string>): string {
  const range = types.size === 0 ? undefined : parameterListRange(source, fn);
  if (!range) return slice(source, fn);
  return source.text.slice(fn.range[0], range[0]) + parameterListText(source, fn, types) + source.text.slice(range[1], fn.range[1]);
}

/**
 * The closure as a function declaration (hoisted, so no temporal dead zone when the code that used it
 * runs before the module body reaches it). Undefined for named function expressions: their own name
 * may be used inside.
 */
function functionDeclarationText(
  source: SourceInput,
  fn: FunctionNode,
  name: string,
  types: ReadonlyMap<TSESTree.Parameter, string>,
): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) return undefined;
  const typeParameters = fn.typeParameters ? slice(source, fn.typeParameters) : "";
  const returnType = fn.returnType ? slice(source, fn.returnType) : "";
  const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? slice(source, fn.body) : `{ return ${conciseBodyText(source, fn)}; }`;
  const star = fn.type === AST_NODE_TYPES.FunctionExpression && fn.generator ? "*" : "";
  return `${fn.async ? "async " : ""}function${star} ${name}${typeParameters}${originalParameterList(source, fn, types)}${returnType} ${body}`;
}

/** The parameter list as written (comments, line breaks and trailing commas kept) unless annotations are added. */
function originalParameterList(source: SourceInput, fn: FunctionNode, types: ReadonlyMap<TSESTree.Parameter, string>): string {
  if (types.size > 0) return parameterListText(source, fn, types);
  if (fn.params.length === 0) return "()";
  const range = parameterListRange(source, fn);
  if (!range) return parameterListText(source, fn, types);
  const text = source.text.slice(range[0], range[1]);
  return text.startsWith("(") ? text : `(${text})`;
}

/**
 * The expression of a concise arrow body, as written from just after `=>`: parentheses and comments
 * kept. A comment in front is put inside parentheses so that `return` cannot end at its line break.
 */
function conciseBodyText(source: SourceInput, fn: FunctionNode): string {
  let arrow = tokenBefore(source.ast, fn.body.range[0]);
  while (arrow && arrow.value !== "=>") arrow = tokenBefore(source.ast, arrow.range[0]);
  const from = arrow ? arrow.range[1] : fn.body.range[0];
  const firstToken = nextToken(source, from);
  const to = firstToken ? firstToken.range[0] : fn.body.range[0];
  const text = source.text.slice(from, fn.range[1]).trim();
  const startsWithComment = (source.ast.comments ?? []).some((comment) => comment.range[0] >= from && comment.range[1] <= to);
  return startsWithComment ? `(${text})` : text;
}

export interface WithKeyImport {
  /** Local name to call. */
  readonly local: string;
  /** Edit that adds the import, when it is not there yet. */
  readonly edit?: TextEdit;
}

function isCommonJs(source: SourceInput, filename: string): boolean {
  if (/\.cjs$/i.test(filename) || /\.cts$/i.test(filename)) return true;
  const hasEsm = source.ast.body.some(
    (s) =>
      s.type === AST_NODE_TYPES.ImportDeclaration ||
      s.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      s.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      s.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
  return !hasEsm && /\brequire\s*\(/.test(source.text);
}

function isRequireDeclaration(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.every((declarator) => {
    let init = declarator.init && unwrapExpression(declarator.init);
    while (init?.type === AST_NODE_TYPES.MemberExpression) init = unwrapExpression(init.object);
    return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === "require";
  });
}

/** The last `const x = require(…)` of the block of requires that opens a CommonJS file (after directives). */
function lastLeadingRequire(ast: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && "directive" in statement && typeof statement.directive === "string") continue;
    if (!isRequireDeclaration(statement)) break;
    last = statement;
  }
  return last;
}

/** Finds or plans the `withKey` import: reuse a value import, extend a named import, or add one. */
export function planWithKeyImport(input: PlannerInput, registry: NameRegistry): WithKeyImport {
  const { source, withKey, filename } = input;
  const { ast, text } = source;
  const eol = lineEnding(text);
  let extendable: TSESTree.ImportDeclaration | undefined;
  for (const statement of ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== withKey.module) continue;
    if (statement.importKind === "type") continue;
    for (const specifier of statement.specifiers) {
      if (
        specifier.type === AST_NODE_TYPES.ImportSpecifier &&
        specifier.importKind !== "type" &&
        (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) === withKey.name
      ) {
        return { local: specifier.local.name };
      }
    }
    if (statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier) && !extendable) extendable = statement;
  }
  // CommonJS: `const { withKey } = require("stable-schema")` already there?
  for (const statement of ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (
        init?.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.Identifier &&
        init.callee.name === "require" &&
        stringLiteralValue(init.arguments[0]) === withKey.module &&
        declarator.id.type === AST_NODE_TYPES.ObjectPattern
      ) {
        for (const property of declarator.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            property.key.name === withKey.name &&
            property.value.type === AST_NODE_TYPES.Identifier
          ) {
            return { local: property.value.name };
          }
        }
      }
    }
  }
  const local = registry.identifier(withKey.name);
  const specifierText = local === withKey.name ? withKey.name : `${withKey.name} as ${local}`;
  if (extendable) {
    const lastSpecifier = extendable.specifiers[extendable.specifiers.length - 1]!;
    const after = tokenAt(ast, lastSpecifier.range[1]);
    const position = after?.value === "," ? after.range[1] : lastSpecifier.range[1];
    const textToInsert = after?.value === "," ? ` ${specifierText},` : `, ${specifierText}`;
    return { local, edit: { range: [position, position], text: textToInsert } };
  }
  const quote = /^[^"]*'/.test(text.slice(0, 2000)) && !/import[^\n]*"/.test(text.slice(0, 2000)) ? "'" : '"';
  const semi = /from\s+["'][^"']+["'](?!;)\s*\r?\n/.test(text) && !/from\s+["'][^"']+["'];/.test(text) ? "" : ";";
  const line = isCommonJs(source, filename)
    ? `const { ${local === withKey.name ? local : `${withKey.name}: ${local}`} } = require(${quote}${withKey.module}${quote})${semi}`
    : `import { ${specifierText} } from ${quote}${withKey.module}${quote}${semi}`;
  const lastImport =
    [...ast.body].reverse().find((s) => s.type === AST_NODE_TYPES.ImportDeclaration) ??
    (isCommonJs(source, filename) ? lastLeadingRequire(ast) : undefined);
  if (lastImport) return { local, edit: { range: [lastImport.range[1], lastImport.range[1]], text: `${eol}${line}` } };
  const firstStatement = ast.body.find(
    (s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && "directive" in s && typeof s.directive === "string"),
  );
  if (!firstStatement) {
    const lastDirective = ast.body[ast.body.length - 1];
    const at = lastDirective ? lastDirective.range[1] : text.length;
    return { local, edit: { range: [at, at], text: `${eol}${line}${eol}` } };
  }
  const at = insertionPoint(source, firstStatement);
  return { local, edit: { range: [at, at], text: `${line}${eol}${eol}` } };
}

function capturedReason(info: CaptureInfo): string {
  return `it reads ${blockersOf(info).map((name) => `\`${name}\``).join(", ")} from the code around it`;
}

/** ids of the `withKey(fn, ["id", …])` / `withKey(fn, "id")` calls already in the file (traced by binding). */
function existingWithKeyIds(source: SourceInput, withKey: WithKeyTarget): string[] {
  return findWithKeyCalls(source.ast, source.scopeManager, withKeySources(withKey)).flatMap((call) => keyId(call) ?? []);
}

/** Plans every site of a file together, so names and ids are unique across the fixes of one pass. */
export function planSites(input: PlannerInput, sites: readonly SlotSite[]): SitePlan[] {
  const { source, analysis } = input;
  const registry = new NameRegistry(source.ast, existingWithKeyIds(source, input.withKey));
  const eol = lineEnding(source.text);
  const typescript = isTypeScriptFile(input.filename);
  let withKeyImport: WithKeyImport | undefined;
  const plans: SitePlan[] = [];
  const moduleId = moduleIdentity(input.filename);

  for (const site of sites) {
    const fn = site.fn;
    const info = analysis.captures(site);
    const blockers = blockersOf(info);
    const base = baseNameFor(site);

    // --- hoist ------------------------------------------------------------------------------
    let notHoisted: string | undefined;
    let needsTypes = false;
    let hoist: HoistPlan | undefined;
    if (blockers.length > 0) {
      notHoisted = capturedReason(info);
    } else if (typescript && info.usesOwnThis && !hasThisParameter(fn)) {
      // `function (v) { this.parent… }`: `this` is typed by the call it is passed to; at module level
      // it would be an implicit `any` (an error under `strict`).
      notHoisted = "it reads `this`, which gets its type from the call; at module level it would be `any`";
    } else {
      let types = new Map<TSESTree.Parameter, string>();
      const needing = typescript ? paramsNeedingTypes(fn) : [];
      if (needing.length > 0) {
        const printed = input.typeInfo ? portableParameterTypes(input.typeInfo, source, needing) : undefined;
        if (!printed) {
          needsTypes = !input.typeInfo;
          notHoisted = input.typeInfo
            ? `the type of parameter \`${paramName(source, needing[0]!)}\` cannot be written at module level`
            : `parameter \`${paramName(source, needing[0]!)}\` gets its type from the call; without type information it cannot be annotated`;
        } else {
          types = printed;
        }
      }
      if (!notHoisted) {
        const statement = topLevelStatement(fn);
        const form = runsBeforeModuleBody(statement) ? "function" : "const";
        const name = registry.identifier(base);
        const declaration =
          form === "function"
            ? functionDeclarationText(source, fn, name, types)
            : `const ${name} = ${isMethodShorthand(fn) ? methodAsFunctionExpression(source, fn) : annotatedFunctionText(source, fn, types)};`;
        if (declaration === undefined) {
          notHoisted = "a named function expression inside a hoisted function declaration would be read before it is initialised";
        } else {
          const comments = isMethodShorthand(fn) ? [] : commentsBefore(source.ast, fn);
          const movedStart = comments[0]?.range[0] ?? fn.range[0];
          const commentText = comments.map((comment) => source.text.slice(comment.range[0], comment.range[1]) + eol).join("");
          const at = insertionPoint(source, statement);
          const replaced: TextEdit = isMethodShorthand(fn)
            ? { range: fn.parent.range, text: `${source.text.slice(fn.parent.key.range[0], fn.parent.key.range[1])}: ${name}` }
            : { range: [movedStart, fn.range[1]], text: name };
          const edits: TextEdit[] = [{ range: [at, at], text: `${commentText}${declaration}${eol}${eol}` }, replaced];
          if (isMethodShorthand(fn) && fn.parent.computed) {
            edits[1] = { range: fn.parent.range, text: `[${source.text.slice(fn.parent.key.range[0], fn.parent.key.range[1])}]: ${name}` };
          }
          hoist = { name, form, fix: mergeEdits(source.text, edits), edits };
        }
      }
    }

    // --- wrap -------------------------------------------------------------------------------
    let wrap: WrapPlan | undefined;
    let notWrapped: string | undefined;
    if (!hoist) {
      if (info.usesThis || info.usesArguments || info.usesSuper || info.usesNewTarget) {
        notWrapped = `it uses \`${info.usesThis ? "this" : info.usesArguments ? "arguments" : info.usesSuper ? "super" : "new.target"}\` of the enclosing function, which differs between calls`;
      } else {
        const reassigned = info.values.find((capture) => capture.reassigned);
        // The key is evaluated where the closure is created; the closure may read a binding declared below it later.
        const declaredBelow = info.values.find((capture) => inTemporalDeadZone(capture.variable, fn));
        if (reassigned) {
          notWrapped = `it captures \`${reassigned.name}\`, which is reassigned, so a shared function would read another call's variable`;
        } else if (declaredBelow) {
          notWrapped = `it captures \`${declaredBelow.name}\`, which is declared below it: a key evaluated here would throw before \`${declaredBelow.name}\` is initialised`;
        } else {
          withKeyImport ??= planWithKeyImport(input, registry);
          const id = registry.id(`${moduleId}#${base}`);
          const captured = info.values.map((capture) => capture.name);
          const key = captured.length === 0 ? JSON.stringify(id) : `[${[JSON.stringify(id), ...captured].join(", ")}]`;
          const edits: TextEdit[] = [];
          if (withKeyImport.edit) edits.push(withKeyImport.edit);
          if (isMethodShorthand(fn)) {
            const keyText = source.text.slice(fn.parent.key.range[0], fn.parent.key.range[1]);
            edits.push({
              range: fn.parent.range,
              text: `${fn.parent.computed ? `[${keyText}]` : keyText}: ${withKeyImport.local}(${methodAsFunctionExpression(source, fn)}, ${key})`,
            });
          } else {
            edits.push({ range: [fn.range[0], fn.range[0]], text: `${withKeyImport.local}(` });
            // With type information, parameters that relied on contextual typing are annotated too:
            // inside overloaded or generic calls (effect 3 `pipe(filter(…))`) the generic withKey
            // cannot always pass the contextual type on.
            const needing = typescript && input.typeInfo ? paramsNeedingTypes(fn) : [];
            const types = needing.length > 0 && input.typeInfo ? portableParameterTypes(input.typeInfo, source, needing) : undefined;
            const paramRange = types && types.size > 0 ? parameterListRange(source, fn) : undefined;
            if (types && paramRange) edits.push({ range: paramRange, text: parameterListText(source, fn, types) });
            edits.push({ range: [fn.range[1], fn.range[1]], text: `, ${key})` });
          }
          wrap = { id, captured, fix: mergeEdits(source.text, edits), edits };
        }
      }
    }
    plans.push({ site, ...(hoist ? { hoist } : {}), ...(wrap ? { wrap } : {}), ...(notHoisted ? { notHoisted } : {}), ...(notWrapped ? { notWrapped } : {}), ...(needsTypes && !hoist ? { needsTypes } : {}) });
  }
  return plans;
}

function hasThisParameter(fn: FunctionNode): boolean {
  const first = fn.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && first.name === "this";
}

function paramName(source: SourceInput, param: TSESTree.Parameter): string {
  if (param.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left.name;
  return source.text.slice(param.range[0], param.range[1]).replace(/\s+/g, " ").slice(0, 30);
}

export type { TypeInfo };
