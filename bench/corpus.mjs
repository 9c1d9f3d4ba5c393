// The real-world corpus that the corpus test (tests/corpus/) and the lint benchmark (bench/lint.mjs) lint.
//
// Each package is a pinned npm tarball fetched with `npm pack` (so it goes through the user's registry
// configuration), checked against its pinned integrity, and extracted into a cache outside the repository:
// `$STABLE_SCHEMA_CORPUS_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/stable-schema-corpus`. Once a package is in
// the cache, loading it touches no network. Downloads go to a temporary name and are renamed into place,
// so two processes filling the same cache at once do not see half-written packages.

import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import tseslint from "typescript-eslint";

const execFileAsync = promisify(execFile);

/**
 * The pinned corpus. `include` lists the tarball members to extract (GNU tar wildcards, relative to the
 * tarball's `package/` folder); only those are extracted, which keeps the cache small. `extensions`
 * narrows the source extensions for packages that ship the same code twice (`.js` + `.mjs`).
 *
 * @type {readonly import("./corpus.d.mts").CorpusPackageSpec[]}
 */
export const corpusPackages = Object.freeze([
  {
    name: "@mistralai/mistralai",
    version: "2.7.0",
    integrity:
      "sha512-zCrx6MtNpcz+EL/Nqvg55QubSgmfwJfBmd3d3wSYfJGfnvlNnWcJYlxEW5xQpS3KR6A5qK9KUyRBwMDIWnyVGA==",
    include: ["src"],
    why:
      "Speakeasy-generated SDK on zod/v4: ~800 module-level `.transform(...)` schemas in src/models/** (must stay " +
      "silent) and per-call `z.custom(...)` in the stream helpers in src/funcs/*Stream*.ts (must be reported).",
  },
  {
    name: "effect",
    version: "3.22.4",
    integrity:
      "sha512-RNshu7AXVxxDh6aS4lothhJ+QoZ4xSykbWNaaVdvDN72RMyVwhCGdALkyl1TbEydgAmRIdD1eTyJqBUGwSBGDA==",
    include: ["src"],
    why: "effect 3 ships its TypeScript sources, Schema.filter/transform included: big files, heavy generics.",
  },
  {
    name: "effect",
    version: "4.1.0",
    integrity:
      "sha512-lGx2MJJyrXA8RZb2UpQ/0Nkb5Utaimby7oD92+18noBxLPE85IFOvptdzau8dvcxAOwfwHo9iqapbKeFzqQM/Q==",
    include: ["src"],
    why: "effect 4 (npm latest) sources: the new Schema API (makeFilter, SchemaGetter) used inside the library.",
  },
  {
    name: "zod",
    version: "4.6.7",
    integrity:
      "sha512-g8W2D2kU6a8untc053fX1uVBKzM7yqAxW/3zwk83+6RyF2+SKOuV+c0wBDhUwzV1PaGapmZH+rmcUzPf+3CGwg==",
    include: ["src"],
    why: "zod's own sources and tests: library internals (noise/crash test) plus hundreds of schemas inside test callbacks.",
  },
  {
    name: "@hookform/resolvers",
    version: "7.0.7",
    integrity:
      "sha512-sxiEGu5dhg6gMEsGznEQ/++634YiRLmxclw+/B1+yNN9uuhKIfNCRTE4xwqkRcKNqBPwtmDXg5oDhLw3i/wklw==",
    include: ["*/src"],
    why: "One TypeScript src/ per schema library (zod, yup, valibot, arktype, effect, joi, superstruct, io-ts, typebox, …) with tests.",
  },
  {
    name: "@strapi/content-type-builder",
    version: "5.54.0",
    integrity:
      "sha512-WKckKuvwVOJe6UDvaD5FRz0p9YwFgUKkgFhfH9TmL7BvyL10jVXvuxuEzGf96Y361aHbjVEnzXr5jsed/vd/8Q==",
    include: ["dist"],
    extensions: [".mjs"],
    why: "Ships readable (unminified) ESM only: yup schemas with `.test(...)` built inside React form helpers and request validators.",
  },
  {
    name: "better-auth",
    version: "1.7.25",
    integrity:
      "sha512-OglRnzasyXpZHMceZBW76tQRbS6lSJhqkxm0l/7db1qJ415ecD1YkKHgOUCvmPbVDLJiB4/fumD2vw2hf+1VCQ==",
    include: ["dist"],
    extensions: [".mjs"],
    why: "Readable ESM build of an auth library whose plugins build zod schemas inside factory functions.",
  },
  {
    name: "@trpc/server",
    version: "11.25.2",
    integrity:
      "sha512-zfFwyroSYSYlsAGo7yezGM+gAhHRBD9LyVMkXyCjWM2JuhorKGzl2fBzEUjHSKTtYlJ8l6DR3LHsBHBCTmAofQ==",
    include: ["src"],
    why: "Schema-agnostic router internals: lots of `.input(...)`/parser look-alikes that must stay silent.",
  },
  {
    name: "fastify",
    version: "5.12.8",
    integrity:
      "sha512-moP8exb2sCHLUbJkwp+I6C0padhy4D8lp0SdmzY7HhSdZuqm7O/u3o2aq7u8okaQ//33QDzj3G/u+FsSdB8Qzw==",
    include: ["fastify.js", "lib"],
    why: "HTTP framework (plain CommonJS sources): per-request code next to module-level maps, symbols and caches (no-unbounded-cache).",
  },
  {
    name: "openai",
    version: "7.59.0",
    integrity:
      "sha512-wPYKJkLPFEdNJ2tThSg4jE1Ptsv4X3u8g8LIvu0Qz/UIhsKeCzl73rl48PtQsDVrJL/ku0liXOsbyd2TsRsPJw==",
    include: ["src"],
    why: "Server-side SDK shipping its TypeScript sources: clients, streaming helpers, module-level registries (no-unbounded-cache).",
  },
  {
    name: "eslint",
    version: "10.15.0",
    integrity:
      "sha512-+5Wg4p+ze3sG1WErYgUO/3H1IQIfFBymVUA0Fo/XTeBOLS6UQIUekpSJ8sdRkn7O7wjh84b55w/roqavH2aScg==",
    include: ["bin", "lib"],
    why: "A CLI (plain JavaScript sources) with many module-level caches and WeakMaps, some bounded, some not (no-unbounded-cache).",
  },
  {
    name: "undici",
    version: "8.13.1",
    integrity:
      "sha512-Kt7EaPjh0s93lJH/PmW3d5rhkcpUa6fS3jqZ7+YGxNd9L7Xy/i827xe4C2uhhq+pJebM4tQOl5AgHmW11G5Skg==",
    include: ["index.js", "lib"],
    why: "Node's HTTP client (plain JavaScript): connection pools, caches and registries in long-lived server processes (no-unbounded-cache).",
  },
  {
    name: "@grpc/grpc-js",
    version: "1.14.7",
    integrity:
      "sha512-W4W/fcBMGRVtG6dW2c7cw2mnpS3hvbBd+oQXjh2iYFTZDk1JJmcNqkM5KSaPubQpamlUUurrlb7G1s9NJeERmQ==",
    include: ["src"],
    why: "gRPC for Node in TypeScript sources: channels, subchannel pools and resolver/load-balancer registries (no-unbounded-cache).",
  },
  {
    name: "mongoose",
    version: "9.12.1",
    integrity:
      "sha512-wPw1NKurTDShT+kr/JJvhdwPKIJkxFJv5GEbv++QahN8snPR9Fp/BFg6nQbbCyUHBB8DexwwlCQW6SfBD99QCg==",
    include: ["lib"],
    why: "Server-side ODM (plain JavaScript): model and plugin registries, per-query caches (no-unbounded-cache).",
  },
  {
    name: "@apollo/server",
    version: "5.5.1",
    integrity:
      "sha512-Rn3g5TJQsMSUY23CWZTghWdBWyjX7dP1eaEBPkvmM2RHi82cDcpgTIkSCbGvtTUEGjwopLv1AAooU/n7iIZ20A==",
    include: ["src"],
    why: "GraphQL server in TypeScript sources: document and schema caches in request pipelines (no-unbounded-cache).",
  },
  {
    name: "webpack",
    version: "5.113.0",
    integrity:
      "sha512-q54iF0LNaAAdLEt3al9qMXC2zARvcx7LVKjHp+ExjCRkGx0M8TmawGHAXykXwofWzxhNzPTAh3kLVXvNg0El4A==",
    include: ["lib"],
    why: "A build CLI (plain JavaScript) with hundreds of module-level caches, most of them WeakMaps (no-unbounded-cache).",
  },
]);

