// lib/edits/function-text.ts: the closure's text in its new place, original text kept where nothing changes.
import type { TSESTree } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import type { FunctionNode } from "../../lib/analysis/ast.js";
import {
  annotatedFunctionText,
  conciseBodyText,
  functionDeclarationText,
  hasThisParameter,
  isMethodShorthand,
  methodAsFunctionExpression,
  paramName,
  parameterListRange,
  paramsNeedingTypes,
  movedText,
} from "../../lib/edits/function-text.js";
import { fileStyle } from "../../lib/edits/style.js";
import { functionAt, parse } from "../snippets.js";

function fnIn(code: string, marker: string) {
  const source = parse(code);
  return { source, fn: functionAt(source, marker) };
}

/** Annotations for every parameter that needs one, all `T`. */
function typed(fn: FunctionNode): Map<TSESTree.Parameter, string> {
  return new Map(paramsNeedingTypes(fn).map((param) => [param, "T"]));
}

describe("parameters", () => {
  it("paramsNeedingTypes: unannotated parameters (not `this`, not annotated defaults)", () => {
    const { source, fn } = fnIn(`f(function (this: X, a, b: B, c = 1, d: D = 2, { e }, ...rest) {});`, "function");
    expect(paramsNeedingTypes(fn).map((param) => paramName(source, param))).toEqual(["a", "c", "{ e }", "...rest"]);
    expect(hasThisParameter(fn)).toBe(true);
  });

  it("parameterListRange includes the parentheses, a trailing comma and comments; none for `n =>`", () => {
    const code = `f((\n  n, // years\n) => n);\ng(n => n);`;
    const source = parse(code);
    const [a, b] = [functionAt(source, "(\n"), functionAt(source, "n =>")];
    expect(code.slice(...parameterListRange(source, a)!)).toBe("(\n  n, // years\n)");
    expect(code.slice(...parameterListRange(source, b)!)).toBe("n");
  });

  it("annotatedFunctionText adds annotations (parenthesising `s => …`), defaults kept", () => {
    const { source, fn } = fnIn(`f(s => s.trim());`, "s =>");
    expect(annotatedFunctionText(source, fn, typed(fn))).toBe("(s: T) => s.trim()");
    const other = fnIn(`f((a, b = 1) => a + b);`, "(a");
    expect(annotatedFunctionText(other.source, other.fn, typed(other.fn))).toBe("(a: T, b: T = 1) => a + b");
    expect(annotatedFunctionText(other.source, other.fn, new Map())).toBe("(a, b = 1) => a + b");
  });
});

describe("methods and declarations", () => {
  it("a method shorthand becomes a function expression (async and generators kept)", () => {
    const { source, fn } = fnIn(`f({ async *test(v) { yield v; } });`, "(v)");
    expect(isMethodShorthand(fn)).toBe(true);
    expect(methodAsFunctionExpression(source, fn as TSESTree.FunctionExpression)).toBe("async function* (v) { yield v; }");
  });

  it("functionDeclarationText keeps type parameters, return type and the parameter list as written", () => {
    const { source, fn } = fnIn(`f(<U,>(a: U,): a is U => /* always */ true);`, "<U");
    expect(functionDeclarationText(source, fn, "isU", new Map(), fileStyle(source), "\n")).toBe(
      "function isU<U,>(a: U,): a is U {\n  return (/* always */ true);\n}",
    );
  });

  it("a concise body behind a comment is parenthesised so `return` cannot end at a line break", () => {
    const { source, fn } = fnIn(`f((n) =>\n  // positive\n  n > 0);`, "(n)");
    expect(conciseBodyText(source, fn)).toBe("(// positive\n  n > 0)");
    const plain = fnIn(`f((n) => (n > 0));`, "(n)");
    expect(conciseBodyText(plain.source, plain.fn)).toBe("(n > 0)");
  });

  it("a named function expression has no declaration form (its name may be used inside)", () => {
    const { source, fn } = fnIn(`f(function fact(n) { return n && fact(n - 1); });`, "function");
    expect(functionDeclarationText(source, fn, "x", new Map(), fileStyle(source), "\n")).toBeUndefined();
  });
});

describe("moved text", () => {
  it("movedText re-bases continuation lines to the indentation of the new place", () => {
    const code = `function f() {\n  return g((n) => {\n    return n > 0;\n  });\n}`;
    const { source, fn } = fnIn(code, "(n)");
    expect(movedText(source, fn, code.slice(...fn.range))).toBe("(n) => {\n  return n > 0;\n}");
  });
  it("movedText leaves a closure with a multi-line template literal as it is (its text would change)", () => {
    const code = `function f() {\n  return g((n) => \`a\n    b\` + n);\n}`;
    const { source, fn } = fnIn(code, "(n)");
    expect(movedText(source, fn, code.slice(...fn.range))).toBe(code.slice(...fn.range));
  });
});
