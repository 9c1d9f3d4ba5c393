// Parameter annotations for hoisted closures, from type information when it is available.
// A printed type is used only when it is complete (no truncation) and every name it uses can be
// written at module level; otherwise the planner wraps instead of hoisting. The same holds for the
// primitive parameter types of a `schemaFactory` fix (`primitiveType`).
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import { unwrapExpression } from "../analysis/ast.js";
import type { Capture } from "../analysis/captures.js";
import type { SourceInput } from "../analysis/index.js";
import { type TypeInfo, isPrimitiveType, loadTypeScript } from "../analysis/type-info.js";

export type { TypeInfo } from "../analysis/type-info.js";
export { typeInfoFrom } from "../analysis/type-info.js";


const keywords = new Set(
  (
    "string number boolean any unknown never void undefined null object symbol bigint true false readonly keyof typeof " +
    "infer extends is asserts unique this new"
  ).split(" "),
);

const moduleNamesMemo = new WeakMap<ts.SourceFile, Set<string>>();

function moduleLevelTypeNames(checker: ts.TypeChecker, sourceFile: ts.SourceFile, tsApi: typeof ts): Set<string> {
  let names = moduleNamesMemo.get(sourceFile);
  if (!names) {
    names = new Set(
      checker
        .getSymbolsInScope(sourceFile, tsApi.SymbolFlags.Type | tsApi.SymbolFlags.Namespace | tsApi.SymbolFlags.Alias)
        .map((symbol) => symbol.name),
    );
    moduleNamesMemo.set(sourceFile, names);
  }
  return names;
}

/** Names a printed type refers to (property names, parameter names and string contents excluded). */
export function typeNamesIn(printed: string): string[] {
  const withoutStrings = printed.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
  const names: string[] = [];
  const pattern = /([A-Za-z_$][\w$]*)(\s*\??\s*:)?/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(withoutStrings))) {
    if (withoutStrings[match.index - 1] === ".") continue; // qualified tail: the head decides
    if (match[2] !== undefined) continue; // a property or parameter name
    if (keywords.has(match[1]!)) continue;
    names.push(match[1]!);
  }
  return names;
}

/**
 * Printed types for the parameters that relied on contextual typing, or undefined when any of them
 * cannot be written at module level (truncated, `import(…)`, or a name not in scope there).
 */
export function portableParameterTypes(
  info: TypeInfo,
  source: SourceInput,
  params: readonly TSESTree.Parameter[],
): Map<TSESTree.Parameter, string> | undefined {
  const tsApi = loadTypeScript();
  const checker = info.program.getTypeChecker();
  const sourceFile = info.esTreeNodeToTSNodeMap.get(source.ast) as ts.SourceFile | undefined;
  if (!sourceFile) return undefined;
  const inScope = moduleLevelTypeNames(checker, sourceFile, tsApi);
  const result = new Map<TSESTree.Parameter, string>();
  for (const param of params) {
    const tsNode = info.esTreeNodeToTSNodeMap.get(param);
    if (!tsNode) return undefined;
    const declaration = tsApi.isParameter(tsNode) ? tsNode : tsNode.parent && tsApi.isParameter(tsNode.parent) ? tsNode.parent : undefined;
    if (!declaration) return undefined;
    const type = checker.getTypeAtLocation(declaration);
    const flags =
      tsApi.TypeFormatFlags.NoTruncation |
      tsApi.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
      tsApi.TypeFormatFlags.WriteArrowStyleSignature;
    // Written as formatters print object types: `{ a: string; b: number }` (no `;` before `}`).
    const printed = checker.typeToString(type, sourceFile, flags).replace(/;(\s*)\}/g, "$1}");
    if (printed.includes("...") || printed.includes("import(") || /\btypeof\b/.test(printed)) return undefined;
    // An annotation `any` would trade an inferred type for an explicit one (no-explicit-any): wrap instead.
    if (/\bany\b/.test(printed.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) return undefined;
    if (typeNamesIn(printed).some((name) => !inScope.has(name))) return undefined;
    result.set(param, printed);
  }
  return result;
}

/**
 * A package installed twice at one version (`a/node_modules/x` and `b/node_modules/x`) is read once:
 * the program answers for the second path with a *redirect* source file that points at the first.
 * A compiler host must hand back the file as read from that path (TypeScript asserts it: "Host should
 * not return a redirect source file"); the program rebuilds the redirect itself.
 */
function unredirected(file: ts.SourceFile | undefined): ts.SourceFile | undefined {
  const redirect = (file as (ts.SourceFile & { redirectInfo?: { unredirected: ts.SourceFile } }) | undefined)?.redirectInfo;
  return redirect ? redirect.unredirected : file;
}

/** `useSourceOfProjectReferenceRedirect` is a host hook TypeScript reads (typescript-eslint and the language service set it). */
type CompilerHostWithRedirects = ts.CompilerHost & { useSourceOfProjectReferenceRedirect?: () => boolean };

/**
 * `program` rebuilt with some files holding new text (`texts`: file name → text); a file the program
 * does not contain, or that already holds its text, is ignored (no change at all → `program` itself).
 * Every other SourceFile is handed back as read from its own path (see unredirected), and the compiler
 * options, root names and project references are the program's, so TypeScript reuses its structure
 * and re-parses only the changed files. Referenced projects are read from their sources when the
 * program did (a monorepo built by the CLI, codemods/lib/project.ts).
 */