const SOURCE_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx"]);
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
/** Files above this size are skipped when they look bundled or minified (under dist/, or very long lines). */
const BUNDLE_SIZE_LIMIT = 300 * 1024;
const MINIFIED_LINE_LENGTH = 1000;
const COMPLETE_MARKER = ".stable-schema-corpus-complete";

/** Globs covering every corpus file, for flat configs. */
export const corpusFileGlobs = Object.freeze([...SOURCE_EXTENSIONS].map((extension) => `**/*${extension}`));

/**
 * The flat config every corpus lint starts from: the typescript-eslint parser without type information,
 * inline `eslint-*` comments ignored (the corpus's own directives must not hide or add reports), then
 * `extra` (plugins and rules).
 *
 * @param {readonly import("eslint").Linter.Config[]} [extra]
 * @returns {import("eslint").Linter.Config[]}
 */
export function corpusLintConfig(extra = []) {
  return [
    {
      files: [...corpusFileGlobs],
      languageOptions: {
        parser: /** @type {import("eslint").Linter.Parser} */ (tseslint.parser),
        ecmaVersion: "latest",
        sourceType: "module",
      },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off" },
    },
    { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs" } },
    ...extra,
  ];
}

/** @returns {string} */
export function defaultCacheDir() {
  const fromEnv = process.env.STABLE_SCHEMA_CORPUS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(xdg, "stable-schema-corpus");
}

/**
 * Downloads (once) and lists the corpus.
 *
 * @param {import("./corpus.d.mts").LoadCorpusOptions} [options]
 * @returns {Promise<import("./corpus.d.mts").CorpusPackage[]>}
 */
export async function loadCorpus(options = {}) {
  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir());
  const log = options.log ?? (() => {});
  const specs = options.only
    ? corpusPackages.filter((spec) => options.only?.some((id) => id === spec.name || id === specId(spec)))
    : corpusPackages;
  if (options.only && specs.length === 0) {
    throw new Error(`loadCorpus: none of ${options.only.join(", ")} is in the corpus`);
  }
  await fs.mkdir(cacheDir, { recursive: true });

  // Fetch sequentially: npm pack is network-bound and the registry is happier with one request at a time.
  /** @type {import("./corpus.d.mts").CorpusPackage[]} */
  const result = [];
  for (const spec of specs) {
    const dir = await ensurePackage(spec, cacheDir, log, options.offline === true);
    const { files, skipped } = await listSourceFiles(dir, spec);
    if (files.length === 0) throw new Error(`${specId(spec)}: no source files found under ${dir}`);
    result.push({ name: spec.name, version: spec.version, id: specId(spec), dir, files, skipped });
  }
  return result;
}

