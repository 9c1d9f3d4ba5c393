// Unit tests of analyzeCaptures: one test per known trap (CONTRIBUTING.md, "Known traps"), asserting values, types,
// binding kinds, reassignment and the lexical this/arguments/super/new.target flags.
import { parseForESLint } from "@typescript-eslint/parser";
import type { TSESTree } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { type FunctionNode, type VisitorKeys, isInlineFunction, setParents, walk } from "../../lib/analysis/ast.js";
import { type CaptureInfo, analyzeCaptures, blockersOf } from "../../lib/analysis/captures.js";
import type { ScopeManager } from "../../lib/analysis/bindings.js";

/** Analyzes the inline function that starts at `marker` (its first occurrence) in `code`. */
function capturesAt(code: string, marker: string, jsx = false): CaptureInfo {
  const parsed = parseForESLint(code, { range: true, loc: true, sourceType: "module", ecmaFeatures: { jsx } });
  const ast = parsed.ast as TSESTree.Program;
  const visitorKeys = parsed.visitorKeys as VisitorKeys;
  setParents(ast, visitorKeys);
  const start = code.indexOf(marker);
  if (start < 0) throw new Error(`marker not found: ${marker}`);
  let fn: FunctionNode | undefined;
  walk(ast, visitorKeys, (node) => {
    if (!fn && isInlineFunction(node) && node.range[0] === start) fn = node;
    return !fn;
  });
  if (!fn) throw new Error(`no inline function at: ${marker}`);
  return analyzeCaptures(fn, parsed.scopeManager as unknown as ScopeManager, visitorKeys);
}

const summary = (info: CaptureInfo) => ({
  values: info.values.map((c) => [c.name, c.binding, c.reassigned]),
  types: info.types.map((c) => [c.name, c.binding]),
  flags: { this: info.usesThis, arguments: info.usesArguments, super: info.usesSuper, newTarget: info.usesNewTarget, ownThis: info.usesOwnThis },
});

const noFlags = { this: false, arguments: false, super: false, newTarget: false, ownThis: false };

