// The dirty-tree check: the codemod rewrites files in place, so by default it only runs where
// `git diff` / `git checkout` can show and undo what it did.
import { execFile } from "node:child_process";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface GitState {
  /** Work trees the targets live in (empty when none is in a git repository). */
  roots: string[];
  /** Targets that are not inside any git work tree. */
  outside: string[];
  /** `git status --porcelain` lines for the targets, prefixed with their work tree when relevant. */
  dirty: string[];
}

async function dirOf(target: string): Promise<string> {
  const absolute = path.resolve(target);
  try {
    return (await stat(absolute)).isDirectory() ? absolute : path.dirname(absolute);
  } catch {
    return path.dirname(absolute);
  }
}

export async function gitRoot(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir });
    const root = stdout.trim();
    return root ? path.resolve(root) : undefined;
  } catch {
    return undefined; // not a repository, or git is not installed
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
export async function gitState(
  targets: readonly string[],
  exclude: readonly string[] = [],
  /** Changed files that do not count either, by absolute path (the reports of earlier runs). */
  ignore: (absolute: string) => boolean = () => false,
): Promise<GitState> {
  const excluded = new Set<string>();
  for (const file of exclude) {
    const absolute = path.resolve(file);
    const dir = await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute));
    excluded.add(path.join(dir, path.basename(absolute)));
  }
  const byRoot = new Map<string, string[]>();
  const outside: string[] = [];
  for (const target of targets) {
    const root = await gitRoot(await dirOf(target));
    if (!root) {
      outside.push(target);
      continue;
    }
    const list = byRoot.get(root) ?? [];
    // git prints its top level with symbolic links resolved; give it paths resolved the same way.
    list.push(await realpath(path.resolve(target)).catch(() => path.resolve(target)));
    byRoot.set(root, list);
  }
  const dirty: string[] = [];
  for (const [root, paths] of byRoot) {
    const { stdout } = await run("git", ["status", "--porcelain", "--untracked-files=all", "--", ...paths], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const line of stdout.split("\n")) {
      const absolute = path.join(root, porcelainPath(line));
      if (!line.trim() || excluded.has(absolute) || ignore(absolute)) continue;
      dirty.push(byRoot.size > 1 ? `${root}: ${line}` : line);
    }
  }
  return { roots: [...byRoot.keys()], outside, dirty };
}
