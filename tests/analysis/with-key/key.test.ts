// withKey checker, stage 2: the key's shape and fresh values.
import type { TSESTree } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { FreshTest, keyId, keyShape } from "../../../lib/analysis/with-key/key.js";
import { nodeAt } from "../../snippets.js";
import { calls } from "./helpers.js";

const shapes = (code: string) =>
  calls(code).calls.map((call) => {
    const shape = keyShape(call);
    return shape.kind === "bad" ? ["bad", shape.reason] : shape.kind === "string" ? ["string", shape.id] : ["array", shape.id, shape.elements.length];
  });

describe("keyShape / keyId", () => {
  it("reads string ids and array keys (holes dropped), and says why any other key cannot be checked", () => {
    const code = `import { withKey } from "stable-schema";
withKey(f, "a"); withKey(f, \`b\`); withKey(f, ["c", x, , y] as const);
withKey(f); withKey(f, k); withKey(f, [id, x]); withKey(f, ["d", ...xs]); withKey(...args);`;
    expect(shapes(code)).toEqual([
      ["string", "a"],
      ["string", "b"],
      ["array", "c", 2],
      ["bad", "the key is missing"],
      ["bad", "it is not a literal"],
      ["bad", "the first element of the key must be a string literal id"],
      ["bad", "a spread element cannot be checked against the captured bindings"],
      ["bad", "spread arguments cannot be checked"],
    ]);
    expect(calls(code).calls.map(keyId)).toEqual(["a", "b", "c", undefined, undefined, undefined, "d", undefined]);
  });
});

describe("FreshTest", () => {
  const { source } = calls(`import { withKey } from "stable-schema";
function f(Math: { random(): number }, n: number) {
  const probe = [Date.now(), {}, [], () => 0, new Set(), /x/, \`t\${performance.now()}\`, Symbol("k"), n ? {} : [], process.hrtime.bigint(), n, "s", n + 1, Math.random()];
}`);
  const fresh = new FreshTest(source.scopeManager);
  const elements = nodeAt<TSESTree.ArrayExpression>(source, "[Date", "ArrayExpression").elements as TSESTree.Node[];
  it("is true for new objects, clocks, random and symbols; false for values and for a shadowed `Math`", () => {
    expect(elements.map((element) => fresh.fresh(element))).toEqual([true, true, true, true, true, true, true, true, true, true, false, false, false, false]);
  });
});
