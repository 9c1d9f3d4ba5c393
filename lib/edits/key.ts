// Edits to a `withKey` key, for the require-stable-key fixes: add the captured names the key misses,
// remove the elements the closure does not read, qualify an id with the module. Text on the original source; nothing else changes.
import type { TSESTree } from "@typescript-eslint/utils";
import type { LiteralKey, WithKeyProblem } from "../analysis/with-key/index.js";
import { stringLiteral } from "./style.js";
import type { TextEdit } from "./text.js";

/** `"id"` → `["id", a, b]`; `["id", x]` → `["id", x, a, b]`. Undefined when there is nothing to add or no element to add after. */
export function addKeyElements(text: string, key: LiteralKey, names: readonly string[]): TextEdit | undefined {
  if (names.length === 0) return undefined;
  if (key.kind === "string") {
    return { range: key.node.range, text: `[${text.slice(key.node.range[0], key.node.range[1])}, ${names.join(", ")}]` };
  }
  const last = [...key.node.elements].reverse().find((element) => element !== null);
  if (!last) return undefined;
  return { range: [last.range[1], last.range[1]], text: `, ${names.join(", ")}` };
}

/** One edit that removes the given key elements, each with the comma before it; undefined when a hole precedes one. */
export function removeKeyElements(text: string, array: TSESTree.ArrayExpression, remove: ReadonlySet<TSESTree.Node>): TextEdit | undefined {
  const ranges: [number, number][] = [];
  const elements = array.elements;
  for (let i = 1; i < elements.length; i++) {
    const element = elements[i];
    if (!element || !remove.has(element)) continue;
    const previous = elements[i - 1];
    if (!previous) return undefined; // a hole before it: leave the text alone
    ranges.push([previous.range[1], element.range[1]]);
  }
  if (ranges.length === 0) return undefined;
  const start = ranges[0]![0];
  const end = ranges[ranges.length - 1]![1];
  let out = "";
  let position = start;
  for (const [from, to] of ranges) {
    out += text.slice(position, from);
    position = to;
  }
  return { range: [start, end], text: out + text.slice(position, end) };
}

/** Two edits of one key as one (the removal ends where the addition goes in: as two fixes they would overlap). */
function combine(text: string, a: TextEdit, b: TextEdit): TextEdit {
  const [first, second] = a.range[0] <= b.range[0] ? [a, b] : [b, a];
  const end = Math.max(first.range[1], second.range[1]);
  return {
    range: [first.range[0], end],
    text: first.text + text.slice(first.range[1], second.range[0]) + second.text + text.slice(second.range[1], end),
  };
}

/** The id literal rewritten to `qualified`, in the literal's own quotes; undefined when the id is not a plain string literal. */
export function qualifyId(text: string, idNode: TSESTree.Node, qualified: string): TextEdit | undefined {
  if (idNode.type !== "Literal" || typeof idNode.value !== "string") return undefined;
  return { range: idNode.range, text: stringLiteral(qualified, text[idNode.range[0]] === "'" ? "'" : '"') };
}

export interface KeySuggestion extends TextEdit {
  /** The names the suggestion adds or removes, for its message. */
  readonly names: readonly string[];
}

/**
 * The fixes of a require-stable-key problem: the autofix does the whole change of the call's key (add
 * the missing names and remove the unused elements in one edit); the suggestion does this problem's
 * part alone. Neither when this problem's part cannot be written.
 */
export function keyFixes(text: string, problem: WithKeyProblem): { fix?: TextEdit; suggestion?: KeySuggestion } {
  if (problem.type === "unqualifiedId") {
    const edit = qualifyId(text, problem.node, problem.qualified);
    return edit ? { fix: edit, suggestion: { ...edit, names: [problem.qualified] } } : {};
  }
  if (problem.type !== "missingKey" && problem.type !== "unusedKey") return {};
  const { key, add, remove } = problem.change;
  const added = add ? addKeyElements(text, key, add) : undefined;
  const removed = remove && key.kind === "array" ? removeKeyElements(text, key.node, new Set(remove.map((entry) => entry.node))) : undefined;
  const own = problem.type === "missingKey" ? added && { ...added, names: add! } : removed && { ...removed, names: remove!.map((entry) => entry.name) };
  if (!own) return {};
  const fix = added && removed ? combine(text, added, removed) : own;
  return { fix: { range: fix.range, text: fix.text }, suggestion: own };
}
