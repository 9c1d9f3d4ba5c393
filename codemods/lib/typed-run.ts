// The files of one program (one tsconfig, or --project), migrated in lockstep. Every pass of the
// migration that changes a file needs type information for the new text, and a program holds one
// text per file: re-planning each file on a program rebuilt for it alone (programsWithText) gives
// each pass of each file its own type checker, which starts cold and re-derives the schema library's
// types (measured: 281 rebuilt programs for 161 changed files, 50 ms per pass instead of 18 ms).
// Here all files take their first pass on the tsconfig's program; then one program is built holding
// every file's next text (reusing the previous one's structure and unchanged SourceFiles), every file
// takes its next pass on it, and so on until all are done: one checker per pass level, shared by all
// files. Memory: one program at a time (each is dropped when the next is built; the suspended
// migrations keep only their texts), plus the texts of the group's files.
//
// What a file sees of the others: the other files hold the text of their own current pass, that is
// the migrated code so far, whose types are those of the original (the edits hoist, annotate and wrap
// in `withKey`, which returns its argument's type, and never change what a module exports).
import type * as ts from "typescript";
import { programWithTexts } from "../../lib/edits/types.js";
import type { MigrateSteps, ProgramRequest } from "../../lib/edits/migrate.js";
import { type FileResult, processSourceSteps, type ProcessOptions, readSource } from "./process.js";
import { programContains } from "./project.js";

export interface TypedRunOptions {
  /** The options for one file (from its ESLint config). */
  optionsFor: (path: string) => ProcessOptions;
  onResult: (result: FileResult) => void | Promise<void>;
}

interface Live {
  readonly path: string;
  readonly source: string;
  readonly steps: MigrateSteps<FileResult>;
  /** What the file's next pass waits for. */
  request: ProgramRequest;
}

/**
 * Migrates `files` with the program `build` returns (built here, so that nothing else holds it). Files
 * the program does not contain run without type information, as with processFile's lookup.
 */
export async function runTyped(files: readonly string[], build: () => ts.Program, run: TypedRunOptions): Promise<void> {
  const sources: [string, string][] = [];
  for (const path of files) {
    const source = await readSource(path);
    if (typeof source === "string") sources.push([path, source]);
    else await run.onResult(source);
  }
  // The program lives in the group only, and the group's passes are synchronous: this async frame,
  // whose registers a suspended await keeps, never holds a program itself.
  const group = new Lockstep();
  let done = group.start(sources, build, run.optionsFor);
  for (;;) {
    for (const result of done) await run.onResult(result);
    if (group.finished()) return;
    done = group.next();
  }
}

class Lockstep {
  private program: ts.Program | undefined;
  private live: Live[] = [];
  /** Texts the next program must hold: the live files' next texts, and the sources of files that failed. */
  private readonly texts = new Map<string, string>();

  /** The first pass of every file, on the tsconfig's program; the results of the files already done. */
  start(sources: readonly [string, string][], build: () => ts.Program, optionsFor: (path: string) => ProcessOptions): FileResult[] {
    this.program = build();
    const program = this.program;
    const done: FileResult[] = [];
    for (const [path, source] of sources) {
      const steps = processSourceSteps(path, source, optionsFor(path), programContains(program, path) ? [program] : undefined);
      this.settle({ path, source, steps }, steps.next(), done);
    }
    return done;
  }

  finished(): boolean {
    return this.live.length === 0;
  }

  /** One program holding every live file's next text, and the next pass of each on it. */
  next(): FileResult[] {
    const current = this.live;
    this.live = [];
    try {
      this.program = programWithTexts(this.program!, this.texts);
    } catch {
      // Should TypeScript refuse the combined program, each file rebuilds its own from the previous
      // one (programsWithText), so that a failure stays with the file that causes it.
    }
    this.texts.clear();
    const programs = [this.program!];
    const done: FileResult[] = [];
    for (const entry of current) {
      entry.request.provide(programs);
      this.settle(entry, entry.steps.next(), done);
    }
    if (this.live.length === 0) this.program = undefined;
    return done;
  }

  private settle(entry: Omit<Live, "request">, step: IteratorResult<ProgramRequest, FileResult>, done: FileResult[]): void {
    if (step.done) {
      // A file that failed goes back to its text on disk for the files still running.
      if (step.value.status === "failed") this.texts.set(entry.path, entry.source);
      done.push(step.value);
    } else {
      this.texts.set(entry.path, step.value.text);
      this.live.push({ ...entry, request: step.value });
    }
  }
}
