// With type information: receivers that syntax cannot trace (`userSchema.refine(…)` where
// `userSchema` is imported from another module, or a parameter typed as a schema) are recognised
// by where their type is declared: inside a catalogued library's package.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type * as ts from "typescript";
import { type VisitorKeys, memberName, walk } from "./ast.js";
import { type LibraryEntry, catalogue } from "./catalogue.js";
import type { TypeInfo } from "./type-info.js";

export interface TypedRoot {
  readonly node: TSESTree.Node;
  readonly library: LibraryEntry;
}

let methodNames: Set<string> | undefined;
function catalogueMethodNames(): Set<string> {
  methodNames ??= new Set(
    catalogue.flatMap((library) => library.apis.filter((api) => api.on !== "builder").flatMap((api) => api.names)),
  );
  return methodNames;
}

function packagesOf(library: LibraryEntry): string[] {
  const roots = [...library.modules, ...(library.modulePrefixes ?? []).map((prefix) => prefix.replace(/\/.*$/, ""))];
  return [...new Set([...roots.filter((name) => !name.includes("/") || name.startsWith("@")), ...(library.typePackages ?? [])])];
}

function libraryOfFile(fileName: string): LibraryEntry | undefined {
  const normalized = fileName.replace(/\\/g, "/");
  for (const library of catalogue) {
    for (const pkg of packagesOf(library)) {
      if (normalized.includes(`/node_modules/${pkg}/`)) return library;
    }
  }
  return undefined;
}

function libraryOfType(type: ts.Type, checker: ts.TypeChecker, depth = 0): LibraryEntry | undefined {
  if (depth > 3) return undefined;
  const symbols = [type.getSymbol(), type.aliasSymbol].filter((symbol): symbol is ts.Symbol => symbol !== undefined);
  for (const symbol of symbols) {
    for (const declaration of symbol.getDeclarations() ?? []) {
      const library = libraryOfFile(declaration.getSourceFile().fileName);
      if (library) return library;
    }
  }
  if (type.isUnionOrIntersection()) {
    for (const part of type.types) {
      const library = libraryOfType(part, checker, depth + 1);
      if (library) return library;
    }
  }
  return undefined;
}

/** Method-call receivers not traced by syntax whose type comes from a schema library. */
export function typedReceiverRoots(
  ast: TSESTree.Program,
  visitorKeys: VisitorKeys,
  info: TypeInfo,
  traced: { readonly schemaNodes: ReadonlySet<TSESTree.Node>; readonly tracedNodes: ReadonlySet<TSESTree.Node> },
): TypedRoot[] {
  const names = catalogueMethodNames();
  const checker = info.program.getTypeChecker();
  const roots: TypedRoot[] = [];
  walk(ast, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return true;
    const name = memberName(node.callee);
    const object = node.callee.object;
    if (name === undefined || !names.has(name) || traced.schemaNodes.has(object) || traced.tracedNodes.has(object)) return true;
    const tsNode = info.esTreeNodeToTSNodeMap.get(object);
    if (!tsNode) return true;
    const library = libraryOfType(checker.getTypeAtLocation(tsNode), checker);
    if (library) roots.push({ node: object, library });
    return true;
  });
  return roots;
}
