// The closure's text in its new place: as a `const` initialiser or a function declaration, a method
// shorthand as a function expression, parameters annotated where they relied on contextual typing
// (long types as a named alias), lines re-based to the new indentation. Everything else is the
// original text: comments, line breaks and trailing commas are kept.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { FunctionNode } from "../analysis/ast.js";
import type { SourceInput } from "../analysis/index.js";
import { optionalChild } from "../analysis/node-fields.js";
import type { NameRegistry } from "./names.js";
import { type FileStyle, rebaseIndentation } from "./style.js";
import { commentsBetween, tokenBefore, tokenFrom, tokensBetween } from "./tokens.js";

export function isMethodShorthand(fn: FunctionNode): fn is TSESTree.FunctionExpression & { parent: TSESTree.Property } {
  return fn.parent?.type === AST_NODE_TYPES.Property && (fn.parent.method || fn.parent.kind !== "init");
}

/** `test(value) { … }` → `function (value) { … }` (keeps async and generators). */
export function methodAsFunctionExpression(source: SourceInput, fn: TSESTree.FunctionExpression): string {
  const head = `${fn.async ? "async " : ""}function${fn.generator ? "*" : ""} `;
  return head + source.text.slice(fn.range[0], fn.range[1]);
}

export function paramsNeedingTypes(fn: FunctionNode): TSESTree.Parameter[] {
  return fn.params.filter((param) => {
    switch (param.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.ObjectPattern:
      case AST_NODE_TYPES.ArrayPattern:
      case AST_NODE_TYPES.RestElement:
        return optionalChild(param, "typeAnnotation") === undefined && !(param.type === AST_NODE_TYPES.Identifier && param.name === "this");
      case AST_NODE_TYPES.AssignmentPattern:
        return optionalChild(param.left, "typeAnnotation") === undefined;
      default:
        return false;
    }
  });
}

function slice(source: SourceInput, node: { range: readonly [number, number] }): string {
  return source.text.slice(node.range[0], node.range[1]);
}

/** `(a: T, b)`: the parameter list with annotations for the parameters that relied on contextual typing. */
export function parameterListText(source: SourceInput, fn: FunctionNode, types: ReadonlyMap<TSESTree.Parameter, string>): string {
  const paramText = (param: TSESTree.Parameter): string => {
    const type = types.get(param);
    if (type === undefined) return slice(source, param);
    if (param.type === AST_NODE_TYPES.AssignmentPattern) return `${slice(source, param.left)}: ${type} = ${slice(source, param.right)}`;
    return `${slice(source, param)}: ${type}`;
  };
  return `(${fn.params.map(paramText).join(", ")})`;
}

/** The range of the parameter list, parentheses included when there are any (`n => …` has none). */
export function parameterListRange(source: SourceInput, fn: FunctionNode): [number, number] | undefined {
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
  const token = tokenFrom(source.ast, position);
  if (token?.value !== ",") return token;
  return tokenFrom(source.ast, token.range[1]);
}

/** The closure's text, with annotations where parameters relied on contextual typing. */
export function annotatedFunctionText(source: SourceInput, fn: FunctionNode, types: ReadonlyMap<TSESTree.Parameter, string>): string {
  const range = types.size === 0 ? undefined : parameterListRange(source, fn);
  if (!range) return slice(source, fn);
  return source.text.slice(fn.range[0], range[0]) + parameterListText(source, fn, types) + source.text.slice(range[1], fn.range[1]);
}

/**
 * The closure as a function declaration (hoisted, so no temporal dead zone when the code that used it
 * runs before the module body reaches it). Undefined for named function expressions: their own name
 * may be used inside.
 */
