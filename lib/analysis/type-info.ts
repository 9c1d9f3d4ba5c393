// Optional type information (typescript-eslint parser services with a program). Every rule works
// without it; with it, receivers that syntax cannot trace and annotations for hoisted closures sharpen.
import { createRequire } from "node:module";
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";

export interface TypeInfo {
  readonly program: ts.Program;
  readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined };
}

/** typescript-eslint parser services, when a program is there. */
export function typeInfoFrom(services: unknown): TypeInfo | undefined {
  const s = services as Partial<TypeInfo> | undefined;
  if (!s?.program || !s.esTreeNodeToTSNodeMap) return undefined;
  return { program: s.program, esTreeNodeToTSNodeMap: s.esTreeNodeToTSNodeMap };
}

let typescript: typeof ts | undefined;

/**
 * The TypeScript module, loaded on first use: only code that already has type information calls it
 * (installing the plugin needs no TypeScript). Flags are read by name from it — their numbers change
 * between TypeScript versions.
 */
export function loadTypeScript(): typeof ts {
  typescript ??= createRequire(import.meta.url)("typescript") as typeof ts;
  return typescript;
}

/** A primitive type (string, number, bigint, boolean, enum, their literals, undefined, null, void), or a union of them. */
export function isPrimitiveType(type: ts.Type): boolean {
  const F = loadTypeScript().TypeFlags;
  const primitive = F.StringLike | F.NumberLike | F.BigIntLike | F.BooleanLike | F.EnumLike | F.Undefined | F.Null | F.Void;
  return type.isUnion() ? type.types.every(isPrimitiveType) : (type.flags & primitive) !== 0;
}
