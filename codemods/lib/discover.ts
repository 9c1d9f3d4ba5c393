// File discovery: paths may be files or directories. Directories are walked, skipping `.git`,
// `node_modules` and whatever a `.gitignore` (the repository root's, and nested ones relative to
// their own directory) ignores. Files named explicitly are always taken, whatever their extension.
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import ignore, { type Ignore } from "ignore";

export const DEFAULT_EXTENSIONS: readonly string[] = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];

/** A target that cannot be used: it does not exist, is a symbolic link loop, cannot be accessed… */
export class MissingPathError extends Error {
  constructor(
    readonly target: string,
    readonly code?: string,
  ) {
    super(describePathError(target, code));
    this.name = "MissingPathError";
  }
}

function describePathError(target: string, code: string | undefined): string {
  switch (code) {
    case undefined:
    case "ENOENT":
      return `no such file or directory: ${target}`;
    case "ELOOP":
      return `too many levels of symbolic links (a symbolic link loop): ${target} (ELOOP)`;
    case "ENOTDIR":
      return `a part of the path is not a directory: ${target} (ENOTDIR)`;
    case "EACCES":
    case "EPERM":
      return `permission denied: ${target} (${code})`;
    default:
      return `cannot access ${target} (${code})`;
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export interface DiscoverOptions {
  extensions: readonly string[];
  /**
   * Git work trees: the `.gitignore` of the one containing a target is the root one, and directories
   * between it and the target contribute theirs too. Outside any, only `.gitignore` files inside the
   * walked directories count.
   */
  roots?: readonly string[];
}

interface IgnoreLayer {
  dir: string;
  ig: Ignore;
}

/** Throws MissingPathError for the first target that does not exist. */
export async function assertPathsExist(targets: readonly string[]): Promise<void> {
  for (const target of targets) {
    try {
      await stat(target);
    } catch (error) {
      throw new MissingPathError(target, codeOf(error));
    }
  }
}

export async function discoverFiles(targets: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const extensions = new Set(options.extensions.map((e) => e.replace(/^\./, "").toLowerCase()));
  const found = new Set<string>();
  const layerCache = new Map<string, IgnoreLayer | null>();

  async function layerFor(dir: string): Promise<IgnoreLayer | null> {
    if (layerCache.has(dir)) return layerCache.get(dir) ?? null;
    let layer: IgnoreLayer | null = null;
    try {
      const text = await readFile(path.join(dir, ".gitignore"), "utf8");
      layer = { dir, ig: ignore().add(text) };
    } catch {
      layer = null;
    }
    layerCache.set(dir, layer);
    return layer;
  }

  function ignoredBy(layers: readonly IgnoreLayer[], absolute: string, isDir: boolean): boolean {
    // git semantics: a deeper .gitignore can re-include (`!pattern`) what a shallower one ignored.
    let ignored = false;
    for (const { dir, ig } of layers) {
      const rel = path.relative(dir, absolute).split(path.sep).join("/");
      if (!rel || rel.startsWith("..")) continue;
      const result = ig.test(isDir ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** The .gitignore layers that apply inside `dir`: from the root down to `dir` itself. */
  async function layersDownTo(dir: string): Promise<IgnoreLayer[]> {
    const chain: string[] = [];
    const root =
      (options.roots ?? [])
        .filter((r) => isInside(r, dir))
        .sort((a, b) => b.length - a.length)[0] ?? dir;
    for (let d = dir; ; d = path.dirname(d)) {
      chain.unshift(d);
      if (d === root || path.dirname(d) === d) break;
    }
    const layers: IgnoreLayer[] = [];
    for (const d of chain) {
      const layer = await layerFor(d);
      if (layer) layers.push(layer);
    }
    return layers;
  }

  async function walk(dir: string, layers: IgnoreLayer[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable directory: nothing to migrate there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name === ".git") continue;
        if (ignoredBy(layers, absolute, true)) continue;
        const own = await layerFor(absolute);
        await walk(absolute, own ? [...layers, own] : layers);
      } else if (entry.isFile()) {
        // Symbolic links are not followed: writing through one would replace the link with a file.
        const ext = path.extname(entry.name).slice(1).toLowerCase();
        if (!extensions.has(ext)) continue;
        if (ignoredBy(layers, absolute, false)) continue;
        found.add(absolute);
      }
    }
  }

  for (const target of targets) {
    let absolute: string;
    let info;
    try {
      // Resolved like git resolves its top level, so paths compare with the work tree roots.
      absolute = await realpath(path.resolve(target));
      info = await stat(absolute);
    } catch (error) {
      throw new MissingPathError(target, codeOf(error));
    }
    if (info.isDirectory()) {
      await walk(absolute, await layersDownTo(absolute));
    } else {
      found.add(absolute);
    }
  }
  return [...found].sort();
}

export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}
