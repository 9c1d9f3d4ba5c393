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

export function lineEnding(text: string): string {
  const index = text.indexOf("\n");
  return index > 0 && text[index - 1] === "\r" ? "\r\n" : "\n";
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
 * Applies groups of edits (one group per plan) in one pass: a group goes in when none of its edits
 * conflicts with an accepted one, otherwise it waits for the next pass. Insertions at one point keep
 * the groups' order, which is what pass-by-pass application (ESLint's) produces for the same plans.
 * An edit object shared by several groups (the `withKey` import) is applied once.
 */
export function applyEditGroups(text: string, groups: readonly (readonly TextEdit[])[]): { output: string; applied: number[] } {
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
  const ordered = accepted
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.range[0] - b.edit.range[0] || (a.edit.range[1] - a.edit.range[0]) - (b.edit.range[1] - b.edit.range[0]) || a.order - b.order);
  let output = "";
  let position = 0;
  for (const { edit } of ordered) {
    output += text.slice(position, edit.range[0]) + edit.text;
    position = edit.range[1];
  }
  output += text.slice(position);
  return { output, applied };
}
