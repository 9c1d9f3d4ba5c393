// Type information for the migration. By default each file gets the program of the tsconfig that owns
// it: the nearest tsconfig.json above it that includes it, directly or through its project references
// (a solution-style root config). Files are grouped by owning tsconfig and the groups run one after
// another, each program dropped before the next is built, so memory holds one program at a time.
// `--project <tsconfig>` forces one config for every file; `--no-project` turns types off.
// typescript is an optional peer dependency: when it is missing, or has no in-process compiler API
// (TypeScript 7), the run continues without types and says so once.
import { createRequire } from "node:module";
import { statSync } from "node:fs";
import path from "node:path";
import type * as ts from "typescript";
import { typeScriptApiProblem } from "../../lib/edits/typescript.js";

export class ProjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProjectError";
  }
}

export type TypeScriptApi = typeof ts;

/**
 * The typescript this package (and its typescript-eslint parser) loads: programs must come from the
 * same copy that parses them. A string says why there is none.
 */
export function loadTypeScript(): TypeScriptApi | string {
  const problem = typeScriptApiProblem();
  if (problem) return `${problem}; running without type information`;
  const api = createRequire(import.meta.url)("typescript") as TypeScriptApi & { default?: TypeScriptApi };
  return api.default ?? api;
}

interface ParsedConfig {
  readonly path: string;
  readonly parsed: ts.ParsedCommandLine;
  readonly files: ReadonlySet<string>;
}

function normalize(file: string): string {
  return path.resolve(file).split(path.sep).join("/");
}

/** Parses tsconfig files once each and finds the one that owns a source file. */
export class TsconfigIndex {
  private readonly parsed = new Map<string, ParsedConfig | null>();
  private readonly nearest = new Map<string, string | null>();
  /** Unreadable configs, with the reason: reported once in the summary. */
  readonly problems = new Map<string, string>();

  constructor(private readonly typescript: TypeScriptApi) {}

  /** Parses `configPath` (absolute); undefined (and a recorded problem) when it cannot be read. */
  config(configPath: string): ParsedConfig | undefined {
    const cached = this.parsed.get(configPath);
    if (cached !== undefined) return cached ?? undefined;
    const tsApi = this.typescript;
    const diagnostics: ts.Diagnostic[] = [];
    const host: ts.ParseConfigFileHost = { ...tsApi.sys, onUnRecoverableConfigFileDiagnostic: (d) => diagnostics.push(d) };
    let parsed: ts.ParsedCommandLine | undefined;
    try {
      parsed = tsApi.getParsedCommandLineOfConfigFile(configPath, undefined, host);
    } catch (error) {
      diagnostics.length = 0;
      this.problems.set(configPath, (error as Error).message);
    }
    if (!parsed || diagnostics.length > 0) {
      const text = diagnostics.map((d) => tsApi.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ");
      if (!this.problems.has(configPath)) this.problems.set(configPath, text || "unknown error");
      this.parsed.set(configPath, null);
      return undefined;
    }
    const entry: ParsedConfig = { path: configPath, parsed, files: new Set(parsed.fileNames.map(normalize)) };
    this.parsed.set(configPath, entry);
    return entry;
  }

  /** The config that includes `file`: `configPath` itself or one of its references, depth first. */
  private owner(configPath: string, file: string, seen: Set<string>): string | undefined {
    if (seen.has(configPath) || seen.size > 64) return undefined;
    seen.add(configPath);
    const config = this.config(configPath);
    if (!config) return undefined;
    if (config.files.has(file)) return configPath;
    for (const reference of config.parsed.projectReferences ?? []) {
      const referenced = this.typescript.resolveProjectReferencePath(reference);
      const found = this.owner(path.resolve(referenced), file, seen);
      if (found) return found;
    }
    return undefined;
  }

  private nearestConfigIn(dir: string): string | undefined {
    const cached = this.nearest.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    const candidate = path.join(dir, "tsconfig.json");
    let found: string | undefined;
    try {
      if (statSync(candidate).isFile()) found = candidate;
    } catch {
      found = undefined;
    }
    this.nearest.set(dir, found ?? null);
    return found;
  }

  /** The tsconfig that owns `file` (absolute): searched from its directory up to the file system root. */
  ownerOf(file: string): string | undefined {
    const target = normalize(file);
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      if (path.basename(dir) === "node_modules") return undefined;
      const config = this.nearestConfigIn(dir);
      if (config) {
        const owner = this.owner(config, target, new Set());
        if (owner) return owner;
      }
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}

export interface FileGroup {
  /** The owning tsconfig, or undefined for the files no tsconfig includes (migrated without types). */
  readonly tsconfig?: string;
  readonly files: readonly string[];
}

/** Files grouped by owning tsconfig, in order of first appearance; untyped files last. */
export function groupByTsconfig(files: readonly string[], index: TsconfigIndex): FileGroup[] {
  const groups = new Map<string, string[]>();
  const untyped: string[] = [];
  for (const file of files) {
    const owner = index.ownerOf(file);
    if (!owner) {
      untyped.push(file);
      continue;
    }
    const list = groups.get(owner) ?? [];
    list.push(file);
    groups.set(owner, list);
  }
  const result: FileGroup[] = [...groups].map(([tsconfig, list]) => ({ tsconfig, files: list }));
  if (untyped.length > 0) result.push({ files: untyped });
  return result;
}

/**
 * Declaration files of installed packages and TypeScript's libs, parsed for one tsconfig's program
 * and handed to the next one's (as the language service's document registry shares them between
 * projects): lib.dom.d.ts, the schema libraries' and React's types are parsed once per run instead
 * of once per tsconfig. A file is shared only between programs whose source-affecting options are
 * the same (TypeScript's own key) and with the same module format. After each program is built the
 * cache keeps only the files that program uses, which it holds anyway: no more memory than one
 * program's declaration files, and never a program itself.
 */
export class DeclarationCache {
  private files = new Map<string, ts.SourceFile>();
  private libDirectory: string | undefined;
  private registry: ts.DocumentRegistry | undefined;

  constructor(private readonly typescript: TypeScriptApi) {}

  /** `host` reading shared files from the cache; call `keep` with the program built from it. */
  wrap(host: ts.CompilerHost, options: ts.CompilerOptions): ts.CompilerHost {
    const tsApi = this.typescript;
    this.registry ??= tsApi.createDocumentRegistry();
    this.libDirectory ??= normalize(path.dirname(tsApi.getDefaultLibFilePath(options)));
    // TypeScript's key ends with the directory `paths` are resolved from, which does not affect parsing.
    const key = this.registry.getKeyForCompilationSettings(options);
    const base = `|${(options as ts.CompilerOptions & { pathsBasePath?: string }).pathsBasePath}`;
    const settings = key.endsWith(base) ? key.slice(0, -base.length) : key;
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      if (shouldCreate || !this.shareable(fileName, host)) return read(fileName, languageVersion, onError, shouldCreate);
      const createOptions = typeof languageVersion === "object" ? languageVersion : { languageVersion };
      const key = `${settings}|${createOptions.languageVersion}|${createOptions.impliedNodeFormat ?? ""}|${normalize(fileName)}`;
      const cached = this.files.get(key);
      if (cached) return cached;
      const file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) this.files.set(key, file);
      return file;
    };
    return host;
  }