export function programWithTexts(program: ts.Program, texts: ReadonlyMap<string, string>): ts.Program {
  const tsApi = loadTypeScript();
  const changed = new Map<string, string>();
  for (const [fileName, text] of texts) {
    const current = program.getSourceFile(tsApi.sys.resolvePath(fileName)) ?? program.getSourceFile(fileName);
    if (current && current.text !== text) changed.set(tsApi.sys.resolvePath(current.fileName), text);
  }
  if (changed.size === 0) return program;
  const options = program.getCompilerOptions();
  const host: CompilerHostWithRedirects = tsApi.createCompilerHost(options, true);
  const fallback = host.getSourceFile.bind(host);
  // The new program keeps its host: once it is built, the host must not keep the old program alive.
  let previous: ts.Program | undefined = program;
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const text = changed.get(tsApi.sys.resolvePath(name));
    if (text !== undefined) return tsApi.createSourceFile(name, text, languageVersion, true);
    return unredirected(previous?.getSourceFile(name)) ?? fallback(name, languageVersion, onError, shouldCreate);
  };
  const projectReferences = program.getProjectReferences();
  // Without the same references TypeScript cannot reuse the old program's structure at all.
  if (usesSourcesOfReferences(program)) host.useSourceOfProjectReferenceRedirect = () => true;
  const rebuilt = tsApi.createProgram({
    rootNames: program.getRootFileNames(),
    options,
    host,
    oldProgram: program,
    ...(projectReferences ? { projectReferences } : {}),
  });
  previous = undefined;
  changed.clear();
  return rebuilt;
}

/** Whether the program holds the sources of a referenced project (rather than its built .d.ts). */
function usesSourcesOfReferences(program: ts.Program): boolean {
  return (program.getResolvedProjectReferences() ?? []).some((reference) =>
    reference?.commandLine.fileNames.some((fileName) => !fileName.endsWith(".d.ts") && program.getSourceFile(fileName) !== undefined),
  );
}

/**
 * The program(s) with `fileName` holding `text`: after an edit pass the file's text differs from the
 * program's, and typescript-eslint parses from the program. Other files' SourceFiles are reused.
 * Programs that do not contain the file are dropped (typescript-eslint refuses files outside them).
 */
export function programsWithText(programs: readonly ts.Program[], fileName: string, text: string): ts.Program[] {
  const tsApi = loadTypeScript();
  const target = tsApi.sys.resolvePath(fileName);
  const texts = new Map([[fileName, text]]);
  return programs.flatMap((program) =>
    program.getSourceFile(target) ?? program.getSourceFile(fileName) ? [programWithTexts(program, texts)] : [],
  );
}

/**
 * The printed type of a captured value when it is a primitive (from type information, else from an
 * annotation or a `const` literal initialiser); a reason when it is not, or cannot be told.
 */
export function primitiveType(capture: Capture, typeInfo: TypeInfo | undefined, text: string): { type: string } | { reason: string } {
  if (typeInfo) {
    const tsNode = typeInfo.esTreeNodeToTSNodeMap.get(capture.reference as TSESTree.Node);
    if (tsNode) {
      const checker = typeInfo.program.getTypeChecker();
      let type = checker.getTypeAtLocation(tsNode);
      if (!isPrimitiveType(type)) return { reason: `\`${capture.name}\` is not a primitive (${checker.typeToString(type)}), and schemaFactory would key it by identity` };
      if (type.isLiteral() || (type.flags & loadTypeScript().TypeFlags.BooleanLiteral) !== 0) type = checker.getBaseTypeOfLiteralType(type);
      const printed = checker.typeToString(type, undefined, 1 /* NoTruncation */);
      if (typeNamesIn(printed).length > 0 || printed.includes("...")) return { reason: `the type of \`${capture.name}\` cannot be written at module level` };
      return { type: printed };
    }
  }
  const def = capture.variable.defs[0];
  if (def?.type === "Parameter" && def.name.type === AST_NODE_TYPES.Identifier && def.name.typeAnnotation) {
    const annotation = def.name.typeAnnotation.typeAnnotation;
    // `flag?: boolean` is `boolean | undefined` inside the function: the factory's parameter must take that too.
    if (isPrimitiveTypeNode(annotation)) return { type: text.slice(annotation.range[0], annotation.range[1]) + (def.name.optional ? " | undefined" : "") };
  }
  if (def?.type === "Variable" && def.node.id.type === AST_NODE_TYPES.Identifier) {
    const annotation = def.node.id.typeAnnotation?.typeAnnotation;
    if (annotation && isPrimitiveTypeNode(annotation)) return { type: text.slice(annotation.range[0], annotation.range[1]) };
    const init = def.node.init && unwrapExpression(def.node.init);
    if (def.parent.kind === "const" && init?.type === AST_NODE_TYPES.Literal && init.value !== null && !(init.value instanceof RegExp)) {
      return { type: typeof init.value };
    }
    if (def.parent.kind === "const" && init?.type === AST_NODE_TYPES.TemplateLiteral) return { type: "string" };
  }
  return { reason: `without type information it cannot tell that \`${capture.name}\` is a primitive` };
}

function isPrimitiveTypeNode(node: TSESTree.TypeNode): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSLiteralType:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return node.types.every(isPrimitiveTypeNode);
    default:
      return false;
  }
}
