// withKey ids must be unique in the whole process, not only in one module: the runtime's intern
// table is shared, and two modules can hold the same closure text reading different module-level
// bindings (`n <= LIMIT` with another LIMIT). Ids therefore start with the module's identity:
// the nearest package's name and the file's path inside it, e.g. `my-app/src/handlers/users#isValidAge`.
import fs from "node:fs";
import path from "node:path";
import { LRUCache } from "lru-cache";

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
    try {
      const parsed = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown };
      found = { root: current, name: typeof parsed.name === "string" && parsed.name !== "" ? parsed.name : path.basename(current) };
      break;
    } catch {
      // no (readable) package.json here: go up
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
