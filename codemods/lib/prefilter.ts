// A quick text prefilter: can this file contain a schema call at all?
//
// Placeholder until lib/edits/migrate.ts exports its own `mightContainCandidates` with the same
// signature (the lead may replace this body). It must never say "no" for a file the planner would
// change: it looks for a quoted module specifier of a known schema library (or a module the user maps
// to one) anywhere in the text, so `import`, `export … from`, `require()` and `import()` all count.

/** Module specifiers of the schema libraries the analysis knows. `/*` means "and any subpath". */
export const SCHEMA_MODULES: readonly string[] = [
  "zod",
  "zod/*",
  "valibot",
  "yup",
  "arktype",
  "effect",
  "effect/*",
  "@effect/schema",
  "@effect/schema/*", // `import * as S from "@effect/schema/Schema"` is the usual spelling
  "joi",
  "superstruct",
  "io-ts",
  "io-ts/*",
  "@sinclair/typebox",
  "typebox",
  "typebox/*",
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function specifierPattern(specifier: string): string {
  if (specifier.endsWith("/*")) {
    // `zod/*`: the bare module or any subpath (`zod/v4`, `zod/v4/core`).
    return `${escapeRegExp(specifier.slice(0, -2))}(?:/[^'"\`\\s]*)?`;
  }
  return escapeRegExp(specifier);
}

function buildPattern(extra: readonly string[]): RegExp {
  const alternatives = [...SCHEMA_MODULES, ...extra].map(specifierPattern);
  // The same quote on both sides: "zod", 'zod', `zod`.
  return new RegExp(`(["'\`])(?:${alternatives.join("|")})\\1`);
}

const defaultPattern = buildPattern([]);
const patternCache = new Map<string, RegExp>();

function patternFor(modules: Readonly<Record<string, string>> | undefined): RegExp {
  const keys = modules ? Object.keys(modules) : [];
  if (keys.length === 0) return defaultPattern;
  const cacheKey = JSON.stringify(keys);
  let pattern = patternCache.get(cacheKey);
  if (!pattern) {
    pattern = buildPattern(keys);
    // Bounded: a CLI run has one `modules` mapping; a long-lived host might have a few.
    if (patternCache.size >= 32) patternCache.clear();
    patternCache.set(cacheKey, pattern);
  }
  return pattern;
}

/**
 * True if `source` mentions, in quotes, the specifier of a schema library or of a module mapped in
 * `modules` (its keys). False means the file cannot contain a candidate and can be skipped unparsed.
 */
export function mightContainCandidates(source: string, modules?: Record<string, string>): boolean {
  return patternFor(modules).test(source);
}
