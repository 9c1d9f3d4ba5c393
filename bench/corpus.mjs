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
  {
    name: "express",
    version: "5.3.0",
    integrity:
      "sha512-qCqy1xSoaugxOD4IVHb1ZWdkvCF2W3aE2okKouWj8VwJ+ztskSiXoBnCSJqfKT+cVPJhuJqe9YLbY425+Zh00g==",
    include: ["index.js", "lib"],
    why: "HTTP framework (plain CommonJS): the application, request and response prototypes and the view cache (no-unbounded-cache).",
  },
  {
    name: "koa",
    version: "3.3.0",
    integrity:
      "sha512-NdsWJYxVzUuYt718DtEQRhUXqqsAPA4VlaUGrlidjh/T2TP/4OQXqQg4ouUHfHD9f+tgmwLZWPm+JQLgqM9YbA==",
    include: ["lib"],
    why: "HTTP framework (plain CommonJS): middleware composition and per-request context objects (no-unbounded-cache).",
  },
  {
    name: "hono",
    version: "4.13.19",
    integrity:
      "sha512-KmXvQAXwcAHV+muzbIwoJ23niEB5nMoDVr9WcRkU8mvjUECm/1+7v4Jgp7P7a+H6MLFrh+vXrGonGrGS+RQfkA==",
    include: ["dist/compose.js", "dist/context.js", "dist/hono-base.js", "dist/hono.js", "dist/http-exception.js", "dist/index.js", "dist/request.js", "dist/router.js", "dist/adapter", "dist/client", "dist/helper", "dist/jsx", "dist/middleware", "dist/preset", "dist/request", "dist/router", "dist/utils", "dist/validator"],
    why: "HTTP framework for every runtime (readable ESM build, its CommonJS copy and types left out): routers, middleware caches, JSX renderer (no-unbounded-cache).",
  },
  {
    name: "got",
    version: "16.1.0",
    integrity:
      "sha512-LOvohAoc/3O8+Gi3E5RRvamkyXmJq9ewj/cimmqQYn+Me5OKCVHKQI9ygF0O882l573lrpLbKZpsydYRttpDEg==",
    include: ["dist/source"],
    why: "HTTP client (compiled TypeScript, readable ESM): retries, hooks, DNS and response caches (no-unbounded-cache).",
  },
  {
    name: "axios",
    version: "1.21.1",
    integrity:
      "sha512-6eI5Q/Y4u/Um9dDlsRoq5pY2rxnUTv+L4PpLitnbk/i4jb3MxLZ5CsN5Ih3IysbeRYK4pR+P7qfMsOQl9fwwFQ==",
    include: ["index.js", "lib"],
    why: "HTTP client (plain ESM sources): adapters, interceptors, helpers with module-level state (no-unbounded-cache).",
  },
  {
    name: "ioredis",
    version: "6.0.0",
    integrity:
      "sha512-f+Dtubxfpf6KYFq7WVXJoOLn0bk4TJrMrN9SzeE+jrWrCWj7XX3fA6vkryafhADX+GMymRxgDJDOI33COkJc0w==",
    include: ["built"],
    why: "Redis client (compiled TypeScript): command queues, cluster slots, script caches in long-lived servers (no-unbounded-cache).",
  },
  {
    name: "pg",
    version: "8.23.1",
    integrity:
      "sha512-aL96AHANtWjPLDOLqnhx+ngp9+UK7ETEU8VJrDCGvsSSi/mGLcWYsS6Herg7lmaBJe4uwrfqsa7gTEFaSizDoQ==",
    include: ["lib"],
    why: "PostgreSQL client (plain CommonJS): connections, prepared-statement names, type parsers (no-unbounded-cache).",
  },
  {
    name: "@smithy/smithy-client",
    version: "4.15.2",
    integrity:
      "sha512-qweA7dHwcWmq8IN2mIGo7nAfeji1nwWBra+P3nz4R8W8yoQYE6Iy2bN33I0W3d50MN/V5EiDY/nElr4EHITsrg==",
    include: ["dist-es"],
    why: "The AWS SDK v3 client runtime (readable ESM): commands, middleware stacks, serde helpers (no-unbounded-cache).",
  },
  {
    name: "graphql",
    version: "17.1.0",
    integrity:
      "sha512-JKCOa7rSQNrket/JFhuua86hljUO+IIpyUHfKxlKD6FEfbrLX8jc1FDrA0KPKI+s8OspBCF/5npYccAICHXPpQ==",
    include: ["error", "execution", "jsutils", "language", "type", "utilities", "validation", "graphql.mjs", "index.mjs", "version.mjs"],
    extensions: [".mjs"],
    why: "GraphQL reference implementation (ESM copy only; its __dev__ build left out): executor, validation, memoised helpers (no-unbounded-cache).",
  },
  {
    name: "socket.io",
    version: "4.8.4",
    integrity:
      "sha512-9ZV9zg8vN8hO3Y25DhR7nUkJ1VDnBhq5O/JrXhFT9s6+F0gqytSASTHVfCFc2mJXaTfARroErplXlzFWwETZqQ==",
    include: ["dist"],
    why: "Real-time server (compiled TypeScript): namespaces, rooms, sockets and acknowledgement maps (no-unbounded-cache).",
  },
  {
    name: "yargs",
    version: "18.2.0",
    integrity:
      "sha512-9OpKOLeaoNFecEp7P6iYbzze/5CqWoH7N3SMs/6y1XF4nMvFMspEGZzJ6uFi9MmQwXhyzqYoSEKO3tvA3Z/o2w==",
    include: ["build/lib", "lib", "index.mjs", "helpers"],
    why: "A CLI argument parser (compiled TypeScript, ESM): command registries, usage and completion state (no-unbounded-cache).",
  },
  {
    name: "commander",
    version: "15.1.0",
    integrity:
      "sha512-cgnQ88TRrWcC7pVq46RzJVRMktu3W2RcbnoidnfBsl1bmDCBwJS/udcIZpKoCrbAYYaCqsz1yZCVIgbIaU3ddQ==",
    include: ["index.js", "lib"],
    why: "A CLI framework (plain CommonJS): commands, options, help (no-unbounded-cache).",
  },
  {
    name: "pino",
    version: "10.4.0",
    integrity:
      "sha512-bk1ZMTwG/Vymx+zPoa28MhNzucFvXJWp3csrSuxuHPSMeUettaCoQ5Jvg07mtC4JGNpcfTwz41oVCnNgBK9+vA==",
    include: ["pino.js", "file.js", "lib"],
    why: "Logger for servers (plain CommonJS): child loggers, serializers, transports and worker threads (no-unbounded-cache).",
  },
  {
    name: "winston",
    version: "3.19.0",
    integrity:
      "sha512-LZNJgPzfKR+/J3cHkxcpHKpKKvGfDZVPS4hfJCc4cCG0CgYzvlD6yE/S3CIL/Yt91ak327YCpiF/0MyeZHEHKA==",
    include: ["lib"],
    why: "Logger (plain CommonJS sources; its dist copy left out): containers of loggers, profilers, exception handlers (no-unbounded-cache).",
  },
  {
    name: "dd-trace",
    version: "5.132.0",
    integrity:
      "sha512-2j+bHhDuAG0ghR7Qu/3fXR/02QhaX6U4ZanzasT7fZOsprwyR7RIC0gIykwcFiqY+NxF5ITmQAyUOQ0XuH8gfw==",
    include: ["packages"],
    why: "An APM agent (plain CommonJS) that runs inside every traced server: per-request, per-query and per-test state at module level, telemetry dedupe sets, instrumentation registries (no-unbounded-cache).",
  },
  {
    name: "tailwindcss",
    version: "3.4.17",
    integrity:
      "sha512-w33E2aCvSDP0tW9RZuNXadXlkHXqFzSkQew/aIa2i/Sj8fThxwovwlXHSPXTbAHwEIhBFXAedUhP2tueAKP8Og==",
    include: ["src"],
    why: "A CSS compiler that lives in watch mode and dev servers (its sources, not the compiled lib/ copy): module-level caches of selectors, candidates and contexts (no-unbounded-cache).",
  },
  {
    name: "stylelint",
    version: "17.16.0",
    integrity:
      "sha512-ejlWnbJ13x1GU32+zZXa6sYQJsKKkwSdv2B4rAdO3OWdEmvhSJKcXi5pOphQYSzyaj1kXpuGJr7pcMBNfDIuPw==",
    include: ["lib"],
    extensions: [".mjs"],
    why: "A linter that runs in editors' language servers for hours (ESM copy only): lexer and option caches (no-unbounded-cache).",
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
