// Text edits on the original source, applied the way ESLint applies fixes: a fix is one range and
// one replacement; fixes are applied in order and one that overlaps an earlier one waits for the
// next pass. The codemod and `eslint --fix` therefore produce the same bytes.
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Merges several edits into one ESLint-style fix covering all of them (original text kept between). */
export function mergeEdits(text: string, edits: readonly TextEdit[]): TextEdit {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const start = sorted[0]!.range[0];
  const end = Math.max(...sorted.map((edit) => edit.range[1]));
  let out = "";
  let position = start;
  for (const edit of sorted) {
    if (edit.range[0] < position) throw new Error("stable-schema: overlapping edits in one fix");
    out += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  out += text.slice(position, end);
  return { range: [start, end], text: out };
}

/** Applies non-overlapping fixes in order (ESLint's rule: a fix touching the previous one is skipped): one lint pass, as Oxlint applies it. */
export function applyFixes(text: string, fixes: readonly TextEdit[]): { output: string; applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let output = "";
  let lastEnd = Number.NEGATIVE_INFINITY;
  let position = 0;
  for (const fix of sorted) {
    if (fix.range[0] <= lastEnd) {
      skipped.push(fix);
      continue;
    }
    output += text.slice(position, fix.range[0]) + fix.text;
    position = fix.range[1];
    lastEnd = fix.range[1];
    applied.push(fix);
  }
  output += text.slice(position);
  return { output, applied, skipped };
}

export function lineEnding(text: string): string {
  const index = text.indexOf("\n");
  return index > 0 && text[index - 1] === "\r" ? "\r\n" : "\n";
}

/** Start of the line `position` is on. */
export function lineStart(text: string, position: number): number {
  const index = text.lastIndexOf("\n", position - 1);
  return index + 1;
}

export function indentationAt(text: string, position: number): string {
  const start = lineStart(text, position);
  const match = /^[ \t]*/.exec(text.slice(start, position));
  return match ? match[0] : "";
}

/** The text of `node` (from `from`) with the indentation of its first line removed from the following lines. */
export function dedented(text: string, node: { range: readonly [number, number] }, from = node.range[0]): string {
  const indent = indentationAt(text, from);
  const body = text.slice(from, node.range[1]);
  if (indent === "") return body;
  return body
    .split("\n")
    .map((line, index) => (index > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join("\n");
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
  const [as, ae] = a.range;
  const [bs, be] = b.range;
  if (as === ae && bs === be) return false; // two insertions: both go in, in order
  if (as === ae) return bs < as && as < be; // an insertion inside a replaced range
  if (bs === be) return as < bs && bs < ae;
  return as < be && bs < ae;
}

/**
 * Chooses the groups of edits (one group per plan) that go in together in one pass: a group goes in
 * when none of its edits conflicts with an accepted one, otherwise it waits for the next pass.
 * Insertions at one point keep the groups' order, which is what pass-by-pass application (ESLint's)
 * produces for the same plans. An edit object shared by several groups (the `withKey` import) is
 * applied once. Returns the accepted edits in application order.
 */
function acceptEditGroups(groups: readonly (readonly TextEdit[])[]): { edits: TextEdit[]; applied: number[] } {
  const accepted: TextEdit[] = [];
  const acceptedSet = new Set<TextEdit>();
  const applied: number[] = [];
  groups.forEach((group, index) => {
    const fresh = group.filter((edit) => !acceptedSet.has(edit));
    if (fresh.some((edit) => accepted.some((other) => conflicts(edit, other)))) return;
    if (fresh.some((edit, i) => fresh.some((other, j) => i !== j && conflicts(edit, other)))) return;
    for (const edit of fresh) {
      accepted.push(edit);
      acceptedSet.add(edit);
    }
    applied.push(index);
  });
  const edits = accepted
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range[0] - b.edit.range[0] || (a.edit.range[1] - a.edit.range[0]) - (b.edit.range[1] - b.edit.range[0]) || a.order - b.order)
    .map(({ edit }) => edit);
  return { edits, applied };
}

function applyOrdered(text: string, edits: readonly TextEdit[], from: number, to: number): string {
  let output = "";
  let position = from;
  for (const edit of edits) {
    output += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  return output + text.slice(position, to);
}

/** Applies the groups that one pass can take together (see `acceptEditGroups`); the others wait. */
export function applyEditGroups(text: string, groups: readonly (readonly TextEdit[])[]): { output: string; applied: number[] } {
  const { edits, applied } = acceptEditGroups(groups);
  return { output: applyOrdered(text, edits, 0, text.length), applied };
}

/**
 * The same pass as ONE fix (one range, one replacement): what `applyEditGroups` writes, restricted to
 * the span of the accepted edits. A linter that applies fixes in a single pass (Oxlint) then reaches
 * the output that ESLint's repeated passes and the codemod reach. Undefined when no group goes in.
 */
export function mergeEditGroups(text: string, groups: readonly (readonly TextEdit[])[]): { fix: TextEdit; applied: number[] } | undefined {
  const { edits, applied } = acceptEditGroups(groups);
  if (edits.length === 0) return undefined;
  const start = edits[0]!.range[0];
  const end = Math.max(...edits.map((edit) => edit.range[1]));
  return { fix: { range: [start, end], text: applyOrdered(text, edits, start, end) }, applied };
}