export function functionDeclarationText(
  source: SourceInput,
  fn: FunctionNode,
  name: string,
  types: ReadonlyMap<TSESTree.Parameter, string>,
  style: FileStyle,
  eol: string,
): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) return undefined;
  const typeParameters = optionalChild(fn, "typeParameters");
  const returnType = optionalChild(fn, "returnType");
  const moved = (text: string): string => movedText(source, fn, text);
  const concise = (): string => moved(conciseBodyText(source, fn)).split("\n").join(`\n${style.indent}`);
  const body =
    fn.body.type === AST_NODE_TYPES.BlockStatement
      ? moved(slice(source, fn.body))
      : `{${eol}${style.indent}return ${concise()}${style.semi ? ";" : ""}${eol}}`;
  const star = fn.type === AST_NODE_TYPES.FunctionExpression && fn.generator ? "*" : "";
  return `${fn.async ? "async " : ""}function${star} ${name}${typeParameters ? slice(source, typeParameters) : ""}${moved(originalParameterList(source, fn, types))}${returnType ? slice(source, returnType) : ""} ${body}`;
}

/**
 * Text of `fn` moved to module level: re-based from the indentation of the line it came from, unless
 * it holds a multi-line template literal (whose text would change).
 */
export function movedText(source: SourceInput, fn: FunctionNode, text: string): string {
  return hasMultilineTemplate(source, fn) ? text : rebaseIndentation(source.text, fn.range[0], text);
}

function hasMultilineTemplate(source: SourceInput, fn: FunctionNode): boolean {
  return tokensBetween(source.ast, fn.range[0], fn.range[1]).some((token) => token.type === "Template" && token.value.includes("\n"));
}

/** Inline parameter types longer than this are written as a named type alias above the declaration. */
const MAX_INLINE_TYPE = 60;

function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Long printed parameter types become `type <Name>Input = …` aliases (named after the hoisted
 * function), so no declaration carries a several-hundred-character inline type.
 */
export function typeAliases(
  registry: NameRegistry,
  name: string,
  types: ReadonlyMap<TSESTree.Parameter, string>,
  style: FileStyle,
  eol: string,
): { types: ReadonlyMap<TSESTree.Parameter, string>; text: string } {
  const long = [...types].filter(([, printed]) => printed.length > MAX_INLINE_TYPE);
  if (long.length === 0) return { types, text: "" };
  const result = new Map(types);
  let text = "";
  for (const [param, printed] of long) {
    const paramLabel = param.type === AST_NODE_TYPES.Identifier ? pascalCase(param.name) : "Param";
    const alias = registry.identifier(`${pascalCase(name)}${long.length === 1 ? "Input" : paramLabel}`);
    result.set(param, alias);
    text += `type ${alias} = ${printed}${style.semi ? ";" : ""}${eol}${eol}`;
  }
  return { types: result, text };
}

/** The parameter list as written (comments, line breaks and trailing commas kept) unless annotations are added. */
export function originalParameterList(source: SourceInput, fn: FunctionNode, types: ReadonlyMap<TSESTree.Parameter, string>): string {
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
export function conciseBodyText(source: SourceInput, fn: FunctionNode): string {
  let arrow = tokenBefore(source.ast, fn.body.range[0]);
  while (arrow && arrow.value !== "=>") arrow = tokenBefore(source.ast, arrow.range[0]);
  const from = arrow ? arrow.range[1] : fn.body.range[0];
  const firstToken = tokenFrom(source.ast, from);
  const to = firstToken ? firstToken.range[0] : fn.body.range[0];
  const text = source.text.slice(from, fn.range[1]).trim();
  const startsWithComment = commentsBetween(source.ast, from, to).length > 0;
  return startsWithComment ? `(${text})` : text;
}

export function hasThisParameter(fn: FunctionNode): boolean {
  const first = fn.params[0];
  return first?.type === AST_NODE_TYPES.Identifier && first.name === "this";
}

export function paramName(source: SourceInput, param: TSESTree.Parameter): string {
  if (param.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) return param.left.name;
  return source.text.slice(param.range[0], param.range[1]).replace(/\s+/g, " ").slice(0, 30);
}
