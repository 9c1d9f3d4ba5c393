// The fix kinds, in the order a plan tries them. A new kind is one module (see fix-kind.ts) and one
// entry here; the rule needs a suggestion message named like the kind.
import { hoist } from "./hoist.js";
import { wrap } from "./wrap.js";

export const fixKinds = [hoist, wrap] as const;

export type FixKindName = (typeof fixKinds)[number]["kind"];
export type FixAction = (typeof fixKinds)[number]["action"];

export function fixKind(name: string): (typeof fixKinds)[number] | undefined {
  return fixKinds.find((kind) => kind.kind === name);
}
