// Suggestions for `no-unbounded-cache`, as text edits on the original source: a bounded `LRUCache`
// from lru-cache (import added in the file's own style by the shared import planner), a `WeakMap` /
// `WeakSet` when every key is an object, and deleting the entry in a `finally` when the operation that
// adds it completes. None is an autofix: each changes what the program keeps.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { unwrapExpression } from "../analysis/ast.js";
import { suggestedCache, collectionMethods } from "../analysis/cache-catalogue.js";
import type { SourceInput } from "../analysis/index.js";
import type { CollectionProblem, FinallyTarget } from "../analysis/unbounded-cache/index.js";
import { NameRegistry } from "./names.js";
import { planNamedImport } from "./imports.js";
import { type TextEdit, indentationAt, lineEnding, mergeEdits } from "./text.js";

export interface CacheSuggestions {
  /** `new Map()` → `new LRUCache({ max: 1000 })`, the import added. */
  readonly lru?: { readonly fix: TextEdit; readonly max: number };
  readonly weak?: { readonly fix: TextEdit; readonly name: string };
  readonly finally?: { readonly fix: TextEdit; readonly fn: string };
}

/** `Map` in `const m: Map<K, V> = …`: the type's name, to rename along with the constructor. */
function mapTypeName(type: TSESTree.TypeNode | undefined, name: string): TSESTree.Identifier | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  return type.typeName.name === name ? type.typeName : undefined;
}

function constructorCall(problem: CollectionProblem): TSESTree.NewExpression | undefined {
  const init = unwrapExpression(problem.collection.init);
  return init.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier ? init : undefined;
}

function planLru(source: SourceInput, filename: string, problem: CollectionProblem): CacheSuggestions["lru"] {
  const call = constructorCall(problem);
  // lru-cache takes options, not entries: only an empty `new Map()` has a drop-in replacement.
  if (problem.collection.kind !== "Map" || !call || call.arguments.length > 0) return undefined;
  const imported = planNamedImport(source, filename, suggestedCache, new NameRegistry(source.ast));
  const typeArguments = call.typeArguments ? source.text.slice(call.typeArguments.range[0], call.typeArguments.range[1]) : "";
  const edits: TextEdit[] = [{ range: call.range, text: `new ${imported.local}${typeArguments}({ max: ${suggestedCache.placeholderMax} })` }];
  const typeName = mapTypeName(problem.collection.typeAnnotation, "Map");
  if (typeName) edits.push({ range: typeName.range, text: imported.local });
  if (imported.edit) edits.push(imported.edit);
  return { fix: mergeEdits(source.text, edits), max: suggestedCache.placeholderMax };
}

function planWeak(source: SourceInput, problem: CollectionProblem): CacheSuggestions["weak"] {
  const call = constructorCall(problem);
  const weak = collectionMethods[problem.collection.kind].weak;
  if (!problem.weakKeys || !call || !weak) return undefined;
  const edits: TextEdit[] = [{ range: call.callee.range, text: weak }];
  const typeName = mapTypeName(problem.collection.typeAnnotation, problem.collection.kind);
  if (typeName) edits.push({ range: typeName.range, text: weak });
  return { fix: mergeEdits(source.text, edits), name: weak };
}

/** Indents every line start in `[from, to)` by `unit`, except blank lines and lines inside template literals. */
function indentLines(source: SourceInput, from: number, to: number, unit: string): string {
  const templates = (source.ast.tokens ?? []).filter((token) => token.type === "Template" && token.range[1] > from && token.range[0] < to);
  let out = "";
  let position = from;
  for (let index = source.text.indexOf("\n", from); index !== -1 && index < to; index = source.text.indexOf("\n", index + 1)) {
    const lineStart = index + 1;
    out += source.text.slice(position, lineStart);
    position = lineStart;
    const blank = /^[ \t]*(?:\r?\n|$)/.test(source.text.slice(lineStart, Math.min(to, lineStart + 200)));
    const inTemplate = templates.some((token) => token.range[0] < lineStart && lineStart < token.range[1]);
    if (!blank && !inTemplate && lineStart < to) out += unit;
  }
  return out + source.text.slice(position, to);
}

function planFinally(source: SourceInput, problem: CollectionProblem, target: FinallyTarget): CacheSuggestions["finally"] {
  const { statement, fn, key, collectionText } = target;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const body = fn.body.body;
  const last = body[body.length - 1]!;
  const eol = lineEnding(source.text);
  const indent = indentationAt(source.text, statement.range[0]);
  const outer = indentationAt(source.text, fn.body.range[0]);
  const unit = indent.startsWith(outer) && indent.length > outer.length ? indent.slice(outer.length) : "  ";
  // Keep a trailing comment of the last statement with it.
  let end = last.range[1];
  for (const comment of source.ast.comments ?? []) {
    if (comment.range[0] >= end && !/\n/.test(source.text.slice(end, comment.range[0]))) end = comment.range[1];
  }
  const semicolon = source.text.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(";") ? ";" : "";
  const keyText = source.text.slice(key.range[0], key.range[1]);
  const removal =
    problem.collection.kind === "object" ? `delete ${collectionText}[${keyText}]${semicolon}` : `${collectionText}.delete(${keyText})${semicolon}`;
  const text =
    `${eol}${indent}try {` +
    indentLines(source, statement.range[1], end, unit) +
    `${eol}${indent}} finally {${eol}${indent}${unit}${removal}${eol}${indent}}`;
  return { fix: { range: [statement.range[1], end], text }, fn: target.functionName };
}

export function planCacheSuggestions(source: SourceInput, filename: string, problem: CollectionProblem): CacheSuggestions {
  const lru = planLru(source, filename, problem);
  const weak = planWeak(source, problem);
  const done = problem.finallyTarget ? planFinally(source, problem, problem.finallyTarget) : undefined;
  return { ...(lru ? { lru } : {}), ...(weak ? { weak } : {}), ...(done ? { finally: done } : {}) };
}
