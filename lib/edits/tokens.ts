// Token and comment lookups on the parser's sorted token and comment arrays, by binary search: the
// planner asks a few of these per site, so each costs O(log n) and a file with many sites stays linear.
import type { TSESTree } from "@typescript-eslint/utils";

type Ranged = { readonly range: readonly [number, number] };

/** Index of the first entry that starts at or after `position` (entries sorted by range). */
function firstAtOrAfter(entries: readonly Ranged[], position: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.range[0] < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last token that starts before `position`. */
export function tokenBefore(ast: TSESTree.Program, position: number): TSESTree.Token | undefined {
  const tokens = ast.tokens ?? [];
  return tokens[firstAtOrAfter(tokens, position) - 1];
}

/** The token that starts exactly at `position`. */
export function tokenAt(ast: TSESTree.Program, position: number): TSESTree.Token | undefined {
  const token = tokenFrom(ast, position);
  return token && token.range[0] === position ? token : undefined;
}

/** The first token that starts at or after `position`. */
export function tokenFrom(ast: TSESTree.Program, position: number): TSESTree.Token | undefined {
  const tokens = ast.tokens ?? [];
  return tokens[firstAtOrAfter(tokens, position)];
}

/** Comments that lie entirely within [from, to). */
export function commentsBetween(ast: TSESTree.Program, from: number, to: number): TSESTree.Comment[] {
  const comments = ast.comments ?? [];
  const found: TSESTree.Comment[] = [];
  for (let i = firstAtOrAfter(comments, from); i < comments.length && comments[i]!.range[1] <= to; i++) found.push(comments[i]!);
  return found;
}

/** Comments that lie between the previous token and `node`. */
export function commentsBefore(ast: TSESTree.Program, node: Ranged): TSESTree.Comment[] {
  const previous = tokenBefore(ast, node.range[0]);
  return commentsBetween(ast, previous ? previous.range[1] : 0, node.range[0]);
}

/** Tokens that lie entirely within [from, to). */
export function tokensBetween(ast: TSESTree.Program, from: number, to: number): TSESTree.Token[] {
  const tokens = ast.tokens ?? [];
  const found: TSESTree.Token[] = [];
  for (let i = firstAtOrAfter(tokens, from); i < tokens.length && tokens[i]!.range[1] <= to; i++) found.push(tokens[i]!);
  return found;
}
