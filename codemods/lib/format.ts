// The repository's own formatter on the files the migration changed. Only the project's Prettier is
// used (resolved from the working directory, never a copy of this package's), with the options it
// resolves for each file, and only on files that were formatter-clean before the migration: a file
// that was not stays byte for byte as the planner wrote it (the migration never reformats code it did
// not change). `--no-format` turns this off.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

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
