// Parameter annotations for hoisted closures, from type information when it is available.
// A printed type is used only when it is complete (no truncation) and every name it uses can be
// written at module level; otherwise the planner wraps instead of hoisting.
import { createRequire } from "node:module";
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ts from "typescript";
import type { SourceInput } from "../analysis/index.js";
import type { TypeInfo } from "../analysis/type-info.js";

export type { TypeInfo } from "../analysis/type-info.js";
export { typeInfoFrom } from "../analysis/type-info.js";

let typescript: typeof ts | undefined;
function loadTypeScript(): typeof ts {
  typescript ??= createRequire(import.meta.url)("typescript") as typeof ts;
  return typescript;
}

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
