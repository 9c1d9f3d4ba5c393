// Optional type information (typescript-eslint parser services with a program). Every rule works
// without it; with it, receivers that syntax cannot trace and annotations for hoisted closures sharpen.
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
