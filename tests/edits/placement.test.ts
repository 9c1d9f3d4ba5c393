// lib/edits/placement.ts: where module-level code goes.
import type { TSESTree } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import { earlyCaller, insertionPoint, runsBeforeModuleBody, topLevelStatement } from "../../lib/edits/placement.js";
import { nodeAt, parse } from "../snippets.js";

describe("topLevelStatement / runsBeforeModuleBody", () => {
  const source = parse(`export function f() { return g(1); }
const h = () => g(2);
export default function () { return g(3); }`);
  it("finds the statement of the Program body around a node", () => {
    expect(topLevelStatement(nodeAt(source, "g(1)")).type).toBe("ExportNamedDeclaration");
    expect(topLevelStatement(nodeAt(source, "g(2)")).type).toBe("VariableDeclaration");
  });
  it("is true for (exported) function declarations, whose bodies can run before the module body", () => {
    const [f, h, d] = source.ast.body as TSESTree.ProgramStatement[];
    expect([runsBeforeModuleBody(f!), runsBeforeModuleBody(h!), runsBeforeModuleBody(d!)]).toEqual([true, false, true]);
  });
});

describe("insertionPoint", () => {
  const at = (code: string, marker: string) => {
    const source = parse(code);
    return code.slice(insertionPoint(source, topLevelStatement(nodeAt(source, marker))));
  };
  it("goes above the comments attached to the statement, at the start of its line", () => {
    expect(at(`import x from "x";\n\n// handles users\n  export function f() {}\n`, "export")).toBe("// handles users\n  export function f() {}\n");
  });
  it("does not take a comment separated by a blank line", () => {
    expect(at(`const a = 1;\n// about a\n\nfunction f() {}\n`, "function")).toBe("function f() {}\n");
  });
  it("keeps a license header on top", () => {
    expect(at(`/* (c) ACME */\nfunction f() {}\n`, "function")).toBe("function f() {}\n");
  });
});

describe("earlyCaller", () => {
  const reason = (code: string, marker: string) => {
    const source = parse(code);
    return earlyCaller(topLevelStatement(nodeAt(source, marker)), source.scopeManager);
  };
  it("is undefined for code that cannot run before the module body (a const function, a declaration called below)", () => {
    expect(reason(`const f = () => g(1);\n`, "g(1)")).toBeUndefined();
    expect(reason(`function f() { return g(1); }\nf();\n`, "g(1)")).toBeUndefined();
  });
  it("names an exported declaration, also one exported by a specifier or as default", () => {
    expect(reason(`export function f() { return g(1); }\n`, "g(1)")).toBe("`f` is an exported function declaration: a circular import can call it before the module body reaches the constant");
    expect(reason(`function f() { return g(1); }\nexport { f };\n`, "g(1)")).toMatch(/^`f` is an exported function declaration/);
    expect(reason(`export default function () { return g(1); }\n`, "g(1)")).toMatch(/^the default export is an exported function declaration/);
  });
  it("finds a call at module level above the declaration, and one through another declaration that runs early", () => {
    expect(reason(`f();\nfunction f() { return g(1); }\n`, "g(1)")).toBe("`f` is called at module level above its declaration, before the constant is initialised");
    expect(reason(`function f() { return g(1); }\nexport function h() { return f(); }\n`, "g(1)")).toBe(
      "`f` is called from `h`, and `h` is an exported function declaration: a circular import can call it before the module body reaches the constant",
    );
    expect(reason(`function f() { return g(1) && f(); }\nconst k = () => f();\n`, "g(1)")).toBeUndefined();
  });
});
