// What the run did: the unified diff for --dry, the JSON report for --report, and the summary table.
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { fixKinds } from "../../lib/edits/fix-kinds.js";
import type { SiteAction, SiteResult } from "../../lib/edits/migrate.js";
import type { FileError, FileResult, FileStatus, SkipReason } from "./process.js";

/** A unified diff with `a/` and `b/` paths, as `git diff` prints them. Empty when nothing changed. */
export function formatDiff(displayPath: string, before: string, after: string): string {
  if (before === after) return "";
  const posix = displayPath.split(path.sep).join("/");
  return createTwoFilesPatch(`a/${posix}`, `b/${posix}`, before, after, undefined, undefined, { context: 3 })
    .replace(/^=+\n/m, ""); // drop the "====" separator line `diff` adds under the Index line
}

export interface ReportFile {
  /** Relative to the working directory, with `/` separators. */
  path: string;
  status: FileStatus;
  skipReason?: SkipReason;
  sites: SiteResult[];
  error?: FileError;
}

export interface Totals {
  files: { scanned: number; changed: number; unchanged: number; skipped: number; failed: number };
  /** Sites per fix kind's action (`hoisted`, `wrapped`), then `left`. */
  sites: Record<SiteAction, number>;
  /** Why sites were left, most frequent first; names in backticks are folded (`…`) so reasons group. */
  leftReasons: Array<{ reason: string; count: number }>;
  /** Sites fixed by a later kind that would be hoisted with type information (`--project`). */
  hoistableWithTypes: number;
}

export interface Report {
  version: 1;
  dryRun: boolean;
  totals: Totals;
  files: ReportFile[];
}

export function displayPath(absolute: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, absolute);
  const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : absolute;
  return shown.split(path.sep).join("/");
}

export function buildReport(results: readonly FileResult[], options: { dryRun: boolean; cwd?: string }): Report {
  const files: ReportFile[] = results
    .map((r) => {
      const file: ReportFile = { path: displayPath(r.path, options.cwd), status: r.status, sites: r.sites };
      if (r.skipReason) file.skipReason = r.skipReason;
      if (r.error) file.error = r.error;
      return file;
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { version: 1, dryRun: options.dryRun, totals: computeTotals(results), files };
}

/** "it captures `count`, which is reassigned" → "it captures `…`, which is reassigned". */
export function reasonTemplate(reason: string): string {
  return reason.replace(/`(?!(?:this|arguments|super|new\.target)`)[^`\n]+`/g, "`…`");
}

export function computeTotals(results: readonly FileResult[]): Totals {
  const totals: Totals = {
    files: { scanned: results.length, changed: 0, unchanged: 0, skipped: 0, failed: 0 },
    sites: Object.fromEntries([...fixKinds.map((kind) => [kind.action, 0]), ["left", 0]]) as Record<SiteAction, number>,
    leftReasons: [],
    hoistableWithTypes: 0,
  };
  const reasons = new Map<string, number>();
  for (const r of results) {
    totals.files[r.status] += 1;
    for (const site of r.sites) {
      totals.sites[site.action] += 1;
      if (site.action !== "left" && site.needsTypes) totals.hoistableWithTypes += 1;
      if (site.action === "left") {
        const reason = reasonTemplate(site.reason ?? "(no reason given)");
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
  }
  totals.leftReasons = [...reasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return totals;
}

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

const plain: Paint = { bold: String, dim: String, red: String, green: String, yellow: String };

/** The end-of-run summary, one table for files, one for sites, then the top reasons sites were left. */
export function formatSummary(totals: Totals, options: { paint?: Paint; seconds?: number; topReasons?: number } = {}): string {
  const c = options.paint ?? plain;
  const f = totals.files;
  const s = totals.sites;
  const rows: Array<[string, number, (t: string) => string]> = [
    ["files scanned", f.scanned, String],
    ["  changed", f.changed, f.changed ? c.green : String],
    ["  unchanged", f.unchanged, String],
    ["  skipped (prefilter or no candidates)", f.skipped, c.dim],
    ["  failed", f.failed, f.failed ? c.red : String],
    ...fixKinds.map((kind): [string, number, (t: string) => string] => [kind.summary, s[kind.action], String]),
    ["sites left", s.left, s.left ? c.yellow : String],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const numberWidth = Math.max(...rows.map(([, n]) => String(n).length));
  const lines = rows.map(([label, n, color]) => `  ${label.padEnd(labelWidth)}  ${color(String(n).padStart(numberWidth))}`);
  const top = totals.leftReasons.slice(0, options.topReasons ?? 5);
  if (top.length > 0) {
    lines.push("", `  ${c.bold("why sites were left")}`);
    const countWidth = Math.max(...top.map((r) => String(r.count).length));
    for (const { reason, count } of top) lines.push(`  ${String(count).padStart(countWidth)}  ${reason}`);
    const more = totals.leftReasons.length - top.length;
    if (more > 0) lines.push(c.dim(`  … and ${more} more reason${more === 1 ? "" : "s"} (see --report)`));
  }
  if (totals.hoistableWithTypes > 0) {
    const n = totals.hoistableWithTypes;
    lines.push(
      "",
      c.dim(
        `  tip: ${n} closure${n === 1 ? " captures" : "s capture"} nothing but ${n === 1 ? "was" : "were"} wrapped because parameter types are unknown without type information; run with --project <tsconfig.json> to hoist ${n === 1 ? "it" : "them"} to module level instead`,
      ),
    );
  }
  const title = options.seconds !== undefined ? `stable-schema migrate — ${options.seconds.toFixed(1)}s` : "stable-schema migrate";
  return [c.bold(title), ...lines].join("\n");
}

/**
 * `file:line:column: message` as compilers print it (1-based column). The JSON report keeps the
 * ESTree convention of SiteResult: 1-based line, 0-based column.
 */
export function formatLocation(file: string, error: FileError | undefined): string {
  const where = error?.line !== undefined ? `${file}:${error.line}:${(error.column ?? 0) + 1}` : file;
  return `${where}: ${error?.message ?? "failed"}`;
}

export function formatFailure(file: FileResult, cwd?: string): string {
  return formatLocation(displayPath(file.path, cwd), file.error);
}
