// Option schema fragments with their defaults, for rules that decide by "runs repeatedly?"
// (no-inline-predicate, no-schema-in-function). A rule spreads the properties into its schema and the
// defaults into its defaultOptions (or takes the ones it shares), so both live here once. A rule with
// other memo functions by default builds its property with memoFunctionsProperty(its defaults).
import type { JSONSchema4 } from "@typescript-eslint/utils/json-schema";
import { type SiteOptions } from "../analysis/reported.js";
import { defaultEffectFunctions, defaultMemoFunctions } from "../analysis/repetition.js";

export interface RepetitionRuleOptions {
  scope?: "repeated" | "all";
  checkFactories?: boolean;
  memoFunctions?: string[];
  effectFunctions?: string[];
}

export const repetitionDefaults = {
  scope: "repeated",
  checkFactories: false,
  memoFunctions: [...defaultMemoFunctions],
  effectFunctions: [...defaultEffectFunctions],
} as const satisfies Required<Readonly<RepetitionRuleOptions>> & { memoFunctions: readonly string[]; effectFunctions: readonly string[] };

/** `memoFunctions`, its description naming the rule's defaults. */
export function memoFunctionsProperty(defaults: readonly string[]) {
  return {
    type: "array",
    items: { type: "string" },
    uniqueItems: true,
    description: `Calls whose callback runs once or rarely (default: ${defaults.join(", ")}).`,
  } as const satisfies JSONSchema4;
}

export const repetitionProperties = {
  scope: {
    type: "string",
    enum: ["repeated", "all"],
    description: "`repeated` reports closures created in code that runs more than once; `all` also reports module level.",
  },
  checkFactories: {
    type: "boolean",
    description: "Also report inside schema factories (functions that build and return the schema) instead of leaving them to their callers.",
  },
  memoFunctions: memoFunctionsProperty(defaultMemoFunctions),
  effectFunctions: {
    type: "array",
    items: { type: "string" },
    uniqueItems: true,
    description: `Effect hooks whose callback runs only when its deps change when a deps argument is given (default: ${defaultEffectFunctions.join(", ")}); without deps it runs after every render.`,
  },
} as const satisfies Record<keyof RepetitionRuleOptions, JSONSchema4>;

/** The analysis's site options from a rule's options (defaults filled in). */
export function siteOptions(options: RepetitionRuleOptions): SiteOptions {
  return {
    scope: options.scope ?? repetitionDefaults.scope,
    checkFactories: options.checkFactories ?? repetitionDefaults.checkFactories,
    memoFunctions: options.memoFunctions ?? repetitionDefaults.memoFunctions,
    effectFunctions: options.effectFunctions ?? repetitionDefaults.effectFunctions,
  };
}

/** How a rule applies its plans: autofix what is safe and suggest the rest, suggest everything, or only report. */
export type FixMode = "autofix" | "suggest" | "none";

export const fixModeDefault: FixMode = "autofix";

export function fixModeProperty(description: string): JSONSchema4 {
  return { type: "string", enum: ["autofix", "suggest", "none"], description };
}
