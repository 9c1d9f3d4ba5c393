import type { Linter } from "eslint";

export interface CorpusPackageSpec {
  readonly name: string;
  /** Exact version: the corpus is pinned for reproducible numbers. */
  readonly version: string;
  /** The tarball's `dist.integrity`; the download is rejected when it differs. */
  readonly integrity: string;
  /** Tarball members to extract, relative to `package/` (GNU tar wildcards). */
  readonly include: readonly string[];
  /** Restrict the source extensions (for packages that ship the same code as `.js` and `.mjs`). */
  readonly extensions?: readonly string[];
  /** Why this package is in the corpus. */
  readonly why: string;
}

export interface CorpusPackage {
  readonly name: string;
  readonly version: string;
  /** `name@version` */
  readonly id: string;
  /** The extracted `package/` folder. */
  readonly dir: string;
  /** Absolute paths of the source files to lint, sorted. */
  readonly files: string[];
  /** Source files left out: bundled/minified (> 300 KB) or dist/ when src/ exists. */
  readonly skipped: string[];
}

export interface LoadCorpusOptions {
  /** Default: `$STABLE_SCHEMA_CORPUS_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/stable-schema-corpus`. */
  cacheDir?: string;
  /** Only these packages (`name` or `name@version`). */
  only?: readonly string[];
  /** Fail instead of downloading a package that is not cached yet. */
  offline?: boolean;
  /** Progress messages (downloads only). */
  log?: (message: string) => void;
}

export declare const corpusFileGlobs: readonly string[];
export declare function corpusLintConfig(extra?: readonly Linter.Config[]): Linter.Config[];
export declare const corpusPackages: readonly CorpusPackageSpec[];
export declare function defaultCacheDir(): string;
export declare function loadCorpus(options?: LoadCorpusOptions): Promise<CorpusPackage[]>;
