import { createRule } from "../lib/rules/create-rule.js";
import { replaceWith } from "../lib/rules/fix.js";
import { fileAnalysisFor } from "../lib/rules/source.js";
import { type CaptureInfo, defaultMemoFunctions, describeKind, describeRepeat } from "../lib/analysis/index.js";
import { hoistFixes } from "../lib/edits/pass-fix.js";
import { planSites } from "../lib/edits/plan.js";
import { reportedSites } from "../lib/edits/sites.js";
import { typeInfoFrom } from "../lib/edits/types.js";
import { withKeySource } from "../lib/settings.js";

export type Options = [
  {
    scope?: "repeated" | "all";
    checkFactories?: boolean;
    memoFunctions?: string[];
    fix?: "autofix" | "suggest" | "none";
  },
];
export type MessageIds = "inlineRepeated" | "inlineModule" | "hoist" | "wrap";

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
    fixable: "code",
    hasSuggestions: true,
    defaultOptions: [{ scope: "repeated", checkFactories: false, memoFunctions: [...defaultMemoFunctions], fix: "autofix" }],
    messages: {
      inlineRepeated:
        "Inline {{kind}} passed to `{{api}}` is recreated {{where}}{{captures}}; its schema gets a new cache key each time.",
      inlineModule: "Inline {{kind}} passed to `{{api}}`{{captures}}: name it as a module-level constant.",
      hoist: "Hoist to `{{name}}` (a module-level {{form}}).",
      wrap: "Wrap in `withKey()` with the key {{key}}.",
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
            description:
              "Calls whose callback runs once or rarely (default: useMemo, useState, useReducer, once, memoize, memoizeOne, cache).",
          },
          fix: {
            type: "string",
            enum: ["autofix", "suggest", "none"],
            description:
              "`autofix` hoists closures that capture nothing (when that cannot change behaviour or typing) and suggests withKey for the rest; `suggest` offers both as editor suggestions only; `none` reports only.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context, [options]) {
    const { analysis, settings } = fileAnalysisFor(context);
    if (analysis.trace.sites.length === 0) return {};
    return {
      Program() {
        const reported = reportedSites(analysis, {
          scope: options.scope ?? "repeated",
          checkFactories: options.checkFactories ?? false,
          memoFunctions: options.memoFunctions ?? defaultMemoFunctions,
        });
        if (reported.length === 0) return;
        const fixMode = options.fix ?? "autofix";
        const { sourceCode } = context;
        const plans =
          fixMode === "none"
            ? []
            : planSites(
                {
                  source: { text: sourceCode.text, ast: sourceCode.ast, scopeManager: sourceCode.scopeManager!, visitorKeys: sourceCode.visitorKeys },
                  analysis,
                  filename: context.filename,
                  withKey: withKeySource(settings),
                  typeInfo: typeInfoFrom(sourceCode.parserServices),
                },
                reported.map((entry) => entry.site),
              );
        const autofixes = fixMode === "autofix" ? hoistFixes(sourceCode.text, plans) : [];
        reported.forEach(({ site, answer }, index) => {
          const plan = plans[index];
          const captures = describeCaptures(analysis.captures(site));
          const data = { kind: describeKind(site.kind), api: site.apiText, captures };
          const hoist = plan?.hoist;
          const wrap = plan?.wrap;
          const autofix = autofixes[index];
          // The hoist is also a suggestion when it is the autofix: the editor then names it, and it
          // hoists this closure alone (the autofix takes every hoist of the file in one pass).
          const suggest = [
            ...(hoist
              ? [{ messageId: "hoist" as const, data: { name: hoist.name, form: hoist.form === "const" ? "constant" : "function" }, fix: replaceWith(hoist.fix) }]
              : []),
            ...(wrap
              ? [{ messageId: "wrap" as const, data: { key: wrap.captured.length > 0 ? `["${wrap.id}", ${wrap.captured.join(", ")}]` : `"${wrap.id}"` }, fix: replaceWith(wrap.fix) }]
              : []),
          ];
          context.report({
            node: site.fn,
            ...(answer.repeated
              ? { messageId: "inlineRepeated" as const, data: { ...data, where: describeRepeat(answer.reason) } }
              : { messageId: "inlineModule" as const, data }),
            ...(autofix ? { fix: replaceWith(autofix) } : {}),
            ...(suggest.length > 0 ? { suggest } : {}),
          });
        });
      },
    };
  },
});
