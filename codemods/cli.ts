#!/usr/bin/env node
// `stable-schema migrate <paths…>`: the codemod CLI. It finds files, checks the git tree, runs the
// shared planner (lib/edits/migrate.ts) over them in workers, writes atomically, prints a summary.
import { readFileSync } from "node:fs";
import { mkdir, realpath, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pc from "picocolors";
import { assertPathsExist, DEFAULT_EXTENSIONS, discoverFiles, MissingPathError } from "./lib/discover.js";
import { loadFormatting } from "./lib/format.js";
import { GitError, gitMarkerRoot, gitState, type GitState } from "./lib/git.js";
import { ConfigError, defaultConfig, loadESLintConfig, type Overrides } from "./lib/eslint-config.js";
import { DEFAULT_WITH_KEY_IMPORT, OptionError, parseModules, parseWithKeyImport } from "./lib/options.js";
import type * as ts from "typescript";
import type { FileResult, ProcessOptions } from "./lib/process.js";
import {
  createProject,
  DeclarationCache,
  type FileGroup,
  groupByTsconfig,
  loadProject,
  loadTypeScript,
  ProjectError,
  TsconfigIndex,
  type TypeScriptApi,
} from "./lib/project.js";
import { noProgress, ProgressBar, progressEnabled, type ProgressSink } from "./lib/progress.js";
import { writeResult } from "./lib/write.js";
import { unresolvedRuntime } from "./lib/runtime-check.js";
import { buildReport, displayPath, formatDiff, formatFailure, formatSummary, isReportFile, type Paint } from "./lib/report.js";

/**
 * Measured (docs/codemods/stable-predicates.md#speed): on 2 CPUs a pool of workers, each loading the
 * parser and the analysis, was slower than one thread; the pool pays off only on large trees with
 * more cores, where --jobs asks for it.
 */
const DEFAULT_JOBS = 1;

const HELP = `Usage: stable-schema migrate [options] <paths…>

Hoists inline schema closures (refine, check, transform, test…) to module-level constants, or wraps
the ones that capture locals in withKey(fn, key). Paths are files or directories; directories are
walked, skipping node_modules and anything .gitignore ignores.

The ESLint configuration is read per file, as ESLint reads it: settings["stable-schema"] (modules,
withKey), whether stable-schema/no-inline-predicate is on for the file (files it is off for, such as
the test files recommended exempts, are skipped) and the rule's options. Type information comes from
the tsconfig.json that includes each file (nearest one, project references followed).

Options:
  --dry                     print a unified diff to stdout, write nothing
  --report <file.json>      write what happened to every file and site as JSON (a report left in
                            the tree does not count as an uncommitted change on the next run)
  --project <tsconfig>      use this tsconfig for every file instead of each file's nearest one
  --no-project              no type information (faster; closures whose parameters need types
                            are wrapped instead of hoisted)
  --no-eslint-config        ignore the ESLint configuration: the rule's default options
  --no-format               do not run the project's Prettier and Biome on changed files (by
                            default each formats the changed files that were clean for it before)
  --with-key-import <m#n>   where withKey comes from (default: settings["stable-schema"].withKey,
                            else ${DEFAULT_WITH_KEY_IMPORT.module}#${DEFAULT_WITH_KEY_IMPORT.name})
  --modules <mapping>       modules that re-export a schema library, as JSON
                            ({"~/schema":"zod"}) or as ~/schema=zod,@app/v=valibot
                            (default: settings["stable-schema"].modules)
  --extensions <list>       file extensions to pick up in directories
                            (default: ${DEFAULT_EXTENSIONS.join(",")})
  --hoist-schemas           also move schemas built per call out of the function (rule
                            no-schema-in-function): hoist what can move, useMemo in components
                            and hooks, schemaFactory for primitive locals; reports what it left
  --lazy-schemas            like --hoist-schemas, hoisting to getters built on first use
  --jobs <n>                worker threads for files without type information
                            (default: ${DEFAULT_JOBS}; files with types always run in-process)
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
  /** The --jobs value asked for when it was more than the CPU count (jobs is then the CPU count). */
  jobsCappedFrom?: number;
  report?: string;
  project?: string;
  /** false with --no-project. */
  types: boolean;
  eslintConfig: boolean;
  format: boolean;
  extensions: string[];
  overrides: Overrides;
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
        "no-project": { type: "boolean", default: false },
        "no-eslint-config": { type: "boolean", default: false },
        "no-format": { type: "boolean", default: false },
        "with-key-import": { type: "string" },
        modules: { type: "string" },
        extensions: { type: "string" },
        jobs: { type: "string" },
        "hoist-schemas": { type: "boolean", default: false },
        "lazy-schemas": { type: "boolean", default: false },
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

  const cpus = os.availableParallelism();
  let jobs = DEFAULT_JOBS;
  let jobsCappedFrom: number | undefined;
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1) {
      throw new UsageError(`--jobs expects a positive integer, got ${JSON.stringify(values.jobs)}`);
    }
    jobs = Number(values.jobs);
    // Each worker holds a parser and the planner (~100 MB); more workers than CPUs only costs memory.
    if (jobs > cpus) {
      jobsCappedFrom = jobs;
      jobs = cpus;
    }
  }
  const extensions =
    values.extensions !== undefined
      ? values.extensions.split(",").map((e) => e.trim().replace(/^\./, "")).filter(Boolean)
      : [...DEFAULT_EXTENSIONS];
  if (extensions.length === 0) throw new UsageError("--extensions needs at least one extension");

  if (values.project !== undefined && values["no-project"]) throw new UsageError("--project and --no-project exclude each other");
  let overrides: Overrides;
  try {
    overrides = {
      ...(values["with-key-import"] !== undefined ? { withKeyImport: parseWithKeyImport(values["with-key-import"]) } : {}),
      ...(values.modules !== undefined ? { modules: parseModules(values.modules) } : {}),
      ...(values["lazy-schemas"] ? { hoistSchemas: "lazy" as const } : values["hoist-schemas"] ? { hoistSchemas: "eager" as const } : {}),
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
    ...(jobsCappedFrom !== undefined ? { jobsCappedFrom } : {}),
    ...(values.report !== undefined ? { report: values.report } : {}),
    ...(values.project !== undefined ? { project: values.project } : {}),
    types: !values["no-project"],
    eslintConfig: !values["no-eslint-config"],
    format: !values["no-format"],
    extensions,
    overrides,
  };
}

function paintFor(stream: NodeJS.WriteStream): Paint {
  const colors = pc.createColors(Boolean(stream.isTTY) && !process.env["NO_COLOR"]);
  return { bold: colors.bold, dim: colors.dim, red: colors.red, green: colors.green, yellow: colors.yellow };
}

async function migrate(cmd: MigrateCommand): Promise<number> {
  // The whole run is timed, loading the ESLint config and the programs included.
  const started = performance.now();
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  const paint = paintFor(process.stderr);

  await assertPathsExist(cmd.paths);
  if (cmd.jobsCappedFrom !== undefined) {
    err(paint.dim(`stable-schema: --jobs ${cmd.jobsCappedFrom} is more than the ${cmd.jobs} CPUs here; using ${cmd.jobs}`));
  }
  let git: GitState;
  if (cmd.dry) {
    // --dry runs no git at all (a repository's hooks or fsmonitor must not run for a preview); the
    // work trees are found by their .git entries so .gitignore applies exactly as in a real run.
    const roots = new Set<string>();
    for (const target of cmd.paths) {
      const root = await gitMarkerRoot(await realpath(path.resolve(target)).catch(() => path.resolve(target)));
      if (root !== undefined) roots.add(root);
    }
    git = { roots: [...roots], outside: [], escaped: [], dirty: [] };
  } else {
    try {
      git = await gitState(cmd.paths, cmd.report ? [cmd.report] : [], isReportFile);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      if (!cmd.force) {
        err(
          `stable-schema: cannot check the git tree: ${error.message}\n` +
            "Uncommitted changes could be overwritten without a way back; fix git (or run it where git works), or pass --force to skip the check.",
        );
        return 2;
      }
      err(paint.yellow(`stable-schema: cannot check the git tree (${error.message}); proceeding because of --force`));
      git = { roots: [], outside: [], escaped: [], dirty: [] };
    }
  }
  if (!cmd.dry) {
    if (git.escaped.length > 0 && !cmd.force) {
      err(
        [
          "stable-schema: these targets lie outside the git repository they are named in, so git diff cannot show or undo the changes:",
          ...git.escaped.map((e) => `  ${e.target}${e.resolved !== path.resolve(e.target) ? ` → ${e.resolved}` : ""} (outside ${e.root})`),
          "Pass --force to migrate them anyway (or --dry to preview).",
        ].join("\n"),
      );
      return 2;
    }
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
  const notes: string[] = [];

  // The ESLint configuration, per file: settings, rule on/off and options.
  const config = cmd.eslintConfig
    ? await loadESLintConfig(process.cwd(), cmd.overrides)
    : defaultConfig(cmd.overrides, "--no-eslint-config: using the default rule options");
  notes.push(config.note);
  const optionsByFile = new Map<string, ProcessOptions>();
  const results: FileResult[] = [];
  const toMigrate: string[] = [];
  for (const file of files) {
    const fileConfig = await config.configFor(file);
    optionsByFile.set(file, fileConfig.options);
    if (fileConfig.off !== undefined) {
      results.push({ path: file, status: "skipped", skipReason: "rule-off", skipDetail: fileConfig.off, sites: [] });
    } else {
      toMigrate.push(file);
    }
  }
  const optionsFor = (file: string): ProcessOptions => optionsByFile.get(file)!;

  // Type information: the tsconfig that owns each file (or --project for all), one program at a time.
  let groups: FileGroup[] = [{ files: toMigrate }];
  let typescript: TypeScriptApi | undefined;
  let index: TsconfigIndex | undefined;
  let forced: (() => ts.Program) | undefined;
  if (cmd.project) {
    forced = loadProject(cmd.project);
    notes.push(`type information from ${cmd.project}`);
  } else if (cmd.types && toMigrate.length > 0) {
    const loaded = loadTypeScript();
    if (typeof loaded === "string") {
      err(paint.yellow(`stable-schema: ${loaded}`));
      notes.push(loaded);
    } else {
      typescript = loaded;
      index = new TsconfigIndex(loaded);
      groups = groupByTsconfig(toMigrate, index);
    }
  } else if (!cmd.types) {
    notes.push("--no-project: no type information");
  }
  const typedGroups = groups.filter((g) => g.tsconfig !== undefined);
  if (typedGroups.length > 0) {
    const typedFiles = typedGroups.reduce((n, g) => n + g.files.length, 0);
    const untyped = toMigrate.length - typedFiles;
    notes.push(
      `type information from ${typedGroups.length} tsconfig${typedGroups.length === 1 ? "" : "s"} for ${typedFiles} file${typedFiles === 1 ? "" : "s"}` +
        (untyped > 0 ? `; ${untyped} file${untyped === 1 ? " is" : "s are"} in no tsconfig and ran without` : ""),
    );
  }
  for (const [configPath, problem] of index?.problems ?? []) {
    notes.push(`cannot read ${displayPath(configPath)} (${problem}): its files ran without type information`);
  }
  if (cmd.jobsGiven && cmd.jobs > 1 && (forced || typedGroups.length > 0)) {
    // Programs cannot cross threads, and rebuilding one per worker costs more than it saves.
    err(paint.dim(`stable-schema: files with type information run in-process; --jobs ${cmd.jobs} applies to the others`));
  }

  const formatting = cmd.format && toMigrate.length > 0 ? await loadFormatting(process.cwd()) : undefined;
  const progress: ProgressSink = progressEnabled() ? new ProgressBar() : noProgress;

  // --dry prints diffs in path order while results arrive out of order: hold them until their turn.
  const order = new Map(toMigrate.map((f, i) => [f, i]));
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
  const onResult = async (migrated: FileResult): Promise<void> => {
    let result = migrated;
    if (formatting && result.status === "changed" && result.source !== undefined && result.output !== undefined) {
      result = { ...result, output: await formatting.format(result.path, result.source, result.output) };
    }
    const final = cmd.dry ? result : await writeResult(result);
    // The texts are only needed for the diff (held below); the summary and report do not keep them.
    const { source: _source, output: _output, ...kept } = final;
    results.push(kept);
    progress.tick(displayPath(result.path));
    if (cmd.dry) {
      held.set(order.get(result.path) ?? -1, result);
      printDiffsInOrder();
    }
  };

  // Loaded here, not at the top: the planner pulls in the parser and typescript, which --help,
  // usage errors and the dirty-tree refusal do not need.
  const { runFiles } = await import("./lib/pool.js");
  const { runTyped } = await import("./lib/typed-run.js");
  progress.start(toMigrate.length);
  // Installed packages' and TypeScript's declaration files are parsed once for all the tsconfigs.
  const declarations = typescript ? new DeclarationCache(typescript) : undefined;
  for (const group of groups) {
    let build = forced;
    if (group.tsconfig !== undefined && typescript && index) {
      const parsed = index.config(group.tsconfig);
      if (parsed) build = () => createProject(typescript, parsed, declarations);
    }
    // A group's files share one program per pass (lib/typed-run.ts), dropped before the next group's.
    if (build) await runTyped(group.files, build, { optionsFor, onResult });
    else await runFiles(group.files, { jobs: cmd.jobs, optionsFor, onResult });
  }
  progress.stop();

  if (formatting) notes.push(...formatting.notes());
  const report = buildReport(results, { dryRun: cmd.dry });
  if (cmd.report) {
    await mkdir(path.dirname(path.resolve(cmd.report)), { recursive: true });
    await writeFile(cmd.report, `${JSON.stringify(report, null, 2)}\n`, "utf8");
  }

  const failures = results.filter((r) => r.status === "failed").sort((a, b) => (a.path < b.path ? -1 : 1));
  const seconds = (performance.now() - started) / 1000;
  err(formatSummary(report.totals, { paint, seconds, notes }));
  if (failures.length > 0) {
    err("");
    err(paint.red(`${failures.length} file${failures.length === 1 ? "" : "s"} failed and ${failures.length === 1 ? "was" : "were"} left untouched:`));
    for (const f of failures) err(`  ${formatFailure(f)}`);
  }
  // The withKey module can differ per file (settings["stable-schema"].withKey per config block).
  const byModule = new Map<string, FileResult[]>();
  for (const result of results) {
    const module = optionsByFile.get(result.path)?.withKeyImport.module;
    if (module !== undefined) byModule.set(module, [...(byModule.get(module) ?? []), result]);
  }
  for (const [module, moduleResults] of byModule) {
    const withoutRuntime = unresolvedRuntime(moduleResults, module);
    if (withoutRuntime.length === 0) continue;
    err("");
    err(
      paint.yellow(
        `note: the migrated code imports withKey from "${module}", which does not resolve from ` +
          `${withoutRuntime.map((dir) => displayPath(dir)).slice(0, 3).join(", ")}${withoutRuntime.length > 3 ? ` and ${withoutRuntime.length - 3} more` : ""}` +
          `: add the runtime as a dependency (npm i ${module})`,
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
    if (error instanceof MissingPathError || error instanceof ProjectError || error instanceof GitError || error instanceof ConfigError) {
      process.stderr.write(`stable-schema: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`stable-schema: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
