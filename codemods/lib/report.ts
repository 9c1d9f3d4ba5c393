// What the run did: the unified diff for --dry, the JSON report for --report, and the summary table.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { fixActions } from "../../lib/edits/fix-kinds.js";
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
  skipDetail?: string;
  sites: SiteResult[];
  error?: FileError;
}

/**
 * Whether `absolute` is a JSON report an earlier run wrote (`--report`): a report left uncommitted in
 * the tree must not block the next run. Only small `.json` files are opened.
 */
export function isReportFile(absolute: string): boolean {
  if (!absolute.endsWith(".json")) return false;
  try {
    if (statSync(absolute).size > 64 * 1024 * 1024) return false;
    const text = readFileSync(absolute, "utf8");
    if (!text.slice(0, 200).includes(`"tool": ${JSON.stringify(REPORT_TOOL)}`)) return false;
    return (JSON.parse(text) as { tool?: unknown }).tool === REPORT_TOOL;
  } catch {
    return false;
  }
}

export interface Totals {
  files: { scanned: number; changed: number; unchanged: number; skipped: number; failed: number; ruleOff: number };
  /** Closure sites per fix kind's action (`hoisted`, `wrapped`), then `left`. */
  sites: Record<SiteAction, number>;
  /** Schemas built per call (`--hoist-schemas`), counted apart from the closures in `sites`. */
  schemas: { hoisted: number; memoised: number; left: number };
  /** Why sites were left, most frequent first; names in backticks are folded (`…`) so reasons group. */
  leftReasons: Array<{ reason: string; count: number }>;
  /** Sites fixed by a later kind that would be hoisted with type information (`--project`). */
  hoistableWithTypes: number;
}

/** Marks a JSON file as a report of this tool: the dirty-tree check of the next run ignores it. */
export const REPORT_TOOL = "stable-schema migrate";

export interface Report {
  tool: typeof REPORT_TOOL;
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
      if (r.skipDetail) file.skipDetail = r.skipDetail;
      if (r.error) file.error = r.error;
      return file;
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tool: REPORT_TOOL, version: 1, dryRun: options.dryRun, totals: computeTotals(results), files };
}

/** "it captures `count`, which is reassigned" → "it captures `…`, which is reassigned". */
export function reasonTemplate(reason: string): string {
  return reason.replace(/`(?!(?:this|arguments|super|new\.target)`)[^`\n]+`/g, "`…`");
}

export function computeTotals(results: readonly FileResult[]): Totals {
  const totals: Totals = {
    files: { scanned: results.length, changed: 0, unchanged: 0, skipped: 0, failed: 0, ruleOff: 0 },
    sites: Object.fromEntries([...fixActions.map((kind) => [kind.action, 0]), ["left", 0]]) as Record<SiteAction, number>,
    schemas: { hoisted: 0, memoised: 0, left: 0 },
    leftReasons: [],
    hoistableWithTypes: 0,
  };
  const reasons = new Map<string, number>();
  for (const r of results) {
    totals.files[r.status] += 1;
    if (r.skipReason === "rule-off") totals.files.ruleOff += 1;
    // A failed file was left untouched: its sites were neither hoisted nor wrapped.
    if (r.status === "failed") continue;
    for (const site of r.sites) {
      if (site.kind === "schema") totals.schemas[site.action === "wrapped" ? "memoised" : site.action] += 1;
      else totals.sites[site.action] += 1;
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
export function formatSummary(
  totals: Totals,
  options: { paint?: Paint; seconds?: number; topReasons?: number; notes?: readonly string[] } = {},
): string {
  const c = options.paint ?? plain;
  const f = totals.files;
  const s = totals.sites;
  const rows: Array<[string, number, (t: string) => string]> = [
    ["files scanned", f.scanned, String],
    ["  changed", f.changed, f.changed ? c.green : String],
    ["  unchanged", f.unchanged, String],
    ["  skipped (prefilter or no candidates)", f.skipped - f.ruleOff, c.dim],
    ...(f.ruleOff > 0 ? [["  skipped (rule off in the ESLint config)", f.ruleOff, c.dim] as [string, number, (t: string) => string]] : []),
    ["  failed", f.failed, f.failed ? c.red : String],
    ...fixActions.map((kind): [string, number, (t: string) => string] => [kind.summary, s[kind.action], String]),
    ["sites left", s.left, s.left ? c.yellow : String],
  ];
  const sc = totals.schemas;
  if (sc.hoisted + sc.memoised + sc.left > 0) {
    rows.push(
      ["schemas hoisted", sc.hoisted, String],
      ["schemas memoised (useMemo, schemaFactory)", sc.memoised, String],
      ["schemas left", sc.left, sc.left ? c.yellow : String],
    );
  }
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
        `  tip: ${n} closure${n === 1 ? " captures" : "s capture"} nothing but ${n === 1 ? "was" : "were"} wrapped because parameter types are unknown without type information; run with type information (a tsconfig.json that includes the file, no --no-project, or --project <tsconfig.json>) to hoist ${n === 1 ? "it" : "them"} to module level instead`,
      ),
    );
  }
  if (options.notes && options.notes.length > 0) lines.push("", ...options.notes.map((note) => c.dim(`  ${note}`)));
  const perSecond = options.seconds !== undefined && options.seconds > 0 ? totals.files.scanned / options.seconds : undefined;
  const rate = perSecond === undefined ? "" : `, ${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)} files/s`;
  const title = options.seconds !== undefined ? `stable-schema migrate — ${options.seconds.toFixed(1)}s${rate}` : "stable-schema migrate";
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
