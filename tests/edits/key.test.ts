// lib/edits/key.ts: withKey key edits for require-stable-key.
import type { TSESTree } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { checkWithKeyCalls, runtimeWithKey } from "../../lib/analysis/with-key/index.js";
import { keyShape } from "../../lib/analysis/with-key/key.js";
import { addKeyElements, keyFixes, removeKeyElements } from "../../lib/edits/key.js";
import { applyEdits, nodeAt, parse } from "../snippets.js";

function keyOf(code: string) {
  const source = parse(code);
  const call = nodeAt<TSESTree.CallExpression>(source, "withKey(", "CallExpression");
  return { source, key: keyShape(call) };
}

describe("addKeyElements", () => {
  it("turns a string id into an array with the names", () => {
    const { source, key } = keyOf(`withKey(f, "id");`);
    if (key.kind === "bad") throw new Error("bad key");
    expect(applyEdits(source.text, [addKeyElements(source.text, key, ["a", "b"])!])).toBe(`withKey(f, ["id", a, b]);`);
  });
  it("appends after the last element (a trailing hole is skipped)", () => {
    const { source, key } = keyOf(`withKey(f, ["id", x, ]);`);
    if (key.kind === "bad") throw new Error("bad key");
    expect(applyEdits(source.text, [addKeyElements(source.text, key, ["a"])!])).toBe(`withKey(f, ["id", x, a, ]);`);
    expect(addKeyElements(source.text, key, [])).toBeUndefined();
  });
});

describe("removeKeyElements", () => {
  it("removes each element with the comma before it, in one edit", () => {
    const { source, key } = keyOf(`withKey(f, ["id", a, /* b */ b, c]);`);
    if (key.kind !== "array") throw new Error("not an array key");
    const remove = new Set<TSESTree.Node>([key.elements[1]!, key.elements[2]!]);
    expect(applyEdits(source.text, [removeKeyElements(source.text, key.node, remove)!])).toBe(`withKey(f, ["id", a]);`);
  });
  it("leaves the text alone when a hole precedes an element", () => {
    const { source, key } = keyOf(`withKey(f, ["id", , b]);`);
    if (key.kind !== "array") throw new Error("not an array key");
    expect(removeKeyElements(source.text, key.node, new Set([key.elements[0]!]))).toBeUndefined();
  });
});

describe("keyFixes", () => {
  it("the autofix does the key's whole change in one edit; each suggestion its own part; other problems none", () => {
    const code = `import { withKey } from "stable-schema";
export function f(min: number, locale: string) { return withKey((n: number) => n >= min + Math.random(), ["id", locale]); }`;
    const problems = checkWithKeyCalls(parse(code), [runtimeWithKey]);
    const byType = Object.fromEntries(problems.map((problem) => [problem.type, keyFixes(code, problem)]));
    expect(Object.entries(byType).filter(([, fixes]) => fixes.fix).map(([type]) => type).sort()).toEqual(["missingKey", "unusedKey"]);
    expect(applyEdits(code, [byType.missingKey!.fix!])).toContain(`["id", min]`);
    expect(byType.unusedKey!.fix).toEqual(byType.missingKey!.fix);
    expect(applyEdits(code, [byType.missingKey!.suggestion!])).toContain(`["id", locale, min]`);
    expect(byType.missingKey!.suggestion!.names).toEqual(["min"]);
    expect(applyEdits(code, [byType.unusedKey!.suggestion!])).toContain(`["id"]`);
    expect(byType.unusedKey!.suggestion!.names).toEqual(["locale"]);
  });
});
