// lib/edits/types.ts: printed parameter types, used only when complete and writable at module level.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { setParents } from "../../lib/analysis/ast.js";
import type { SourceInput } from "../../lib/analysis/index.js";
import { parseSource } from "../../lib/edits/parse.js";
import { expressionCaptures } from "../../lib/analysis/expression-captures.js";
import { primitiveType, portableParameterTypes, typeInfoFrom, typeNamesIn } from "../../lib/edits/types.js";
import { functionAt, nodeAt } from "../snippets.js";

describe("typeNamesIn", () => {
  it("lists the names a printed type refers to, not property names, parameter names or strings", () => {
    expect(typeNamesIn(`{ name: string; tags?: Tag[]; "x y": Map<K, V> }`)).toEqual(["Tag", "Map", "K", "V"]);
    expect(typeNamesIn(`(ctx: RefinementCtx, kind: "a" | 'Local') => void`)).toEqual(["RefinementCtx"]);
    expect(typeNamesIn(`z.infer<typeof User>`)).toEqual(["z", "User"]);
  });
});

describe("portableParameterTypes", () => {
  const code = `type Point = { x: number };
function take(f: (p: Point) => boolean) {}
function local() {
  type Inner = { y: number };
  const g = (f: (i: Inner) => boolean) => f;
  take((p) => p.x > 0);
  g((i) => i.y > 0);
}
`;
  const file = path.join(process.cwd(), "portable.ts");
  const host = ts.createCompilerHost({ strict: true, noEmit: true });
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    path.resolve(name) === file ? ts.createSourceFile(name, code, version, true) : read(name, version, onError, create);
  const program = ts.createProgram({ rootNames: [file], options: { strict: true, noEmit: true, types: [] }, host });
  const parsed = parseSource(code, { filename: file, programs: [program] });
  setParents(parsed.ast, parsed.visitorKeys);
  const source = { text: code, ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys } as unknown as SourceInput;
  const info = typeInfoFrom(parsed.services)!;

  it("prints a type whose names are in scope at module level", () => {
    const fn = functionAt(source, "(p) =>");
    expect([...portableParameterTypes(info, source, fn.params)!.values()]).toEqual(["Point"]);
  });

  it("gives up on a local type", () => {
    const fn = functionAt(source, "(i) =>");
    expect(portableParameterTypes(info, source, fn.params)).toBeUndefined();
  });
});

describe("primitiveType", () => {
  const code = `import { z } from "zod";
type Local = { a: number };
export function f(max: number, name: "a" | "b", opts: Local, anything?, on: boolean = false, flag?: boolean) {
  const min = 1;
  const label = \`x\${max}\`;
  const re = /x/;
  let count: number | undefined = 0;
  return z.tuple([z.literal(max), z.literal(name), z.any().default(opts), z.literal(anything), z.literal(min), z.literal(label), z.any().default(re), z.literal(count), z.literal(on), z.literal(flag)]);
}
`;
  const file = path.join(process.cwd(), "primitive.ts");
  const host = ts.createCompilerHost({ strict: true, noEmit: true });
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    path.resolve(name) === file ? ts.createSourceFile(name, code, version, true) : read(name, version, onError, create);
  const program = ts.createProgram({ rootNames: [file], options: { strict: true, noEmit: true, types: [] }, host });
  const types = (withTypes: boolean) => {
    const parsed = parseSource(code, { filename: file, ...(withTypes ? { programs: [program] } : {}) });
    setParents(parsed.ast, parsed.visitorKeys);
    const source = { text: code, ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys } as unknown as SourceInput;
    const info = withTypes ? typeInfoFrom(parsed.services) : undefined;
    const node = nodeAt(source, "z.tuple", "CallExpression");
    const captures = expressionCaptures(node, source.scopeManager, source.visitorKeys, 0);
    return Object.fromEntries(captures.values.map((capture) => [capture.name, primitiveType(capture, info, code)]));
  };

  it("without type information: annotations of primitive types, and const literals", () => {
    expect(types(false)).toEqual({
      max: { type: "number" },
      name: { type: `"a" | "b"` },
      opts: { reason: "without type information it cannot tell that `opts` is a primitive" },
      anything: { reason: "without type information it cannot tell that `anything` is a primitive" },
      min: { type: "number" },
      label: { type: "string" },
      re: { reason: "without type information it cannot tell that `re` is a primitive" },
      count: { type: "number | undefined" },
      on: { type: "boolean" },
      // Optional: `boolean | undefined` inside the function, so the factory parameter takes undefined too.
      flag: { type: "boolean | undefined" },
    });
  });

  it("with type information: the printed type (a single literal widened, a union of literals kept); objects are keyed by identity", () => {
    expect(types(true)).toMatchObject({
      max: { type: "number" },
      opts: { reason: "`opts` is not a primitive (Local), and schemaFactory would key it by identity" },
      name: { type: `"a" | "b"` },
      min: { type: "number" },
      label: { type: "string" },
      re: { reason: "`re` is not a primitive (RegExp), and schemaFactory would key it by identity" },
      // Flags are read by name from the loaded TypeScript (their numbers changed in TypeScript 6).
      on: { type: "boolean" },
      flag: { type: "boolean | undefined" },
    });
  });
});
