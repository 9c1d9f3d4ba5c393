// The project's own Biome on the files the migration changed, as format.ts does with Prettier. A file's
// project uses Biome when a biome.json / biome.jsonc lies in its directory or above and @biomejs/biome
// resolves from there (never this package's copy). A changed file is formatted only if it was clean
// before, in one of two degrees:
//   - `check`: clean for `biome check --linter-enabled=false` (formatting and the assist actions,
//     such as organizeImports, which wants the added `withKey` import sorted in); the migrated text
//     gets `check --write --linter-enabled=false` (safe fixes only; the linter's are never applied);
//   - `format`: else, clean for `biome format`; the migrated text gets `biome format`.
// A file that was neither stays byte for byte as the planner wrote it.
//
// How Biome runs: the native binary of the project's @biomejs/biome (its platform package, as the
// package's own `bin/biome` finds it, without the node start-up of that wrapper), on stdin with
// `--stdin-file-path`, from the directory of the root configuration, so that nested configurations,
// `files.includes` and `overrides` apply as in `biome check` there. In-process through the project's
// @biomejs/js-api only where that gives the same answers: its @biomejs/wasm-nodejs has the version of
// the project's @biomejs/biome, and the configuration has nothing that depends on the file's path or on
// other files (`extends`, `overrides`, `files`, a nested configuration) — the JS API applies none of
// those (measured with js-api 6.0.0 / wasm 2.5.14: an ignored file and one whose override disables the
// formatter were formatted).
import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LRUCache } from "lru-cache";

const CONFIG_NAMES = ["biome.json", "biome.jsonc"];
/** A Biome call that takes longer is abandoned (the migrated text is kept as it is). */
const TIMEOUT_MS = 60_000;

type Mode = "check" | "format";

/** One way of running the project's Biome on a text. */
interface BiomeRunner {
  /** `text` as Biome writes it in `mode`, or undefined when Biome refuses (parse error, formatter off…). */
  run(text: string, file: string, mode: Mode): Promise<string | undefined>;
}

interface BiomeProject {
  /** `Biome 2.6.8` (and `, JS API` when in-process). */
  readonly name: string;
  readonly runner: BiomeRunner;
}

export interface BiomeOutcome {
  text: string;
  /** The Biome of the file's project (`Biome 2.6.8`), when it has one installed. */
  tool?: string;
  /** Whether that Biome formatted the text (false: the file was not clean before, or Biome refused). */
  formatted: boolean;
}

/** Biome for the files of a run: found per file, loaded once per root configuration. */
export class BiomeFormatting {
  private readonly configs = new LRUCache<string, string | false>({ max: 10_000 });
  private readonly projects = new LRUCache<string, Promise<BiomeProject | string>>({ max: 100 });
  /** Root configurations whose Biome is not installed (for the summary). */
  readonly missing = new Set<string>();

  /** `after` in the style of the file's Biome, if the file was clean for it in `before`. */
  async format(file: string, before: string, after: string): Promise<BiomeOutcome> {
    const nearest = this.nearestConfig(path.dirname(path.resolve(file)));
    if (!nearest) return { text: after, formatted: false };
    const root = this.rootConfig(nearest);
    let loading = this.projects.get(root);
    if (!loading) {
      loading = loadProject(root, nearest === root);
      this.projects.set(root, loading);
    }
    const project = await loading;
    if (typeof project === "string") {
      if (this.missing.size < 100) this.missing.add(path.dirname(root));
      return { text: after, formatted: false };
    }
    // A nested configuration under a root one that the JS API runner could not honour: the binary.
    const runner = nearest === root ? project.runner : (await binaryProject(root)).runner;
    for (const mode of ["check", "format"] as const) {
      if ((await runner.run(before, file, mode)) !== before) continue;
      const formatted = await runner.run(after, file, mode);
      return formatted === undefined ? { text: after, tool: project.name, formatted: false } : { text: formatted, tool: project.name, formatted: true };
    }
    return { text: after, tool: project.name, formatted: false };
  }

