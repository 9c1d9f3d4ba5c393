// Parsed snippets for unit tests of lib/analysis and lib/edits: the real typescript-eslint parser and
// scope manager, parents set, and the shared analysis (no mocks).
import type { TSESTree } from "@typescript-eslint/types";
import { type FunctionNode, isInlineFunction, setParents, walk } from "../lib/analysis/ast.js";
import { type FileAnalysis, type SourceInput, analyzeFile } from "../lib/analysis/index.js";
import type { SlotSite } from "../lib/analysis/trace.js";
import { parseSource } from "../lib/edits/parse.js";
import { type TextEdit, applyEditGroups } from "../lib/edits/text.js";

export function parse(text: string, filename = "snippet.ts"): SourceInput {
  const parsed = parseSource(text, { filename });
  setParents(parsed.ast, parsed.visitorKeys);
  return { text, ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys } as unknown as SourceInput;
}

export function analyze(text: string, filename = "snippet.ts"): { source: SourceInput; analysis: FileAnalysis; sites: readonly SlotSite[] } {
  const source = parse(text, filename);
  const analysis = analyzeFile(source);
  return { source, analysis, sites: analysis.trace.sites };
}

/** The first node of `type` whose text starts at the first occurrence of `marker`. */
export function nodeAt<T extends TSESTree.Node = TSESTree.Node>(source: SourceInput, marker: string, type?: string): T {
  const start = source.text.indexOf(marker);
  if (start < 0) throw new Error(`marker not found: ${marker}`);
  let found: TSESTree.Node | undefined;
  walk(source.ast, source.visitorKeys, (node) => {
    if (!found && node.range[0] === start && (type === undefined || node.type === type)) found = node;
    return !found;
  });
  if (!found) throw new Error(`no ${type ?? "node"} at: ${marker}`);
  return found as T;
}

/** The inline function that starts at `marker`. */
export function functionAt(source: SourceInput, marker: string): FunctionNode {
  const start = source.text.indexOf(marker);
  let fn: FunctionNode | undefined;
  walk(source.ast, source.visitorKeys, (node) => {
    if (!fn && isInlineFunction(node) && node.range[0] === start) fn = node;
    return !fn;
  });
  if (!fn) throw new Error(`no inline function at: ${marker}`);
  return fn;
}

/** The text with one group of edits applied. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyEditGroups(text, [edits]).output;
}
