// withKey ids must be unique in the whole process, not only in one module: the runtime's intern
// table is shared, and two modules can hold the same closure text reading different module-level
// bindings (`n <= LIMIT` with another LIMIT). Ids therefore start with the module's identity:
// the nearest package's name and the file's path inside it, e.g. `my-app/src/handlers/users#isValidAge`.
import fs from "node:fs";
import path from "node:path";
import { LRUCache } from "lru-cache";

/** A package.json larger than this is not read (real ones are a few KB; npm's own is under 10 KB). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * The text of a package.json if it is a regular file of at most MAX_MANIFEST_BYTES, else undefined.
 * A repository can commit anything under that name — a FIFO (an open for reading would block ESLint
 * forever), a symbolic link to /dev/zero (endless) or to a huge file — so the file is opened
 * non-blocking, checked with fstat on the open descriptor (no race with a swapped path), and read
 * with a hard byte bound.
 */
export function readManifest(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch {
    return undefined; // none here (or unreadable)
  }
  try {
    const info = fs.fstatSync(fd);
    if (!info.isFile() || info.size > MAX_MANIFEST_BYTES) return undefined;
    const buffer = Buffer.alloc(Math.min(info.size, MAX_MANIFEST_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, length);
      if (n === 0) break;
      length += n;
      if (length > MAX_MANIFEST_BYTES || length === buffer.length) return undefined; // grew while read
    }
    return buffer.toString("utf8", 0, length);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

const packageRoots = new LRUCache<string, { root: string; name: string } | false>({ max: 2_000 });

function nearestPackage(dir: string): { root: string; name: string } | undefined {
  const visited: string[] = [];
  let current = dir;
  let found: { root: string; name: string } | false = false;
  for (;;) {
    const cached = packageRoots.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const manifest = path.join(current, "package.json");
    const text = readManifest(manifest);
    if (text !== undefined) {
      try {
        const parsed = JSON.parse(text) as { name?: unknown };
        found = { root: current, name: typeof parsed.name === "string" && parsed.name !== "" ? parsed.name : path.basename(current) };
        break;
      } catch {
        // not JSON: go up
      }
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const entry of visited) packageRoots.set(entry, found);
  return found === false ? undefined : found;
}

/** `package/path/inside/it` without extension, `/`-separated; the bare file name when there is no package. */
export function moduleIdentity(filename: string): string {
  const absolute = path.resolve(filename);
  const withoutExtension = (p: string) => p.replace(/\.(?:[cm]?[jt]sx?)$/i, "");
  const pkg = path.isAbsolute(filename) || fs.existsSync(path.dirname(absolute)) ? nearestPackage(path.dirname(absolute)) : undefined;
  if (!pkg) return withoutExtension(path.basename(filename));
  const relative = path.relative(pkg.root, absolute).split(path.sep).join("/");
  return `${pkg.name}/${withoutExtension(relative)}`;
}
