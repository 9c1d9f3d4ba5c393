// Edits to a `withKey` key, for the require-stable-key fixes: add the captured names the key misses,
// remove the elements the closure does not read. Text on the original source; nothing else changes.
import type { TSESTree } from "@typescript-eslint/utils";
import type { LiteralKey, WithKeyProblem } from "../analysis/with-key/index.js";
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

/** The fix of a require-stable-key problem, when it has one. */
export function keyFix(text: string, problem: WithKeyProblem): TextEdit | undefined {
  if (problem.type === "missingKey") return problem.add ? addKeyElements(text, problem.key, problem.add) : undefined;
  if (problem.type === "unusedKey") return removeKeyElements(text, problem.key.node, new Set(problem.remove));
  return undefined;
}