  /** Keeps only the files `program` uses. */
  keep(program: ts.Program): void {
    const used = new Set(program.getSourceFiles().map((file) => (file as ts.SourceFile & { redirectInfo?: { unredirected: ts.SourceFile } }).redirectInfo?.unredirected ?? file));
    for (const [key, file] of this.files) if (!used.has(file)) this.files.delete(key);
  }

  /**
   * Declaration files the migration never writes: TypeScript's libs, and files whose real path is in
   * a node_modules directory (a workspace package linked into node_modules is read fresh).
   */
  private shareable(fileName: string, host: ts.CompilerHost): boolean {
    if (!/\.d\.[cm]?ts$/.test(fileName)) return false;
    const file = normalize(fileName);
    if (this.libDirectory !== undefined && file.startsWith(`${this.libDirectory}/`)) return true;
    if (!file.includes("/node_modules/")) return false;
    return normalize(host.realpath?.(fileName) ?? fileName).includes("/node_modules/");
  }
}

/**
 * Builds the program of one tsconfig. Sources of referenced projects are read as sources (as the
 * language service and typescript-eslint's project service do), so a monorepo needs no prior build.
 */
export function createProject(typescript: TypeScriptApi, config: ParsedConfig, declarations?: DeclarationCache): ts.Program {
  const { parsed } = config;
  const created = typescript.createCompilerHost(parsed.options, true) as ts.CompilerHost & {
    useSourceOfProjectReferenceRedirect?: () => boolean;
  };
  created.useSourceOfProjectReferenceRedirect = () => true;
  const host = declarations ? declarations.wrap(created, parsed.options) : created;
  const program = typescript.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}),
  });
  declarations?.keep(program);
  return program;
}

/** Whether `program` contains `file` (absolute): files outside it are migrated without type information. */
export function programContains(program: ts.Program, file: string): boolean {
  return program.getSourceFile(normalize(file)) !== undefined;
}

/**
 * `--project <tsconfig>`: one config for every file. Returns what builds its program (built when the
 * files run, so that only the run holds it). Throws ProjectError when the config cannot be used.
 */
export function loadProject(tsconfigPath: string): () => ts.Program {
  const typescript = loadTypeScript();
  if (typeof typescript === "string") {
    throw new ProjectError(`--project needs type information, which needs TypeScript 4.8–6.0: ${typeScriptApiProblem() ?? typescript}`);
  }
  const index = new TsconfigIndex(typescript);
  const configPath = path.resolve(tsconfigPath);
  const config = index.config(configPath);
  if (!config) throw new ProjectError(`cannot read ${tsconfigPath}: ${index.problems.get(configPath) ?? "unknown error"}`);
  return () => createProject(typescript, config);
}
