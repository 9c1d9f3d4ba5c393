// The fix kinds, in the order a plan tries them. A new kind is one module (see fix-kind.ts) and one
// entry here; the rule needs a suggestion message named like the kind.
import { hoist } from "./hoist.js";
import { wrap } from "./wrap.js";
import { wrapMembers } from "./wrap-members.js";

export const fixKinds = [hoist, wrapMembers, wrap] as const;

export type FixKindName = (typeof fixKinds)[number]["kind"];
export type FixAction = (typeof fixKinds)[number]["action"];

export function fixKind(name: string): (typeof fixKinds)[number] | undefined {
  return fixKinds.find((kind) => kind.kind === name);
}

/** The distinct actions, in kind order, with the summary line that counts each (two wrap kinds share "wrapped"). */
export const fixActions: readonly { readonly action: FixAction; readonly summary: string }[] = fixKinds.filter(
  (kind, index) => fixKinds.findIndex((other) => other.action === kind.action) === index,
);
