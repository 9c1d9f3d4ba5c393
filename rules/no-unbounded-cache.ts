import { createRule } from "../lib/rules/create-rule.js";
import { replaceWith } from "../lib/rules/fix.js";
import { fileAnalysisFor } from "../lib/rules/source.js";
import { describeCollection, describeRepeat, findUnboundedCaches, mayHaveUnboundedCache } from "../lib/analysis/unbounded-cache/index.js";
import { typeInfoFrom } from "../lib/analysis/type-info.js";
import type { FileAnalysis } from "../lib/analysis/index.js";
import { planCacheSuggestions } from "../lib/edits/cache-fixes.js";

export type Options = [{ checkEscaping?: boolean; reportUnprovenKeys?: boolean }];
export type MessageIds = "unboundedCollection" | "unboundedMemoizer" | "useLruCache" | "useWeakCollection" | "deleteInFinally";

const entryWord = { Map: "entry", Set: "item", object: "key", array: "item" } as const;

export default createRule<Options, MessageIds>({
  name: "no-unbounded-cache",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow long-lived caches and collections that grow from code that runs repeatedly and are never pruned",
      recommended: "recommended",
      recommendedSeverity: "warn",
    },
    hasSuggestions: true,
    defaultOptions: [{ checkEscaping: false, reportUnprovenKeys: false }],
    messages: {
      unboundedCollection:
        "{{collection}} grows at line {{line}} ({{growth}} {{where}}) and no code removes its entries: it keeps every {{entry}} ever added.",
      unboundedMemoizer: "{{api}} keeps one entry per distinct argument of {{fn}} and never evicts: {{hint}}.",
      useLruCache: "Use a bounded `LRUCache` from `lru-cache` (choose `max`; {{max}} is a placeholder).",
      useWeakCollection: "Use a `{{name}}`: the keys are objects, and an entry goes when its key is collected.",
      deleteInFinally: "Delete the entry when {{fn}} completes (in `finally`).",
    },
    schema: [
      {
        type: "object",
        properties: {
          checkEscaping: {
            type: "boolean",
            description:
              "Also report collections that escape the module's control (exported, passed to another function, returned), whose owner may prune them elsewhere.",
          },
          reportUnprovenKeys: {
            type: "boolean",
            description:
              "Also report growths whose keys nothing shows to be unbounded (not an object, a per-call unique value or request data): memos keyed by a parameter or a configuration value.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    if (!mayHaveUnboundedCache(sourceCode.text)) return {};
    return {
      "Program:exit"() {
        // The schema trace behind the shared context walk is computed only when a candidate needs it.
        let shared: FileAnalysis | undefined;
        const analysis = { repetition: (...args: Parameters<FileAnalysis["repetition"]>) => (shared ??= fileAnalysisFor(context).analysis).repetition(...args) };
        const source = { text: sourceCode.text, ast: sourceCode.ast, scopeManager: sourceCode.scopeManager!, visitorKeys: sourceCode.visitorKeys };
        const problems = findUnboundedCaches({
          source,
          analysis,
          typeInfo: typeInfoFrom(sourceCode.parserServices),
          checkEscaping: options.checkEscaping ?? false,
          reportUnprovenKeys: options.reportUnprovenKeys ?? false,
        });
        for (const problem of problems) {
          if (problem.type === "memoizer") {
            context.report({
              node: problem.call,
              messageId: "unboundedMemoizer",
              data: { api: problem.entry.label, fn: problem.fn, hint: problem.entry.hint },
            });
            continue;
          }
          const planned = planCacheSuggestions(source, context.filename, problem);
          const suggest = [
              ...(planned.lru ? [{ messageId: "useLruCache" as const, data: { max: planned.lru.max }, fix: replaceWith(planned.lru.fix) }] : []),
              ...(planned.weak ? [{ messageId: "useWeakCollection" as const, data: { name: planned.weak.name }, fix: replaceWith(planned.weak.fix) }] : []),
              ...(planned.finally ? [{ messageId: "deleteInFinally" as const, data: { fn: planned.finally.fn }, fix: replaceWith(planned.finally.fix) }] : []),
          ];
          context.report({
            node: problem.collection.node,
            messageId: "unboundedCollection",
            data: {
              collection: describeCollection(problem.collection),
              line: problem.growth.node.loc.start.line,
              growth: problem.growth.text,
              where: describeRepeat(problem.growth.reason),
              entry: entryWord[problem.collection.kind],
            },
            ...(suggest.length > 0 ? { suggest } : {}),
          });
        }
      },
    };
  },
});
