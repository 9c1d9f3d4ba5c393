// The dirty-tree check: the codemod rewrites files in place, so by default it only runs where
// `git diff` / `git checkout` can show and undo what it did.
import { execFile } from "node:child_process";
import { lstat, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface GitState {
  /** Work trees the targets live in (empty when none is in a git repository). */
  roots: string[];
  /** Targets that are not inside any git work tree. */
  outside: string[];
  /**
   * Targets that are named inside a git work tree but resolve (through symbolic links) outside it,
   * or that lie outside the work tree of the current directory: git diff cannot show their changes.
   */
  escaped: Array<{ target: string; resolved: string; root: string }>;
  /** `git status --porcelain` lines for the targets, prefixed with their work tree when relevant. */
  dirty: string[];
}

/** git could not answer (not installed, refused the repository, broken GIT_DIR…): the tree cannot be checked. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitError";
  }
}

async function dirOf(target: string): Promise<string> {
  const absolute = path.resolve(target);
  try {
    return (await stat(absolute)).isDirectory() ? absolute : path.dirname(absolute);
  } catch {
    return path.dirname(absolute);
  }
}

/**
 * The nearest directory at or above `dir` that holds a `.git` entry (a directory, or the file of a
 * linked work tree or submodule), found without running git. Undefined when there is none.
 */
export async function gitMarkerRoot(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      await lstat(path.join(current, ".git"));
      return current;
    } catch {
      // none here: go up
    }
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The work tree containing `dir`, or undefined when `dir` is not in a git repository. Throws GitError
 * when git fails for another reason ("dubious ownership", git not on PATH with a `.git` present, a
 * GIT_DIR that points nowhere): "cannot tell" must not read as "not a repository".
 */
export async function gitRoot(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir });
    const root = stdout.trim();
    if (!root) throw new GitError(`git rev-parse printed no work tree for ${dir}`);
    return path.resolve(root);
  } catch (error) {
    if (error instanceof GitError) throw error;
    // Decided by the file system, not by git's (translatable) message: no `.git` above and no
    // GIT_DIR means there is no repository, whatever git said or whether it is installed.
    if (process.env["GIT_DIR"] === undefined && (await gitMarkerRoot(dir)) === undefined) return undefined;
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    const why =
      e.code === "ENOENT"
        ? "git is not installed or not on PATH"
        : (e.stderr ?? "").trim().split("\n")[0] || e.message.trim();
    throw new GitError(`git failed in ${dir}: ${why}`);
  }
}

/** The path a `git status --porcelain` line is about (the new name of a rename). */
export function porcelainPath(line: string): string {
  let p = line.slice(3);
  const arrow = p.indexOf(" -> ");
  if (arrow !== -1) p = p.slice(arrow + 4);
  if (p.startsWith('"') && p.endsWith('"')) {
    try {
      p = JSON.parse(p) as string;
    } catch {
      p = p.slice(1, -1);
    }
  }
  return p;
}

/**
 * `exclude`: absolute paths whose changes do not count (the run's own --report file, which a
 * previous run may have left in the tree).
 */
export async function gitState(targets: readonly string[], exclude: readonly string[] = []): Promise<GitState> {
  const excluded = new Set<string>();
  for (const file of exclude) {
    const absolute = path.resolve(file);
    const dir = await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute));
    excluded.add(path.join(dir, path.basename(absolute)));
  }
  const byRoot = new Map<string, string[]>();
  const outside: string[] = [];
  const escaped: GitState["escaped"] = [];
  const cwdRoot = await gitRoot(process.cwd());
  for (const target of targets) {
    const absolute = path.resolve(target);
    const resolved = await realpath(absolute).catch(() => absolute);
    const root = await gitRoot(await dirOf(resolved));
    // Where the target is named: the work tree of its parent directory as written (an explicitly
    // named symbolic link inside a repository may lead anywhere), else that of the current directory.
    const namedIn = (await gitRoot(path.dirname(absolute))) ?? cwdRoot;
    if (namedIn !== undefined && root !== namedIn) {
      escaped.push({ target, resolved, root: namedIn });
    }
    if (!root) {
      if (namedIn === undefined) outside.push(target);
      continue;
    }
    const list = byRoot.get(root) ?? [];
    // git prints its top level with symbolic links resolved; give it paths resolved the same way.
    list.push(resolved);
    byRoot.set(root, list);
  }
  const dirty: string[] = [];
  for (const [root, paths] of byRoot) {
    let stdout: string;
    try {
      ({ stdout } = await run("git", ["status", "--porcelain", "--untracked-files=all", "--", ...paths], {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (error) {
      const e = error as Error & { stderr?: string };
      throw new GitError(`git status failed in ${root}: ${(e.stderr ?? "").trim().split("\n")[0] || e.message.trim()}`);
    }
    for (const line of stdout.split("\n")) {
      if (!line.trim() || excluded.has(path.join(root, porcelainPath(line)))) continue;
      dirty.push(byRoot.size > 1 ? `${root}: ${line}` : line);
    }
  }
  return { roots: [...byRoot.keys()], outside, escaped, dirty };
}
