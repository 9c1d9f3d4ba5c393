// One file in, one result out. Runs in the main thread (`--jobs 1`) or inside a worker; it never
// writes: the main thread owns the file system writes, the diff output and the progress bar.
import { readFile } from "node:fs/promises";
import type * as ts from "typescript";
import {
  MigratedTextParseError,
  migrateSteps,
  parseSource,
  ParserUnavailableError,
  stripLocation,
  SourceParseError,
  type MigrateOptions,
  type MigrateResult,
  type MigrateSteps,
  type SiteResult,
  type WithKeyImport,
} from "../../lib/edits/migrate.js";
import type { SiteOptions } from "../../lib/analysis/reported.js";
import { mightContainCandidates } from "./prefilter.js";

export type FileStatus = "changed" | "unchanged" | "skipped" | "failed";
export type SkipReason = "prefilter" | "no-candidates" | "rule-off";

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
  /** Why, in words, when the ESLint config turns the rule off for the file. */
  skipDetail?: string;
  sites: SiteResult[];
  error?: FileError;
  /** Text as read and text to write; only for `changed` files. */
  source?: string;
  output?: string;
}

export interface ProcessOptions {
  withKeyImport: WithKeyImport;
  modules?: Readonly<Record<string, string>>;
  /** The rule's options for this file (from the ESLint config); the rule's defaults when absent. */
  sites?: SiteOptions;
  /** `--hoist-schemas` (`eager`) / `--lazy-schemas` (`lazy`): also apply the no-schema-in-function fixes. */
  hoistSchemas?: "eager" | "lazy";
}

/** Returns the programs that contain `path`, or undefined when none does. */
export type ProgramLookup = (path: string) => ts.Program[] | undefined;

export async function processFile(
  path: string,
  options: ProcessOptions,
  programsFor?: ProgramLookup,
): Promise<FileResult> {
  const read = await readSource(path);
  return typeof read === "string" ? processSource(path, read, options, programsFor) : read;
}

/** The text of the file, or the failed result saying why it cannot be migrated. */
export async function readSource(path: string): Promise<string | FileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { path, status: "failed", sites: [], error: { message: `cannot read file: ${e.code ?? e.message}` } };
  }
  const source = decodeUtf8(bytes);
  if (source === undefined) {
    return {
      path,
      status: "failed",
      sites: [],
      error: {
        message: `not valid UTF-8 (first invalid byte on line ${invalidUtf8Line(bytes)}); left untouched — convert the file to UTF-8 to migrate it`,
      },
    };
  }
  return source;
}

// fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD (which, written back,
// would change string literals). ignoreBOM: a BOM stays in the text as "\uFEFF", so migrateSource sees
// the file byte for byte and the written file keeps it.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of `bytes` if they are valid UTF-8, else undefined. Encoding the text again gives `bytes`. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** 1-based line of the first invalid sequence (a newline byte never occurs inside a UTF-8 sequence). */
function invalidUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (decodeUtf8(bytes.subarray(start, i)) === undefined) return line;
      line += 1;
      start = i + 1;
    }
  }
  return line;
}

export type Migrate = (source: string, options: MigrateOptions) => MigrateResult;
/** A migration in steps (migrateSteps): yields a request for programs before each new text. */
export type MigrateInSteps = (source: string, options: MigrateOptions) => MigrateSteps<MigrateResult>;

export function processSource(
  path: string,
  source: string,
  options: ProcessOptions,
  programsFor?: ProgramLookup,
  migrate?: Migrate,
): FileResult {
  const programs = programsFor?.(path);
  const steps = processSourceSteps(path, source, options, programs, migrate ? (text, opts) => finished(migrate(text, opts)) : migrateSteps);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    // Each new text is analysed on `programs`, rebuilt for it (programsWithText).
    step.value.provide(programs);
  }
}

/**
 * processSource in steps, for the CLI's typed runs (codemods/lib/typed-run.ts): `programs` (holding
 * `source`) serve the first pass; before each later text the steps yield a request for programs.
 * Not a generator itself: the first programs must not stay in a suspended frame.
 */
export function processSourceSteps(
  path: string,
  source: string,
  options: ProcessOptions,
  programs: readonly ts.Program[] | undefined,
  migrate: MigrateInSteps = migrateSteps,
): MigrateSteps<FileResult> {
  if (!mightContainCandidates(source, options.modules, programs !== undefined, options.hoistSchemas !== undefined)) {
    return finished({ path, status: "skipped", skipReason: "prefilter", sites: [] });
  }
  try {
    const steps = migrate(source, {
      filename: path,
      withKeyImport: options.withKeyImport,
      ...(options.modules ? { modules: options.modules } : {}),
      ...(programs ? { programs: [...programs] } : {}),
      ...(options.sites ? { sites: options.sites } : {}),
      ...(options.hoistSchemas ? { hoistSchemas: options.hoistSchemas } : {}),
    });
    return fileSteps(path, source, steps);
  } catch (error) {
    return finished(failure(path, error));
  }
}

/** Steps that are over before they start. */
function* finished<Result>(result: Result): MigrateSteps<Result> {
  return result;
}

function* fileSteps(path: string, source: string, steps: MigrateSteps<MigrateResult>): MigrateSteps<FileResult> {
  let result: MigrateResult;
  try {
    result = yield* steps;
  } catch (error) {
    return failure(path, error);
  }
  if (result.changed && result.output !== source) {
    // Never hand back (or write) a file that no longer parses: if the planner ever produces one,
    // that is our bug, and the user's file stays as it was.
    try {
      parseSource(result.output, { filename: path });
    } catch (error) {
      if (!(error instanceof SourceParseError)) return failure(path, error);
      return toolBug(path, new MigratedTextParseError(error), result.sites);
    }
    return { path, status: "changed", sites: result.sites, source, output: result.output };
  }
  if (result.sites.length === 0) {
    return { path, status: "skipped", skipReason: "no-candidates", sites: [] };
  }
  return { path, status: "unchanged", sites: result.sites };
}

/** The result of a file whose migration threw. */
function failure(path: string, error: unknown): FileResult {
  if (error instanceof MigratedTextParseError) return toolBug(path, error, []);
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

/** The planner produced text that does not parse: our bug, reported as such; the user's file stays as it was. */
function toolBug(path: string, error: MigratedTextParseError, sites: SiteResult[]): FileResult {
  return {
    path,
    status: "failed",
    sites,
    error: { message: `stable-schema bug: ${error.message}; the file was left unchanged — please report it` },
  };
}