/** @param {import("./corpus.d.mts").CorpusPackageSpec} spec */
function specId(spec) {
  return `${spec.name}@${spec.version}`;
}

/**
 * @param {import("./corpus.d.mts").CorpusPackageSpec} spec
 * @param {string} cacheDir
 * @param {(message: string) => void} log
 * @param {boolean} offline
 * @returns {Promise<string>} the extracted `package/` folder
 */
async function ensurePackage(spec, cacheDir, log, offline) {
  const folder = `${spec.name.replace("/", "__")}@${spec.version}`;
  const finalDir = path.join(cacheDir, folder);
  if (await exists(path.join(finalDir, COMPLETE_MARKER))) return path.join(finalDir, "package");
  if (offline) throw new Error(`${specId(spec)} is not in the corpus cache ${cacheDir} and offline was requested`);
  if (await exists(finalDir)) {
    // A folder without the marker is left over from an interrupted older layout: replace it.
    await fs.rm(finalDir, { recursive: true, force: true });
  }

  const tempDir = path.join(cacheDir, `.tmp-${folder}-${process.pid}-${randomBytes(4).toString("hex")}`);
  await fs.mkdir(tempDir, { recursive: true });
  try {
    const started = performance.now();
    log(`corpus: npm pack ${specId(spec)}`);
    const { stdout } = await execFileAsync(
      "npm",
      ["pack", specId(spec), "--pack-destination", tempDir, "--json", "--ignore-scripts"],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_loglevel: "error" } },
    );
    const packed = /** @type {Array<{ filename: string; integrity: string }>} */ (JSON.parse(stdout));
    const entry = packed[0];
    if (!entry) throw new Error(`npm pack ${specId(spec)} printed no package`);
    const tarball = path.join(tempDir, path.basename(entry.filename));
    const actual = await sha512(tarball);
    if (actual !== spec.integrity) {
      throw new Error(`${specId(spec)}: integrity mismatch, expected ${spec.integrity}, got ${actual}`);
    }

    const extractDir = path.join(tempDir, "extract");
    await fs.mkdir(extractDir);
    const members = spec.include.map((member) => `package/${member}`);
    await execFileAsync("tar", ["-xzf", tarball, "-C", extractDir, "--no-same-owner", "--wildcards", ...members]);
    await fs.writeFile(
      path.join(extractDir, COMPLETE_MARKER),
      JSON.stringify({ id: specId(spec), integrity: spec.integrity, include: spec.include }) + "\n",
    );
    try {
      await fs.rename(extractDir, finalDir);
    } catch (error) {
      // Another process finished first: its copy is identical (same integrity), use it.
      if (!(await exists(path.join(finalDir, COMPLETE_MARKER)))) throw error;
    }
    log(`corpus: ${specId(spec)} ready in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await fs.rm(tempDir, { recursive: true, force: true });
  }
  return path.join(finalDir, "package");
}

/**
 * @param {string} dir
 * @param {import("./corpus.d.mts").CorpusPackageSpec} spec
 * @returns {Promise<{ files: string[]; skipped: string[] }>}
 */
async function listSourceFiles(dir, spec) {
  const allowed = spec.extensions ? new Set(spec.extensions) : SOURCE_EXTENSIONS;
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const candidates = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => allowed.has(path.extname(file)) && SOURCE_EXTENSIONS.has(path.extname(file)))
    .filter((file) => !DECLARATION_FILE.test(file))
    .filter((file) => !file.split(path.sep).includes("node_modules"));

  const hasSrc = candidates.some((file) => relativeParts(dir, file).includes("src"));
  /** @type {string[]} */
  const files = [];
  /** @type {string[]} */
  const skipped = [];
  for (const file of candidates) {
    const parts = relativeParts(dir, file);
    if (hasSrc && parts.includes("dist")) {
      skipped.push(file);
      continue;
    }
    const { size } = await fs.stat(file);
    if (size > BUNDLE_SIZE_LIMIT && (parts.includes("dist") || (await longestLine(file)) > MINIFIED_LINE_LENGTH)) {
      skipped.push(file);
      continue;
    }
    files.push(file);
  }
  files.sort();
  skipped.sort();
  return { files, skipped };
}

/** @param {string} dir @param {string} file */
function relativeParts(dir, file) {
  return path.relative(dir, file).split(path.sep).slice(0, -1);
}

/** @param {string} file */
async function longestLine(file) {
  const text = await fs.readFile(file, "utf8");
  let longest = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  return longest;
}

/** @param {string} file */
async function sha512(file) {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return `sha512-${hash.digest("base64")}`;
}

/** @param {string} file */
async function exists(file) {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
