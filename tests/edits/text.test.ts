// lib/edits/text.ts: merging edits into one ESLint fix, applying groups like ESLint's passes, line endings.
import { describe, expect, it } from "vitest";
import { applyEditGroups, dedented, lineEnding, mergeEdits } from "../../lib/edits/text.js";

const text = "const a = 1;\nconst b = 2;\n";

describe("mergeEdits", () => {
  it("covers every edit with one range, keeping the original text between them", () => {
    const fix = mergeEdits(text, [
      { range: [19, 20], text: "two" },
      { range: [6, 7], text: "x" },
    ]);
    expect(fix).toEqual({ range: [6, 20], text: "x = 1;\nconst two" });
  });

  it("refuses overlapping edits", () => {
    expect(() => mergeEdits(text, [{ range: [0, 5], text: "" }, { range: [3, 8], text: "" }])).toThrow(/overlapping/);
  });
});

describe("applyEditGroups", () => {
  it("applies non-conflicting groups and leaves a conflicting one for the next pass", () => {
    const { output, applied } = applyEditGroups(text, [
      [{ range: [6, 7], text: "x" }],
      [{ range: [0, 12], text: "// gone" }],
      [{ range: [23, 24], text: "3" }],
    ]);
    expect(applied).toEqual([0, 2]);
    expect(output).toBe("const x = 1;\nconst b = 3;\n");
  });

  it("keeps the groups' order for insertions at one point and applies a shared edit once", () => {
    const shared = { range: [0, 0] as const, text: "import x;\n" };
    const { output, applied } = applyEditGroups(text, [
      [shared, { range: [13, 13], text: "A\n" }],
      [shared, { range: [13, 13], text: "B\n" }],
    ]);
    expect(applied).toEqual([0, 1]);
    expect(output).toBe("import x;\nconst a = 1;\nA\nB\nconst b = 2;\n");
  });

  it("an insertion inside a replaced range conflicts", () => {
    const { applied } = applyEditGroups(text, [[{ range: [0, 12], text: "" }], [{ range: [5, 5], text: "!" }]]);
    expect(applied).toEqual([0]);
  });
});

describe("lineEnding", () => {
  it("is the file's first line ending", () => {
    expect(lineEnding("a\r\nb\n")).toBe("\r\n");
    expect(lineEnding("a\nb\r\n")).toBe("\n");
    expect(lineEnding("one line")).toBe("\n");
  });
});

describe("dedented", () => {
  const code = "function f() {\n  const s = z.object({\n    a: z.string(),\n  });\n}\n";
  const start = code.indexOf("z.object");
  const node = { range: [start, code.indexOf(");\n}") + 1] as const };
  it("removes the indentation of the node's first line from the lines after it", () => {
    expect(dedented(code, node)).toBe("z.object({\n  a: z.string(),\n})");
  });
  it("starts where asked (a declaration with the comments above it) and keeps lines indented less", () => {
    const from = code.indexOf("const s");
    expect(dedented(code, node, from)).toBe("const s = z.object({\n  a: z.string(),\n})");
    const ragged = "  a(\nb)";
    expect(dedented(ragged, { range: [2, ragged.length] })).toBe("a(\nb)");
  });
  it("leaves text at column 0 as it is", () => {
    expect(dedented("x(\n  y)", { range: [0, 7] })).toBe("x(\n  y)");
  });
});
