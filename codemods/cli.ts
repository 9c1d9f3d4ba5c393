#!/usr/bin/env node
// `stable-schema migrate <paths…>`: the codemod CLI. It finds files, checks the git tree, runs the
// shared planner (lib/edits/migrate.ts) over them in workers, writes atomically, prints a summary.
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pc from "picocolors";
import { assertPathsExist, DEFAULT_EXTENSIONS, discoverFiles, MissingPathError } from "./lib/discover.js";
import { gitState, type GitState } from "./lib/git.js";
import { DEFAULT_WITH_KEY_IMPORT, OptionError, parseModules, parseWithKeyImport } from "./lib/options.js";
import type { FileResult, ProcessOptions, ProgramLookup } from "./lib/process.js";
import { loadProject, ProjectError } from "./lib/project.js";
import { noProgress, ProgressBar, progressEnabled, type ProgressSink } from "./lib/progress.js";
import { writeResult } from "./lib/write.js";
import { unresolvedRuntime } from "./lib/runtime-check.js";
import { buildReport, displayPath, formatDiff, formatFailure, formatSummary, type Paint } from "./lib/report.js";

const HELP = `Usage: stable-schema migrate [options] <paths…>

Hoists inline schema closures (refine, check, transform, test…) to module-level constants, or wraps
the ones that capture locals in withKey(fn, key). Paths are files or directories; directories are
walked, skipping node_modules and anything .gitignore ignores.

Options:
  --dry                     print a unified diff to stdout, write nothing
  --report <file.json>      write what happened to every file and site as JSON
  --project <tsconfig>      use type information from this tsconfig (needs typescript)
  --with-key-import <m#n>   where withKey comes from (default: ${DEFAULT_WITH_KEY_IMPORT.module}#${DEFAULT_WITH_KEY_IMPORT.name})
  --modules <mapping>       modules that re-export a schema library, as JSON
                            ({"~/schema":"zod"}) or as ~/schema=zod,@app/v=valibot
  --extensions <list>       file extensions to pick up in directories
                            (default: ${DEFAULT_EXTENSIONS.join(",")})
  --jobs <n>                worker threads (default: min(CPUs, 4); 1 runs in-process)
  --force                   write even when the git tree has uncommitted changes
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 done, 1 some files failed (they are left untouched), 2 usage error or refusal.
Docs: node_modules/stable-schema/docs/codemods/stable-predicates.md`;

class UsageError extends Error {}

interface MigrateCommand {
  paths: string[];
  dry: boolean;
  force: boolean;
  jobs: number;
  jobsGiven: boolean;
  report?: string;
  project?: string;
  extensions: string[];
  process: ProcessOptions;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function parseCommand(argv: string[]): MigrateCommand | "help" | "version" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        dry: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        report: { type: "string" },
        project: { type: "string" },
        "with-key-import": { type: "string" },
        modules: { type: "string" },
        extensions: { type: "string" },
        jobs: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (values.version) return "version";
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError("missing command (try: stable-schema migrate src)");
  if (command !== "migrate") throw new UsageError(`unknown command: ${command} (the only command is migrate)`);
  if (paths.length === 0) throw new UsageError("migrate needs at least one file or directory");

  let jobs = Math.min(os.availableParallelism(), 4);
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) {
      throw new UsageError(`--jobs expects a positive integer, got ${JSON.stringify(values.jobs)}`);
    }
    jobs = Number(values.jobs);
  }
  const extensions =
    values.extensions !== undefined
      ? values.extensions.split(",").map((e) => e.trim().replace(/^\./, "")).filter(Boolean)
      : [...DEFAULT_EXTENSIONS];
  if (extensions.length === 0) throw new UsageError("--extensions needs at least one extension");

  let processOptions: ProcessOptions;
  try {
    processOptions = {
      withKeyImport:
        values["with-key-import"] !== undefined
          ? parseWithKeyImport(values["with-key-import"])
          : { ...DEFAULT_WITH_KEY_IMPORT },
      ...(values.modules !== undefined ? { modules: parseModules(values.modules) } : {}),
    };
  } catch (error) {
    if (error instanceof OptionError) throw new UsageError(error.message);
    throw error;
  }
  return {
    paths,
    dry: values.dry,
    force: values.force,
    jobs,
    jobsGiven: values.jobs !== undefined,
    ...(values.report !== undefined ? { report: values.report } : {}),
    ...(values.project !== undefined ? { project: values.project } : {}),
    extensions,
    process: processOptions,
  };
}

function paintFor(stream: NodeJS.WriteStream): Paint {
  const colors = pc.createColors(Boolean(stream.isTTY) && !process.env["NO_COLOR"]);
  return { bold: colors.bold, dim: colors.dim, red: colors.red, green: colors.green, yellow: colors.yellow };
}