describe("analyzeCaptures", () => {
  it("captures a parameter of the enclosing function", () => {
    const info = capturesAt(`function f(min: number) { return (s: string) => s.length > min; }`, "(s: string)");
    expect(summary(info)).toEqual({ values: [["min", "parameter", false]], types: [], flags: noFlags });
    expect(info.values[0]!.value).toBe(true);
    expect(info.values[0]!.reference.name).toBe("min");
    expect(info.values[0]!.variable.name).toBe("min");
  });

  it("lists several captures once each, in order of first use", () => {
    const info = capturesAt(`function f(min: number, max: number) { return (n: number) => n < max && n > min && n !== max; }`, "(n: number)");
    expect(info.values.map((c) => c.name)).toEqual(["max", "min"]);
  });

  it("does not capture module-level bindings, imports or globals", () => {
    const info = capturesAt(
      `import { limit } from "./limits";
const base = 1;
function f() { return (n: number) => n > limit + base && Number.isFinite(n) && typeof window !== "undefined"; }`,
      "(n: number)",
    );
    expect(summary(info)).toEqual({ values: [], types: [], flags: noFlags });
  });

  it("treats a generic type parameter as a type-only capture", () => {
    const info = capturesAt(`function f<T>() { return (v: T) => v != null; }`, "(v: T)");
    expect(summary(info)).toEqual({ values: [], types: [["T", "type-parameter"]], flags: noFlags });
    expect(info.types[0]!.value).toBe(false);
  });

  it("treats type arguments, `as` and instantiation expressions as type positions", () => {
    const info = capturesAt(`function f<T>(x: unknown) { return (v: unknown) => (v as T) === x && v instanceof Array<T>; }`, "(v: unknown)");
    expect(info.values.map((c) => c.name)).toEqual(["x"]);
    expect(info.types.map((c) => c.name)).toEqual(["T"]);
  });

  it("treats a local interface and a local type alias as type-only captures", () => {
    const info = capturesAt(
      `function f() { interface Local { a: string } type Alias = { b: number }; return (v: Local, w: Alias) => v.a === String(w.b); }`,
      "(v: Local",
    );
    expect(summary(info)).toEqual({ values: [], types: [["Local", "type"], ["Alias", "type"]], flags: noFlags });
  });

  it("treats `typeof local` as a type-only use of a value binding", () => {
    const info = capturesAt(`function f() { const local = { c: 1 }; return (v: typeof local) => v.c === 1; }`, "(v: typeof");
    expect(summary(info)).toEqual({ values: [], types: [["local", "const"]], flags: noFlags });
  });

  it("counts a binding used both as `typeof` and as a value as a value capture", () => {
    const info = capturesAt(`function f() { const local = { c: 1 }; return (v: typeof local) => v === local; }`, "(v: typeof");
    expect(summary(info)).toEqual({ values: [["local", "const", false]], types: [], flags: noFlags });
  });

  it("does not capture the closure's own type parameters", () => {
    const info = capturesAt(`function f() { return <V,>(v: V): v is V => v != null; }`, "<V,>");
    expect(summary(info)).toEqual({ values: [], types: [], flags: noFlags });
  });

  it("reports lexical `this` in an arrow (also through a nested arrow) but not in a nested function", () => {
    const arrow = capturesAt(`class A { x = 1; m() { return (s: number) => [1].some(() => s === this.x); } }`, "(s: number)");
    expect(arrow.usesThis).toBe(true);
    expect(arrow.usesOwnThis).toBe(false);
    const nested = capturesAt(`class A { m() { return (s: number) => [1].some(function (this: A) { return this === undefined; }); } }`, "(s: number)");
    expect(nested.usesThis).toBe(false);
  });

  it("marks a function expression reading its own `this` (yup's this.parent) as usesOwnThis, not a capture", () => {
    const info = capturesAt(`function f(other: string) { return function (value: string) { return value === this.parent[other]; }; }`, "function (value");
    expect(summary(info)).toEqual({ values: [["other", "parameter", false]], types: [], flags: { ...noFlags, ownThis: true } });
    expect(blockersOf(info)).toEqual(["other"]);
  });

  it("reports lexical `arguments` in an arrow, not the function's own `arguments`", () => {
    const arrow = capturesAt(`function f() { return (s: string) => s === arguments[0]; }`, "(s: string)");
    expect(summary(arrow)).toEqual({ values: [], types: [], flags: { ...noFlags, arguments: true } });
    const own = capturesAt(`function f() { return function (s: string) { return arguments.length > 0 && s !== ""; }; }`, "function (s");
    expect(summary(own)).toEqual({ values: [], types: [], flags: noFlags });
  });

  it("does not treat a property named `arguments` as the arguments object", () => {
    const info = capturesAt(`function f() { return (call: { arguments: unknown[] }) => call.arguments.length > 0; }`, "(call:");
    expect(info.usesArguments).toBe(false);
  });

  it("reports lexical `super` and `new.target`", () => {
    const info = capturesAt(`class B extends A { constructor() { super(); use((s: string) => super.check(s) && new.target !== undefined); } }`, "(s: string)");
    expect(summary(info).flags).toEqual({ ...noFlags, super: true, newTarget: true });
    expect(blockersOf(info)).toEqual(["super", "new.target"]);
  });

  it("captures a block-scoped const declared in a loop body", () => {
    const info = capturesAt(`function f(items: number[]) { for (const item of items) { const lim = item * 2; use((n: number) => n > lim && n < item); } }`, "(n: number)");
    expect(summary(info).values).toEqual([["lim", "const", false], ["item", "const", false]]);
  });

  it("captures sibling local functions and arrows", () => {
    const info = capturesAt(
      `function f() { function helper(n: number) { return n > 0; } const arrow = (n: number) => n > 1; return (n: number) => helper(n) && arrow(n); }`,
      "(n: number) => helper",
    );
    expect(summary(info).values).toEqual([["helper", "function", false], ["arrow", "const", false]]);
  });

  it("captures a hoisted `var` declared after the closure", () => {
    const info = capturesAt(`function f() { use((n: number) => n > hoisted); var hoisted = 1; }`, "(n: number)");
    expect(summary(info).values).toEqual([["hoisted", "var", false]]);
  });

  it("does not count a named function expression calling itself as a capture", () => {
    const info = capturesAt(`function f() { return function self(n: number): boolean { return n <= 0 || self(n - 1); }; }`, "function self");
    expect(summary(info)).toEqual({ values: [], types: [], flags: noFlags });
  });

  it("ignores a TypeScript `this` parameter", () => {
    const info = capturesAt(`function f() { return function (this: Window, n: number) { return n > 0; }; }`, "function (this");
    expect(summary(info)).toEqual({ values: [], types: [], flags: noFlags });
  });

  it("marks reassigned bindings (let written later, parameter reassigned) and not the never-reassigned let", () => {
    const info = capturesAt(
      `function f(p: number) { let counter = 0; let fixed = 1; counter++; p = 2; return (n: number) => n > counter && n > fixed && n > p; }`,
      "(n: number)",
    );
    expect(summary(info).values).toEqual([["counter", "let", true], ["fixed", "let", false], ["p", "parameter", true]]);
  });

  it("reports binding kinds of class, enum, catch clause and local import-like declarations", () => {
    const info = capturesAt(
      `function f() { class Local {} enum E { A } try { g(); } catch (err) { return (v: unknown) => v instanceof Local || v === E.A || v === err; } }`,
      "(v: unknown)",
    );
    expect(summary(info).values).toEqual([["Local", "class", false], ["E", "enum", false], ["err", "catch", false]]);
  });

  it("captures a locally declared component used in JSX", () => {
    const info = capturesAt(`function Page() { const Row = () => null; return (items: string[]) => items.map((i) => <Row key={i} />); }`, "(items", true);
    expect(summary(info).values).toEqual([["Row", "const", false]]);
  });

  it("blockersOf lists values, then types, then this/arguments", () => {
    const info = capturesAt(`function f<T>(min: number) { return (v: T) => v != null && min > 0 && this === arguments[0]; }`, "(v: T)");
    expect(blockersOf(info)).toEqual(["min", "T", "this", "arguments"]);
  });
});
