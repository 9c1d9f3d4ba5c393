// Shared by the corpus tests: load the built plugin, lint one file without throwing (rule exceptions
// become crash records), and print per-package tables.
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { Linter } from "eslint";

export type Plugin = { rules: Record<string, unknown> };

/** The built plugin; `STABLE_SCHEMA_CORPUS_PLUGIN` (a file path) lints with another build instead. */
export async function loadBuiltPlugin(rule: string): Promise<Plugin> {
  const override = process.env.STABLE_SCHEMA_CORPUS_PLUGIN;
  const url = override ? pathToFileURL(path.resolve(override)) : new URL("../../dist/plugin.js", import.meta.url);
  let loaded: { default?: Partial<Plugin> };
  try {
    loaded = (await import(url.href)) as { default?: Partial<Plugin> };
  } catch (error) {
    throw new Error(`rule not built yet: cannot import dist/plugin.js (run \`npm run build\`): ${String(error)}`);
  }
  const rules = loaded.default?.rules;
  if (!rules || !(rule in rules)) {
    const known = rules ? Object.keys(rules).join(", ") || "none" : "no rules object";
    throw new Error(`rule not built yet: dist/plugin.js has no rules["${rule}"] (has: ${known})`);
  }
  return { rules };
}

export function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

/** The corpus's own `eslint-disable` comments are ignored on purpose (`noInlineConfig`); ESLint says so. */
export function isIgnoredDirectiveNotice(message: Linter.LintMessage): boolean {
  return message.ruleId === null && !message.fatal && message.message.includes("because you have 'noInlineConfig'");
}

/** Lints one file; never throws (a thrown rule exception is recorded as a crash). */
export function lintFile(linter: Linter, config: Linter.Config[], virtualName: string, text: string) {
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(text, config, virtualName);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { messages: [], parseError: undefined, crashes: [`exception: ${detail}`] };
  }
  let parseError: Linter.LintMessage | undefined;
  const crashes: string[] = [];
  for (const message of messages) {
    if (isIgnoredDirectiveNotice(message)) continue;
    if (message.fatal && message.ruleId === null && message.message.startsWith("Parsing error")) {
      parseError = message;
    } else if (message.fatal || message.ruleId === null) {
      crashes.push(`${message.line}:${message.column} ${message.message}`);
    }
  }
  return { messages, parseError, crashes };
}

export function formatTable(rows: Array<Record<string, string | number>>): string {
  const first = rows[0];
  if (!first) return "";
  const headers = Object.keys(first);
  const widths = headers.map((header) => Math.max(header.length, ...rows.map((row) => String(row[header]).length)));
  const line = (cells: string[]) =>
    cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join("  ");
  return [line(headers), line(widths.map((width) => "-".repeat(width))), ...rows.map((row) => line(headers.map((h) => String(row[h]))))].join("\n");
}

