// Parsing for the codemod (the rules get their AST from ESLint). TypeScript and JSX go through
// @typescript-eslint/parser, an optional peer dependency loaded only when a file needs it; plain
// JavaScript falls back to espree + eslint-scope (ESLint's own defaults) when that parser (or a
// TypeScript with an in-process compiler API) is not installed, so a JavaScript project needs neither.
import { createRequire } from "node:module";
import * as eslintScope from "eslint-scope";
import * as espree from "espree";
import type { parseForESLint as ParseForESLint } from "@typescript-eslint/parser";
import type * as ts from "typescript";
import { typeScriptApiProblem } from "./typescript.js";

export type ParsedSource = ReturnType<typeof ParseForESLint>;

export class SourceParseError extends Error {
  constructor(
    message: string,
    readonly filename: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${filename}:${line}:${column}: ${message}`);
    this.name = "SourceParseError";
  }
}

/** The parser or TypeScript the file needs is not installed: said once, in one line, per run. */
export class ParserUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParserUnavailableError";
  }
}

const require = createRequire(import.meta.url);
let typescriptParser: { parseForESLint: typeof ParseForESLint } | string | undefined;

/** @typescript-eslint/parser, or the reason it cannot be used here. */
function loadTypeScriptParser(): { parseForESLint: typeof ParseForESLint } | string {
  if (typescriptParser !== undefined) return typescriptParser;
  const problem = typeScriptApiProblem();
  if (problem) return (typescriptParser = problem);
  try {
    typescriptParser = require("@typescript-eslint/parser") as { parseForESLint: typeof ParseForESLint };
  } catch {
    typescriptParser = "@typescript-eslint/parser is not installed (npm i -D typescript-eslint)";
  }
  return typescriptParser;
}

const JAVASCRIPT = /\.(?:[cm]?js|jsx)$/i;

export interface ParseOptions {
  filename: string;
  programs?: ts.Program[];
  /** `"espree"` forces the JavaScript fallback (tests, and projects that want ESLint's default parser). */
  parser?: "auto" | "espree";
}

export function parseSource(source: string, options: ParseOptions): ParsedSource {
  if (options.parser === "espree") {
    if (!JAVASCRIPT.test(options.filename)) throw new ParserUnavailableError(`not migrated: espree cannot parse TypeScript (${options.filename})`);
    return parseJavaScript(source, options.filename);
  }
  const parser = loadTypeScriptParser();
  if (typeof parser === "string") {
    if (!JAVASCRIPT.test(options.filename)) {
      throw new ParserUnavailableError(`not migrated: parsing TypeScript needs @typescript-eslint/parser and TypeScript 4.8–6.0, and ${parser}`);
    }
    return parseJavaScript(source, options.filename);
  }
  try {
    return parser.parseForESLint(source, {
      filePath: options.filename,
      range: true,
      loc: true,
      comment: true,
      tokens: true,
      sourceType: "module",
      ecmaVersion: "latest",
      ...(options.programs ? { programs: options.programs } : {}),
    });
  } catch (error) {
    throw asParseError(error, options.filename);
  }
}

function asParseError(error: unknown, filename: string): SourceParseError {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  return new SourceParseError(e.message ?? String(error), filename, e.lineNumber ?? 1, e.column ?? 0);
}

/** espree + eslint-scope, set up as ESLint sets them up: the same shape parseForESLint returns. */
function parseJavaScript(source: string, filename: string): ParsedSource {
  // Module first (what the TypeScript parser assumes too); a file that is not valid as a module
  // (`with`, legacy octals, top-level `return`) is read as a CommonJS script.
  const attempts: Array<"module" | "commonjs"> = /\.cjs$/i.test(filename) ? ["commonjs"] : ["module", "commonjs"];
  let firstError: unknown;
  for (const sourceType of attempts) {
    try {
      const ast = espree.parse(source, {
        ecmaVersion: "latest",
        sourceType,
        range: true,
        loc: true,
        comment: true,
        tokens: true,
        ecmaFeatures: { jsx: true },
      });
      const scopeManager = eslintScope.analyze(ast as never, {
        ecmaVersion: espree.latestEcmaVersion,
        sourceType: sourceType === "commonjs" ? "commonjs" : "module",
        nodejsScope: sourceType === "commonjs",
        ignoreEval: true,
        jsx: true,
        childVisitorKeys: espree.VisitorKeys,
        fallback: "iteration",
      });
      return { ast, scopeManager, visitorKeys: espree.VisitorKeys, services: {} } as unknown as ParsedSource;
    } catch (error) {
      firstError ??= error;
    }
  }
  throw asParseError(firstError, filename);
}
