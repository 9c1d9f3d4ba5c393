// withKey checker, stage 3: what the closure reads and which key elements cover it.
import { describe, expect, it } from "vitest";
import { closureOf, keyCoverage, writeAfter } from "../../../lib/analysis/with-key/coverage.js";
import { keyShape } from "../../../lib/analysis/with-key/key.js";
import { calls, imp } from "./helpers.js";

function coverage(code: string) {
  const { source, calls: found } = calls(code);
  const call = found[0]!;
  const closure = closureOf(source.scopeManager, call.arguments[0])!;
  const key = keyShape(call);
  const result = keyCoverage(source, closure, key.kind === "array" ? key.elements : [], () => false);
  return { covered: [...result.covered].map((variable) => variable.name).sort(), unused: result.unused.map((entry) => entry.name), closure, call, source };
}

describe("closureOf", () => {
  it("is the inline function, or the function a const or declaration names (with itself as `self`)", () => {
    expect(coverage(`${imp}function f(m: number) { const c = (n: number) => n > m; return withKey(c, ["c", m]); }`).closure.self?.name).toBe("c");
    expect(coverage(`${imp}function f(m: number) { function d(n: number): boolean { return n > m || d(n - 1); } return withKey(d, ["d", m]); }`).closure.self?.name).toBe("d");
  });
});

describe("keyCoverage", () => {
  it("identifiers cover their binding; elements the closure does not read are unused", () => {
    expect(coverage(`${imp}function f(a: number, b: number, c: string) { return withKey((n: number) => n > a && n < b, ["k", a, c, undefined]); }`)).toMatchObject({
      covered: ["a"],
      unused: ["c"],
    });
  });

  it("a member path covers the binding only when every read goes through such a path (not as a call receiver)", () => {
    expect(coverage(`${imp}function f(u: { id: string }) { return withKey((s: string) => s === u.id, ["k", u.id]); }`).covered).toEqual(["u"]);
    expect(coverage(`${imp}function f(u: { id(): string }) { return withKey((s: string) => s === u.id(), ["k", u.id]); }`).covered).toEqual([]);
    expect(coverage(`${imp}function f(u: { id: string; n: string }) { return withKey((s: string) => s === u.id || s === u.n, ["k", u.id]); }`).covered).toEqual([]);
  });

  it("an expression element is unused when it reads a binding the closure does not", () => {
    expect(coverage(`${imp}function f(a: number, z: number) { return withKey((n: number) => n > a, ["k", a, z + 1]); }`).unused).toEqual(["z"]);
  });
});

describe("writeAfter", () => {
  it("finds writes that can run after the call: later in the body, in a loop around the call (not before it)", () => {
    const write = (code: string) => {
      const { closure, call, source } = coverage(code);
      const reference = [...source.scopeManager.acquire(closure.fn)!.through].find((ref) => ref.identifier.name === "m")!;
      return writeAfter(reference.resolved!, call)?.identifier.loc.start.line;
    };
    expect(write(`${imp}function f(p: number) {\n  let m = p;\n  const k = withKey((n: number) => n > m, ["k", m]);\n  m = 2;\n  return k;\n}`)).toBe(5); // line 1 is the import
    expect(write(`${imp}function f(p: number) {\n  let m = p;\n  m = 3;\n  return withKey((n: number) => n > m, ["k", m]);\n}`)).toBeUndefined();
    expect(write(`${imp}function f(xs: number[]) {\n  let m = 0;\n  for (const x of xs) {\n    use(withKey((n: number) => n > m, ["k", m]));\n    m = x;\n  }\n}`)).toBe(6);
  });
});
