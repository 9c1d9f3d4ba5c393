// The codemod's entry into the shared edit planner: one source text in, one source text out.
// The planner (hoist / wrap) is shared with the `no-inline-predicate` fixer; this file only
// parses, runs the analysis and applies the planned text edits.
import { parseForESLint } from "@typescript-eslint/parser";
import type * as ts from "typescript";

export type ParsedSource = ReturnType<typeof parseForESLint>;

export interface WithKeyImport {
  /** Module the `withKey` import comes from (default `stable-schema`). */
  module: string;
  /** Exported name (default `withKey`). */
  name: string;
}

export interface MigrateOptions {
  /** Path of the file: decides the parser flavour (`.ts` vs `.tsx`, `.js`…) and is used in messages. */
  filename: string;
  withKeyImport?: WithKeyImport;
  /** `settings["stable-schema"].modules`: module specifier → library it re-exports. */
  modules?: Readonly<Record<string, string>>;
  /** Type information for parameter annotations of hoisted closures (`--project`). */
  programs?: ts.Program[];
}

export type SiteAction = "hoisted" | "wrapped" | "left";

export interface SiteResult {
  /** 1-based line and 0-based column of the inline closure in the original source. */
  line: number;
  column: number;
  /** The API the closure is passed to, as written (`.refine`, `v.check`). */
  api: string;
  action: SiteAction;
  /** Name of the hoisted constant, or the `withKey` id. */
  name?: string;
  /** Why a site was left as it is. */
  reason?: string;
}

export interface MigrateResult {
  output: string;
  changed: boolean;
  sites: SiteResult[];
}

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

export function parseSource(source: string, options: Pick<MigrateOptions, "filename" | "programs">): ParsedSource {
  try {
    return parseForESLint(source, {
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
    const e = error as { message?: string; lineNumber?: number; column?: number };
    throw new SourceParseError(e.message ?? String(error), options.filename, e.lineNumber ?? 1, e.column ?? 0);
  }
}

/**
 * PLANNER NOT WIRED YET: parses (so syntax errors surface with file:line) and returns the source
 * unchanged. The shared edit planner replaces the body of this function.
 */
export function migrateSource(source: string, options: MigrateOptions): MigrateResult {
  parseSource(source, options);
  return { output: source, changed: false, sites: [] };
}
