// Helpers for the install tests: pack the two workspaces once, make fresh projects in a temporary
// directory (own package.json, real installs from the npm registry, no links), run their tools.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The environment of a user's shell: none of the npm_* variables that `npm run` sets for us. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== "INIT_CWD" && key !== "NODE_OPTIONS") env[key] = value;
  }
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0", ...extra };
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function run(cwd: string, command: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    env: userEnv(options.env),
    encoding: "utf8",
    input: options.input ?? "",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Like run, but a non-zero exit is an error that shows the output. */
export function ok(cwd: string, command: string, args: string[], options: { env?: Record<string, string> } = {}): string {
  const result = run(cwd, command, args, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

export interface Tarballs {
  plugin: string;
  runtime: string;
  dir: string;
}

/** `npm pack` of the root (the plugin) and of the runtime workspace; the build must exist. */
export function packBoth(): Tarballs {
  const dir = mkdtempSync(path.join(tmpdir(), "stable-schema-pack-"));
  const out = ok(repoRoot, "npm", ["pack", "--workspaces", "--include-workspace-root", "--pack-destination", dir, "--json", "--silent"]);
  const packed = JSON.parse(out) as Array<{ name: string; filename: string }>;
  const file = (name: string) => {
    const entry = packed.find((p) => p.name === name);
    if (!entry) throw new Error(`npm pack did not produce ${name}: ${out}`);
    return path.join(dir, entry.filename);
  };
  return { plugin: file("eslint-plugin-stable-schema"), runtime: file("stable-schema"), dir };
}

/** A fresh project directory with its own package.json. */
export function freshProject(label: string, manifest: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), `stable-schema-${label}-`));
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: `probe-${label}`, version: "1.0.0", private: true, ...manifest }, null, 2)}\n`);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

export interface InstallSummary {
  added: number;
  status: number;
  output: string;
}

/** `npm install <specs>` as a user types it; `added` is npm's own count of packages it added. */
export function npmInstall(dir: string, specs: string[], flags: string[] = []): InstallSummary {
  const result = run(dir, "npm", ["install", "--no-audit", "--no-fund", "--json", ...flags, ...specs]);
  const output = `${result.stdout}\n${result.stderr}`;
  let added = -1;
  try {
    const start = result.stdout.indexOf("{");
    added = (JSON.parse(result.stdout.slice(start)) as { added?: number }).added ?? 0;
  } catch {
    // npm printed no JSON (an error): the status says so
  }
  return { added, status: result.status, output };
}

/** Packages in node_modules (scoped ones counted one by one), recursively through nested node_modules. */
export function countPackages(nodeModules: string): number {
  let count = 0;
  let entries: string[];
  try {
    entries = readdirSync(nodeModules);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.startsWith(".")) continue;
    const full = path.join(nodeModules, entry);
    if (entry.startsWith("@")) {
      for (const scoped of readdirSync(full)) count += 1 + countPackages(path.join(full, scoped, "node_modules"));
    } else {
      count += 1 + countPackages(path.join(full, "node_modules"));
    }
  }
  return count;
}

/** Bytes of a directory tree (apparent sizes; links not followed). */
export function treeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += treeBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

export function bin(dir: string, name: string): string {
  return path.join(dir, "node_modules", ".bin", name);
}

export interface EslintMessage {
  ruleId: string | null;
  line: number;
  message: string;
  fatal?: boolean;
}

/** `eslint --format json` on the given files: file name (relative) → messages. */
export function eslintJson(dir: string, files: string[], extra: string[] = []): Record<string, EslintMessage[]> {
  const result = run(dir, bin(dir, "eslint"), ["--format", "json", ...extra, ...files]);
  if (result.status !== 0 && result.status !== 1) throw new Error(`eslint exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  const reports = JSON.parse(result.stdout) as Array<{ filePath: string; messages: EslintMessage[] }>;
  return Object.fromEntries(reports.map((r) => [path.relative(dir, r.filePath), r.messages]));
}

export function readText(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), "utf8");
}

export function removeAll(dirs: string[]): void {
  if (process.env.KEEP_INSTALL_PROJECTS) return;
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

export function tryExec(cwd: string, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd, env: userEnv(), encoding: "utf8" });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; status?: number };
    return `exit ${e.status}\n${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
}
