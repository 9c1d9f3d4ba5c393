// The rule factory: typescript-eslint's `RuleCreator` contract (docs URL from the rule's name,
// `meta.defaultOptions` merged into the user's options), written here so that the plugin's run-time
// dependencies carry no TypeScript peer range: `@typescript-eslint/utils` is used for its types only.
import type { ESLintUtils, TSESLint } from "@typescript-eslint/utils";

export interface StableSchemaDocs {
  description: string;
  recommended?: "recommended" | "strict";
  requiresTypeChecking?: boolean;
}

// The package root: dist/lib/rules/ in the build, lib/rules/ in the sources (tests).
const packageRoot = new URL(import.meta.url.includes("/dist/") ? "../../../" : "../../", import.meta.url);

/**
 * The rule's page inside the installed package (`docs/` is in package.json `files`): a link that always
 * resolves, offline, and describes the installed version. The editor opens it from the diagnostic's
 * rule link and from "Show documentation".
 */
export const docsUrl = (name: string): string => new URL(`docs/rules/${name}.md`, packageRoot).href;

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, StableSchemaDocs>
>;

export type StableSchemaRuleModule<MessageIds extends string, Options extends readonly unknown[]> = TSESLint.RuleModule<
  MessageIds,
  Options,
  StableSchemaDocs
> & { name: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; arrays and other values in `override` replace. Pure. */
export function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/** Each option position: the user's value merged over the default (objects deeply, others replaced). */
export function applyDefaultOptions<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[] | undefined): Options {
  const options = structuredClone(defaults) as unknown as unknown[];
  options.forEach((fallback, index) => {
    const given = user?.[index];
    if (given === undefined) return;
    options[index] = isPlainObject(given) && isPlainObject(fallback) ? deepMerge(fallback, given) : given;
  });
  return options as unknown as Options;
}

export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
  defaultOptions,
}: RuleDefinition<Options, MessageIds>): StableSchemaRuleModule<MessageIds, Options> {
  const resolvedDefaults = (meta.defaultOptions ?? defaultOptions ?? []) as Options;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: docsUrl(name) } },
    defaultOptions: resolvedDefaults,
    create: (context) => create(context, applyDefaultOptions(resolvedDefaults, context.options)),
  };
}
