// lib/analysis/bindings.ts: the scope-and-binding layer every analysis uses.
import type { TSESTree } from "@typescript-eslint/types";
import { describe, expect, it } from "vitest";
import {
  bindingsHolding,
  inTemporalDeadZone,
  isConstLike,
  isGlobalReference,
  moduleImports,
  requireCalls,
  resolveIdentifier,
} from "../../lib/analysis/bindings.js";
import { nodeAt, parse } from "../snippets.js";

describe("moduleImports", () => {
  it("finds value imports of the wanted modules: namespace, default, named (aliased), import-equals, require", () => {
    const source = parse(`import * as ns from "m";
import d, { a as b, type T } from "m";
import type { U } from "m";
import other from "other";
import eq = require("m");
const r = require("m");
`);
    const found = moduleImports(source.ast, source.scopeManager, (specifier) => specifier === "m").map((entry) =>
      entry.type === "require" ? ["require"] : [entry.type, entry.type === "named" ? entry.imported : "", entry.variables.map((v) => v.name).join()],
    );
    expect(found).toEqual([["namespace", "", "ns"], ["default", "", "d"], ["named", "a", "b"], ["namespace", "", "eq"], ["require"]]);
  });

  it("requireCalls ignores a local `require`", () => {
    const source = parse(`function f(require: (s: string) => unknown) { return require("m"); }\nrequire("n");`);
    expect(requireCalls(source.scopeManager).map((entry) => entry.specifier)).toEqual(["n"]);
  });
});

describe("bindings", () => {
  const source = parse(`const a = f();
let b = f();
let c = f(); c = 2;
const { x, y: z } = f();
function g(p: number) { const a = p; return a; }
using u = f();
`);
  const variable = (marker: string) => resolveIdentifier(source.scopeManager, nodeAt<TSESTree.Identifier>(source, marker, "Identifier"))!;

  it("isConstLike: const, using, or let never reassigned", () => {
    expect([variable("a ="), variable("b ="), variable("c ="), variable("u =")].map(isConstLike)).toEqual([true, true, false, true]);
  });

  it("resolveIdentifier respects shadowing", () => {
    const inner = nodeAt<TSESTree.Identifier>(source, "a;", "Identifier");
    expect(resolveIdentifier(source.scopeManager, inner)!.scope.type).toBe("function");
    expect(isGlobalReference(source.scopeManager, nodeAt<TSESTree.Identifier>(source, "f()", "Identifier"))).toBe(true);
  });

  it("bindingsHolding: the const-like bindings a declarator's initialiser is stored in", () => {
    const held = (marker: string) => bindingsHolding(source.scopeManager, nodeAt(source, marker, "CallExpression")).map(({ variable, key }) => [variable.name, key]);
    expect(held("f();\nlet b")).toEqual([["a", undefined]]);
    expect(held("f();\nfunction")).toEqual([["x", "x"], ["z", "y"]]);
    expect(held("f(); c")).toEqual([]);
  });
});

describe("inTemporalDeadZone", () => {
  it("is true for a let/const/class declared below in the same activation, false inside a later-running function", () => {
    const source = parse(`function f() { use(late); const run = () => late; const late = 1; }`);
    const late = resolveIdentifier(source.scopeManager, nodeAt<TSESTree.Identifier>(source, "late)", "Identifier"))!;
    expect(inTemporalDeadZone(late, nodeAt(source, "use(late)", "CallExpression"))).toBe(true);
    expect(inTemporalDeadZone(late, nodeAt(source, "late;", "Identifier"))).toBe(false);
  });
});