  /** The nearest biome.json / biome.jsonc in `dir` or above. */
  private nearestConfig(dir: string): string | undefined {
    const cached = this.configs.get(dir);
    if (cached !== undefined) return cached || undefined;
    let found: string | undefined;
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
    }
    if (!found && path.basename(dir) !== "node_modules" && path.dirname(dir) !== dir) found = this.nearestConfig(path.dirname(dir));
    this.configs.set(dir, found ?? false);
    return found;
  }

  /** The configuration Biome starts from: the nearest one that is not `"root": false`. */
  private rootConfig(config: string): string {
    for (let current = config; ; ) {
      if (readConfig(current)?.["root"] !== false) return current;
      const parent = path.dirname(path.dirname(current));
      const above = parent === path.dirname(current) ? undefined : this.nearestConfig(parent);
      if (!above) return current;
      current = above;
    }
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** biome.json(c) as an object, or undefined when it cannot be read (Biome itself will say why). */
function readConfig(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stripJsonComments(readFileSync(file, "utf8")));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** JSONC → JSON: comments and trailing commas removed, strings left as they are. */
export function stripJsonComments(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end;
    } else if (char === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
      out += " ";
    } else {
      out += char;
    }
  }
  return out.replace(/,(\s*[}\]])/g, "$1");
}

interface Installed {
  readonly version: string;
  /** package.json of the project's @biomejs/biome. */
  readonly packageJson: string;
}

function installedBiome(root: string): Installed | undefined {
  try {
    const packageJson = createRequire(root).resolve("@biomejs/biome/package.json");
    const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
    return { version, packageJson };
  } catch {
    return undefined;
  }
}

/** The project of a root configuration; a string says why there is none. */
async function loadProject(root: string, jsApiAllowed: boolean): Promise<BiomeProject | string> {
  const installed = installedBiome(root);
  if (!installed) return `@biomejs/biome is not installed`;
  if (jsApiAllowed) {
    // A JS API that fails to load or to take the configuration: the binary.
    const inProcess = await jsApiProject(root, installed).catch(() => undefined);
    if (inProcess) return inProcess;
  }
  return binaryProject(root, installed);
}

const binaries = new LRUCache<string, BiomeProject>({ max: 100 });

async function binaryProject(root: string, installed = installedBiome(root)): Promise<BiomeProject> {
  const cached = binaries.get(root);
  if (cached) return cached;
  const command = installed ? biomeCommand(installed.packageJson) : undefined;
  const cwd = path.dirname(root);
  const runner: BiomeRunner = {
    async run(text, file, mode) {
      if (!command) return undefined;
      const args = mode === "check" ? ["check", "--write", "--linter-enabled=false"] : ["format"];
      const relative = path.relative(cwd, path.resolve(file)).split(path.sep).join("/");
      const result = await runWithInput(command.file, [...command.args, ...args, `--stdin-file-path=${relative}`], cwd, text);
      return result.code === 0 ? result.stdout : undefined;
    },
  };
  const project = { name: `Biome ${installed?.version ?? "(unknown version)"}`, runner };
  binaries.set(root, project);
  return project;
}

/**
 * The native binary of @biomejs/biome, found as its `bin/biome` finds it (BIOME_BINARY, else the
 * platform package); else that script itself, with node (slower: a node start-up per call).
 */
function biomeCommand(packageJson: string): { file: string; args: string[] } {
  const require = createRequire(packageJson);
  const override = process.env["BIOME_BINARY"];
  if (override) {
    try {
      return { file: require.resolve(override), args: [] };
    } catch {
      return { file: override, args: [] };
    }
  }
  const { platform, arch } = process;
  const executable = platform === "win32" ? "biome.exe" : "biome";
  const variants = platform === "linux" ? (isMusl() ? [`linux-${arch}-musl`, `linux-${arch}`] : [`linux-${arch}`, `linux-${arch}-musl`]) : [`${platform}-${arch}`];
  for (const variant of variants) {
    try {
      return { file: require.resolve(`@biomejs/cli-${variant}/${executable}`), args: [] };
    } catch {
      // not installed for this platform: the next variant, or the script
    }
  }
  return { file: process.execPath, args: [path.join(path.dirname(packageJson), "bin/biome")] };
}

