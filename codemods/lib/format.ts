// The repository's own formatters on the files the migration changed: its Prettier (resolved from the
// working directory, never a copy of this package's, with the options it resolves for each file) and
// the Biome of each file's project (biome.ts). Each runs only on files that were clean for it before
// the migration: a file that was not stays byte for byte as the planner wrote it (the migration never
// reformats code it did not change). `--no-format` turns this off.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BiomeFormatting } from "./biome.js";
import { displayPath } from "./report.js";

export interface Formatter {
  readonly name: string;
  /** `after` formatted, when `before` was formatted already; `after` unchanged otherwise. */
  format(file: string, before: string, after: string): Promise<{ text: string; formatted: boolean }>;
}

interface PrettierApi {
  readonly version: string;
  resolveConfig(file: string, options?: { editorconfig?: boolean }): Promise<Record<string, unknown> | null>;
  getFileInfo(file: string, options?: { ignorePath?: string[] }): Promise<{ ignored: boolean; inferredParser: string | null }>;
  check(source: string, options: Record<string, unknown>): Promise<boolean>;
  format(source: string, options: Record<string, unknown>): Promise<string>;
}

/** The project's Prettier (>= 3, promise API), or undefined when it has none. */
export async function loadFormatter(cwd: string): Promise<Formatter | undefined> {
  let resolved: string;
  try {
    resolved = createRequire(path.join(cwd, "__stable_schema__.js")).resolve("prettier");
  } catch {
    return undefined;
  }
  const mod = (await import(pathToFileURL(resolved).href)) as PrettierApi & { default?: PrettierApi };
  const prettier = typeof mod.format === "function" ? mod : mod.default;
  if (!prettier || Number.parseInt(prettier.version, 10) < 3) return undefined;
  const ignorePath = [path.join(cwd, ".prettierignore"), path.join(cwd, ".gitignore")];
  return {
    name: `Prettier ${prettier.version}`,
    async format(file, before, after) {
      const info = await prettier.getFileInfo(file, { ignorePath });
      if (info.ignored || info.inferredParser === null) return { text: after, formatted: false };
      const options = { ...((await prettier.resolveConfig(file, { editorconfig: true })) ?? {}), filepath: file };
      if (!(await prettier.check(before, options))) return { text: after, formatted: false };
      return { text: await prettier.format(after, options), formatted: true };
    },
  };
}

/** All the project's formatters, in turn, on a changed file; what they did, for the summary. */
export interface Formatting {
  /** `after` formatted by each formatter for which `before` was clean. */
  format(file: string, before: string, after: string): Promise<string>;
  /** One line per formatter that was found. */
  notes(): string[];
}

export async function loadFormatting(cwd: string): Promise<Formatting> {
  const prettier = await loadFormatter(cwd);
  const biome = new BiomeFormatting();
  /** Formatter name → changed files it formatted. */
  const counts = new Map<string, number>(prettier ? [[prettier.name, 0]] : []);
  const count = (name: string, formatted: boolean) => counts.set(name, (counts.get(name) ?? 0) + (formatted ? 1 : 0));
  return {
    async format(file, before, after) {
      let text = after;
      if (prettier) {
        try {
          const result = await prettier.format(file, before, text);
          count(prettier.name, result.formatted);
          text = result.text;
        } catch {
          // Prettier could not handle it: the text so far stays.
        }
      }
      try {
        const result = await biome.format(file, before, text);
        if (result.tool !== undefined) count(result.tool, result.formatted);
        return result.text;
      } catch {
        return text;
      }
    },
    notes() {
      const lines = [...counts].map(([name, n]) => `${name} formatted ${n} changed file${n === 1 ? "" : "s"} (the ones that were formatted before)`);
      if (biome.missing.size > 0) {
        const dirs = [...biome.missing].map((dir) => (path.resolve(dir) === process.cwd() ? "." : displayPath(dir)));
        lines.push(
          `not formatted with Biome: ${dirs.slice(0, 3).join(", ")}${dirs.length > 3 ? ` and ${dirs.length - 3} more` : ""} ` +
            `${dirs.length === 1 ? "has" : "have"} a Biome configuration but no @biomejs/biome installed`,
        );
      }
      return lines;
    },
  };
}