async function migrate(cmd: MigrateCommand): Promise<number> {
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  const paint = paintFor(process.stderr);

  await assertPathsExist(cmd.paths);
  let git: GitState;
  try {
    git = await gitState(cmd.paths, cmd.report ? [cmd.report] : []);
  } catch (error) {
    if (!cmd.dry && !cmd.force) {
      err(`stable-schema: cannot check the git tree (${(error as Error).message.trim()}); pass --force to skip the check`);
      return 2;
    }
    git = { roots: [], outside: [], dirty: [] };
  }
  if (!cmd.dry) {
    if (git.outside.length > 0) {
      err(
        paint.yellow(
          `stable-schema: not in a git repository: ${git.outside.join(", ")} — files are rewritten in place and cannot be reviewed with git diff; proceeding`,
        ),
      );
    }
    if (git.dirty.length > 0 && !cmd.force) {
      const shown = git.dirty.slice(0, 10).map((l) => `  ${l}`);
      if (git.dirty.length > 10) shown.push(`  … and ${git.dirty.length - 10} more`);
      err(
        [
          "stable-schema: the git tree has uncommitted changes under the target paths:",
          ...shown,
          "Commit or stash them first so the migration can be reviewed with git diff, or pass --force (or --dry).",
        ].join("\n"),
      );
      return 2;
    }
  }

  const files = await discoverFiles(cmd.paths, { extensions: cmd.extensions, roots: git.roots });

  let programsFor: ProgramLookup | undefined;
  let jobs = cmd.jobs;
  if (cmd.project) {
    programsFor = await loadProject(cmd.project);
    if (jobs > 1) {
      // Programs cannot cross threads, and rebuilding one per worker costs more than it saves.
      if (cmd.jobsGiven) err(paint.dim(`stable-schema: --project runs in-process; ignoring --jobs ${jobs}`));
      jobs = 1;
    }
  }

  const progress: ProgressSink = progressEnabled() ? new ProgressBar() : noProgress;
  const started = performance.now();
  const results: FileResult[] = [];

  // --dry prints diffs in path order while results arrive out of order: hold them until their turn.
  const order = new Map(files.map((f, i) => [f, i]));
  const held = new Map<number, FileResult>();
  let nextToPrint = 0;
  const printDiffsInOrder = (): void => {
    for (let r = held.get(nextToPrint); r; r = held.get(nextToPrint)) {
      held.delete(nextToPrint);
      nextToPrint += 1;
      if (r.status === "changed" && r.source !== undefined && r.output !== undefined) {
        progress.stop();
        process.stdout.write(formatDiff(displayPath(r.path), r.source, r.output));
      }
    }
  };

  // Loaded here, not at the top: the planner pulls in the parser and typescript, which --help,
  // usage errors and the dirty-tree refusal do not need.
  const { runFiles } = await import("./lib/pool.js");
  progress.start(files.length);
  await runFiles(files, {
    jobs,
    options: cmd.process,
    ...(programsFor ? { programsFor } : {}),
    onResult: async (result) => {
      const final = cmd.dry ? result : await writeResult(result);
      results.push(final);
      progress.tick(displayPath(result.path));
      if (cmd.dry) {
        held.set(order.get(result.path) ?? -1, result);
        printDiffsInOrder();
      }
    },
  });
  progress.stop();

  const report = buildReport(results, { dryRun: cmd.dry });
  if (cmd.report) {
    await mkdir(path.dirname(path.resolve(cmd.report)), { recursive: true });
    await writeFile(cmd.report, `${JSON.stringify(report, null, 2)}\n`, "utf8");
  }

  const failures = results.filter((r) => r.status === "failed").sort((a, b) => (a.path < b.path ? -1 : 1));
  const seconds = (performance.now() - started) / 1000;
  err(formatSummary(report.totals, { paint, seconds }));
  if (failures.length > 0) {
    err("");
    err(paint.red(`${failures.length} file${failures.length === 1 ? "" : "s"} failed and ${failures.length === 1 ? "was" : "were"} left untouched:`));
    for (const f of failures) err(`  ${formatFailure(f)}`);
  }
  const withoutRuntime = unresolvedRuntime(results, cmd.process.withKeyImport.module);
  if (withoutRuntime.length > 0) {
    err("");
    err(
      paint.yellow(
        `note: the migrated code imports withKey from "${cmd.process.withKeyImport.module}", which does not resolve from ` +
          `${withoutRuntime.map((dir) => displayPath(dir)).slice(0, 3).join(", ")}${withoutRuntime.length > 3 ? ` and ${withoutRuntime.length - 3} more` : ""}` +
          `: add the runtime as a dependency (npm i ${cmd.process.withKeyImport.module})`,
      ),
    );
  }
  if (cmd.dry && report.totals.files.changed > 0) err(paint.dim("dry run: nothing was written"));
  if (cmd.report) err(paint.dim(`report written to ${cmd.report}`));
  return failures.length > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const cmd = parseCommand(argv);
    if (cmd === "help") {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (cmd === "version") {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    return await migrate(cmd);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`stable-schema: ${error.message}\n\n${HELP}\n`);
      return 2;
    }
    if (error instanceof MissingPathError || error instanceof ProjectError) {
      process.stderr.write(`stable-schema: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`stable-schema: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