function isMusl(): boolean {
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header !== undefined && report.header.glibcVersionRuntime === undefined;
}

/** Runs a process (of our own, killed on timeout) with `input` on stdin. */
function runWithInput(file: string, args: string[], cwd: string, input: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(file, args, { cwd, stdio: ["pipe", "pipe", "ignore"], windowsHide: true });
    } catch {
      resolve({ code: null, stdout: "" });
      return;
    }
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", () => {
      clearTimeout(timer);
      resolve({ code: null, stdout: "" });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(chunks).toString("utf8") });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
  });
}

interface JsApi {
  Biome: { create(options: { distribution: number }): Promise<JsBiome> };
  Distribution: { NODE: number };
}

interface JsBiome {
  openProject(path?: string): { projectKey: number };
  applyConfiguration(projectKey: number, configuration: unknown): void;
  formatContent(projectKey: number, content: string, options: { filePath: string }): { content: string; diagnostics: { severity?: string }[] };
  lintContent(projectKey: number, content: string, options: { filePath: string; fixFileMode?: string }): { content: string; diagnostics: { severity?: string }[] };
}

/** Configuration keys whose effect depends on the file's path or on other files. */
const PATH_DEPENDENT = ["extends", "overrides", "files", "root"];

async function jsApiProject(root: string, installed: Installed): Promise<BiomeProject | undefined> {
  const config = readConfig(root);
  if (!config || PATH_DEPENDENT.some((key) => key in config && !(key === "root" && config[key] === true))) return undefined;
  const require = createRequire(root);
  let wasmVersion: string;
  let entry: string;
  try {
    wasmVersion = (JSON.parse(readFileSync(require.resolve("@biomejs/wasm-nodejs/package.json"), "utf8")) as { version: string }).version;
    entry = require.resolve("@biomejs/js-api");
  } catch {
    return undefined;
  }
  if (wasmVersion !== installed.version) return undefined;
  const api = (await import(pathToFileURL(entry).href)) as JsApi & { default?: JsApi };
  const { Biome, Distribution } = api.Biome ? api : api.default!;
  const biome = await Biome.create({ distribution: Distribution.NODE });
  const { $schema: _schema, ...settings } = config;
  const formatKey = biome.openProject(path.dirname(root)).projectKey;
  biome.applyConfiguration(formatKey, settings);
  // `check --linter-enabled=false`: the assist actions' safe fixes, then formatting.
  const checkKey = biome.openProject(path.dirname(root)).projectKey;
  biome.applyConfiguration(checkKey, { ...settings, linter: { ...(settings["linter"] as object | undefined), enabled: false } });
  const failed = (diagnostics: { severity?: string }[]) => diagnostics.some((d) => d.severity === "error" || d.severity === "fatal");
  const runner: BiomeRunner = {
    async run(text, file, mode) {
      const filePath = path.relative(path.dirname(root), path.resolve(file)).split(path.sep).join("/");
      try {
        let content = text;
        if (mode === "check") {
          const fixed = biome.lintContent(checkKey, content, { filePath, fixFileMode: "safeFixes" });
          if (failed(fixed.diagnostics)) return undefined;
          content = fixed.content;
        }
        const formatted = biome.formatContent(mode === "check" ? checkKey : formatKey, content, { filePath });
        return failed(formatted.diagnostics) ? undefined : formatted.content;
      } catch {
        return undefined;
      }
    },
  };
  return { name: `Biome ${installed.version} (JS API)`, runner };
}
