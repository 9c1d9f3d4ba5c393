// stable-schema/profile, formatting: the profile as text (sites by estimated cost, then cache and
// withKey hit rates), paths relative to the working directory, and who caused a rebuild.
import type { SchemaProfile } from "./profile-report.js";

/** `src/handlers/users.ts` for `file:///app/src/handlers/users.ts` when the working directory is /app. */
export function displayPath(file: string, cwd: string | undefined = currentDirectory()): string {
  let path = file.startsWith("file://") ? decodeURIComponent(file.slice("file://".length)) : file;
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1); // file:///C:/… on Windows
  path = path.replace(/\?.*$/, "");
  if (cwd) {
    const prefix = cwd.replace(/\\/g, "/").replace(/\/?$/, "/");
    if (path.replace(/\\/g, "/").startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}

function currentDirectory(): string | undefined {
  const process = (globalThis as { process?: { cwd?: () => string } }).process;
  try {
    return process?.cwd?.();
  } catch {
    return undefined;
  }
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(3);
}

function table(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd())
    .join("\n");
}

/** The first frame of a stack that is not in `file` and not the runtime: who caused a rebuild. */
export function callerOf(stack: string | undefined, file: string): string | undefined {
  if (stack === undefined) return undefined;
  const path = displayPath(file, "");
  for (const line of stack.split("\n")) {
    const frame = line.replace(/^at /, "");
    if (frame.includes(path) || frame.includes(file) || /stable-schema[\\/](?:dist|lib)|lib[\\/]runtime[\\/]dist|node:internal|node_modules/.test(frame)) continue;
    const location = frame.match(/\(([^()]+:\d+):\d+\)$/)?.[1] ?? frame.match(/^([^ ]+:\d+):\d+$/)?.[1];
    if (location) return displayPath(location);
  }
  return undefined;
}

export interface FormatOptions {
  /** Rows of the site table (default 20; the rest are summed in one line). */
  top?: number;
  /** Paths are shown relative to this directory (default: the working directory). */
  cwd?: string;
}

/** The profile as text: sites by estimated cost, then cache and withKey hit rates. */
export function formatProfile(profile: SchemaProfile, options: FormatOptions = {}): string {
  const top = options.top ?? 20;
  const cwd = options.cwd ?? currentDirectory();
  const out: string[] = [];
  if (!profile.enabled) {
    out.push("stable-schema profile: no instrumented code was loaded (node --import eslint-plugin-stable-schema/register, or the Vite plugin).");
    return out.join("\n");
  }
  const { totals } = profile;
  out.push(
    `stable-schema profile: ${totals.builds} schema builds at ${totals.sites} sites in ${totals.modules} instrumented modules, ` +
      `~${ms(totals.estimatedMs)} ms building (the first ${profile.sampleSize} builds of each site timed, the rest extrapolated)`,
  );
  if (profile.sites.length > 0) {
    const rows: string[][] = [["site", "call", "in", "builds", "calls", "per call", "~ms", "rules", "rebuilt from"]];
    for (const site of profile.sites.slice(0, top)) {
      rows.push([
        `${displayPath(site.file, cwd)}:${site.line}`,
        `${site.library} ${site.api}`,
        site.function,
        String(site.builds),
        site.calls === null ? "-" : String(site.calls),
        site.buildsPerCall === null ? "-" : site.buildsPerCall.toFixed(site.buildsPerCall % 1 === 0 ? 0 : 2),
        ms(site.estimatedMs),
        site.reportedByRules ? "reported" : site.builds > 1 ? "not seen" : "",
        site.builds > 1 ? (callerOf(site.rebuiltFrom, site.file) ?? "") : "",
      ]);
    }
    out.push(table(rows, new Set([3, 4, 5, 6])));
    const rest = profile.sites.slice(top);
    if (rest.length > 0) {
      out.push(`… ${rest.length} more sites: ${rest.reduce((sum, site) => sum + site.builds, 0)} builds, ~${ms(rest.reduce((sum, site) => sum + site.estimatedMs, 0))} ms`);
    }
  }
  if (profile.caches.length > 0) {
    const rows: string[][] = [["cache", "hits", "misses", "hit rate", "size", "evictions"]];
    for (const cache of [...profile.caches].sort((a, b) => b.misses - a.misses).slice(0, top)) {
      rows.push([cache.label, String(cache.hits), String(cache.misses), `${(cache.hitRate * 100).toFixed(1)}%`, String(cache.size), String(cache.evictions)]);
    }
    out.push(table(rows, new Set([1, 2, 3, 4, 5])));
  }
  const { intern } = profile;
  if (intern.hits + intern.misses > 0) {
    out.push(
      `withKey: ${intern.hits} hits, ${intern.misses} misses (${(intern.hitRate * 100).toFixed(1)}% hit rate), ${intern.size} interned, ${intern.evictions} evicted, ${intern.collisions} collisions`,
    );
  }
  return out.join("\n");
}
