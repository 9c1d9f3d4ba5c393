// One file in, one result out. Runs in the main thread (`--jobs 1`) or inside a worker; it never
// writes: the main thread owns the file system writes, the diff output and the progress bar.
import { readFile } from "node:fs/promises";
import type * as ts from "typescript";
import {
  migrateSource,
  parseSource,
  ParserUnavailableError,
  SourceParseError,
  type MigrateOptions,
  type MigrateResult,
  type SiteResult,
  type WithKeyImport,
} from "../../lib/edits/migrate.js";
import { mightContainCandidates } from "./prefilter.js";

export type FileStatus = "changed" | "unchanged" | "skipped" | "failed";
export type SkipReason = "prefilter" | "no-candidates";

export interface FileError {
  message: string;
  /** 1-based; present for parse errors. */
  line?: number;
  /** 0-based; present for parse errors. */
  column?: number;
}

export interface FileResult {
  /** Absolute path. */
  path: string;
  status: FileStatus;
  skipReason?: SkipReason;
  sites: SiteResult[];
  error?: FileError;
  /** Text as read and text to write; only for `changed` files. */
  source?: string;
  output?: string;
}

export interface ProcessOptions {
  withKeyImport: WithKeyImport;
  modules?: Record<string, string>;
}

/** Returns the programs that contain `path`, or undefined when none does. */
export type ProgramLookup = (path: string) => ts.Program[] | undefined;

export async function processFile(
  path: string,
  options: ProcessOptions,
  programsFor?: ProgramLookup,
): Promise<FileResult> {
  let source: string;
  try {
    // utf8 keeps a BOM as "\uFEFF" and CRLF as is: migrateSource sees the file byte for byte.
    source = await readFile(path, "utf8");
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { path, status: "failed", sites: [], error: { message: `cannot read file: ${e.code ?? e.message}` } };
  }
  return processSource(path, source, options, programsFor);
}

export type Migrate = (source: string, options: MigrateOptions) => MigrateResult;

export function processSource(
  path: string,
  source: string,
  options: ProcessOptions,
  programsFor?: ProgramLookup,
  migrate: Migrate = migrateSource,
): FileResult {
  if (!mightContainCandidates(source, options.modules)) {
    return { path, status: "skipped", skipReason: "prefilter", sites: [] };
  }
  const programs = programsFor?.(path);
  try {
    const result = migrate(source, {
      filename: path,
      withKeyImport: options.withKeyImport,
      ...(options.modules ? { modules: options.modules } : {}),
      ...(programs ? { programs } : {}),
    });
    if (result.changed && result.output !== source) {
      // Never hand back (or write) a file that no longer parses: if the planner ever produces one,
      // that is our bug, and the user's file stays as it was.
      try {
        parseSource(result.output, { filename: path });
      } catch (error) {
        if (!(error instanceof SourceParseError)) throw error;
        return {
          path,
          status: "failed",
          sites: result.sites,
          error: {
            message:
              `stable-schema bug: the migrated text does not parse (${error.line}:${error.column + 1}: ${stripLocation(error)}); ` +
              "the file was left unchanged — please report it",
          },
        };
      }
      return { path, status: "changed", sites: result.sites, source, output: result.output };
    }
    if (result.sites.length === 0) {
      return { path, status: "skipped", skipReason: "no-candidates", sites: [] };
    }
    return { path, status: "unchanged", sites: result.sites };
  } catch (error) {
    if (error instanceof SourceParseError) {
      return {
        path,
        status: "failed",
        sites: [],
        error: { message: stripLocation(error), line: error.line, column: error.column },
      };
    }
    if (error instanceof ParserUnavailableError) {
      return { path, status: "failed", sites: [], error: { message: error.message } };
    }
    const e = error as Error;
    return { path, status: "failed", sites: [], error: { message: `internal error: ${e?.stack ?? String(error)}` } };
  }
}

/** SourceParseError's message starts with `file:line:column: `; keep only the parser's words. */
function stripLocation(error: SourceParseError): string {
  const prefix = `${error.filename}:${error.line}:${error.column}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
