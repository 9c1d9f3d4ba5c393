import { createRule } from "../lib/rules/create-rule.js";
import { fileAnalysisFor } from "../lib/rules/source.js";
import { defaultMemoFunctions, describeKind, describeRepeat, type CaptureInfo } from "../lib/analysis/index.js";

export type Options = [
  {
    scope?: "repeated" | "all";
    checkFactories?: boolean;
    memoFunctions?: string[];
  },
];
export type MessageIds = "inlineRepeated" | "inlineModule";

function describeCaptures(info: CaptureInfo): string {
  const names = info.values.map((capture) => `\`${capture.name}\``);
  const typeNames = info.types.map((capture) => `\`${capture.name}\``);
  const parts: string[] = [];
  if (names.length > 0) parts.push(`captures ${names.join(", ")}`);
  if (typeNames.length > 0) parts.push(`uses the local type${typeNames.length > 1 ? "s" : ""} ${typeNames.join(", ")}`);
  for (const [used, label] of [
    [info.usesThis, "`this`"],
    [info.usesArguments, "`arguments`"],
    [info.usesSuper, "`super`"],
    [info.usesNewTarget, "`new.target`"],
  ] as const) {
    if (used) parts.push(`uses ${label}`);
  }
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

export default createRule<Options, MessageIds>({
  name: "no-inline-predicate",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow inline closures in schema function slots where the surrounding code runs repeatedly",
      recommended: "recommended",
    },
    messages: {
      inlineRepeated:
        "Inline {{kind}} passed to `{{api}}` is recreated {{where}}{{captures}}; its schema gets a new cache key each time.",
      inlineModule: "Inline {{kind}} passed to `{{api}}`{{captures}}: name it as a module-level constant.",
    },
    schema: [
      {
        type: "object",
        properties: {
          scope: {
            type: "string",
            enum: ["repeated", "all"],
            description: "`repeated` reports closures created in code that runs more than once; `all` also reports module level.",
          },
          checkFactories: {
            type: "boolean",
            description: "Also report closures inside schema factories (functions that build and return the schema).",
          },
          memoFunctions: {
            type: "array",
            items: { type: "string" },
            uniqueItems: true,
            description: "Calls whose callback runs once or rarely (default: useMemo, useState, useReducer, once, memoize, memoizeOne, cache).",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ scope: "repeated", checkFactories: false, memoFunctions: [...defaultMemoFunctions] }],
  create(context, [options]) {
    const { analysis } = fileAnalysisFor(context);
    const sites = analysis.trace.sites;
    if (sites.length === 0) return {};
    const contextOptions = {
      checkFactories: options.checkFactories ?? false,
      memoFunctions: options.memoFunctions ?? defaultMemoFunctions,
    };
    const report = (): void => {
    for (const site of sites) {
      if (!site.flag) continue;
      const answer = analysis.context(site.fn, contextOptions);
      if (!answer.repeated && options.scope !== "all") continue;
      const captures = describeCaptures(analysis.captures(site));
      const data = { kind: describeKind(site.kind), api: site.apiText, captures };
      if (answer.repeated) {
        context.report({ node: site.fn, messageId: "inlineRepeated", data: { ...data, where: describeRepeat(answer.reason) } });
      } else {
        context.report({ node: site.fn, messageId: "inlineModule", data });
      }
    }
    };
    return { Program: report };
  },
});
