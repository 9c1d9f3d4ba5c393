import { getFunctionHeadLocation } from "../lib/analysis/eslint-utils.js";
import { createRule } from "../lib/rules/create-rule.js";
import { fixOrSuggest } from "../lib/rules/fix.js";
import { type FixMode, type RepetitionRuleOptions, fixModeDefault, fixModeProperty, repetitionDefaults, repetitionProperties, siteOptions } from "../lib/rules/options.js";
import { fileAnalysisFor } from "../lib/rules/source.js";
import { type CaptureInfo, describeKind, describeRepeat, lexicalNames } from "../lib/analysis/index.js";
import { reportedSites } from "../lib/analysis/reported.js";
import type { FixKindName } from "../lib/edits/fix-kinds.js";
import { autofixes } from "../lib/edits/pass-fix.js";
import { planSites } from "../lib/edits/plan.js";
import { typeInfoFrom } from "../lib/edits/types.js";
import { withKeySource } from "../lib/settings.js";

export type Options = [RepetitionRuleOptions & { fix?: FixMode }];
/** The report messages, and one suggestion message per fix kind (named like the kind). */
export type MessageIds = "inlineRepeated" | "inlineModule" | FixKindName;

function describeCaptures(info: CaptureInfo): string {
  const names = info.values.map((capture) =>
    capture.freshPerRun ? `\`${capture.name}\` (a new object on every call, so no \`withKey\` key can ever hit)` : `\`${capture.name}\``,
  );
  const typeNames = info.types.map((capture) => `\`${capture.name}\``);
  const parts: string[] = [];
  if (names.length > 0) parts.push(`captures ${names.join(", ")}`);
  if (typeNames.length > 0) parts.push(`uses the local type${typeNames.length > 1 ? "s" : ""} ${typeNames.join(", ")}`);
  for (const name of lexicalNames(info)) parts.push(`uses \`${name}\``);
  if (info.dynamicScope === "with") parts.push("uses `with`");
  if (info.dynamicScope === "eval") parts.push("uses a direct `eval`");
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
    // The suggestions (one per fix kind) are built by fixOrSuggest() in lib/rules/fix.ts, out of this rule's sight.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    defaultOptions: [{ ...repetitionDefaults, memoFunctions: [...repetitionDefaults.memoFunctions], effectFunctions: [...repetitionDefaults.effectFunctions], fix: fixModeDefault }],
    messages: {
      inlineRepeated:
        "Inline {{kind}} passed to `{{api}}` is recreated {{where}}{{captures}}; its schema gets a new cache key each time.",
      inlineModule: "Inline {{kind}} passed to `{{api}}`{{captures}}: name it as a module-level constant.",
      hoist: "Hoist to `{{name}}` (a module-level {{form}}).",
      wrap: "Wrap in `withKey()` with the key {{key}}.",
      wrapMembers:
        "Copy {{copies}} into local constants before the closure and wrap it in `withKey()` with the key {{key}} (the members are then read when the closure is created).",
    },
    schema: [
      {
        type: "object",
        properties: {
          ...repetitionProperties,
          fix: fixModeProperty(
            "`autofix` hoists closures that capture nothing (when that cannot change behaviour or typing) and suggests withKey for the rest; `suggest` offers both as editor suggestions only; `none` reports only.",
          ),
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
        const reported = reportedSites(analysis, siteOptions(options));
        if (reported.length === 0) return;
        const fixMode = options.fix ?? fixModeDefault;
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
        const fixes = fixMode === "autofix" ? autofixes(sourceCode.text, plans) : [];
        reported.forEach(({ site, answer }, index) => {
          const captures = describeCaptures(analysis.captures(site));
          const data = { kind: describeKind(site.kind), api: site.apiText, captures };
          context.report({
            node: site.fn,
            // The function's head (`(s) =>`, `function`, a method's key): the whole closure would underline its body too.
            loc: getFunctionHeadLocation(site.fn, sourceCode),
            ...(answer.repeated
              ? { messageId: "inlineRepeated" as const, data: { ...data, where: describeRepeat(answer.reason) } }
              : { messageId: "inlineModule" as const, data }),
            ...fixOrSuggest<MessageIds>(plans[index], fixMode, fixes[index]),
          });
        });
      },
    };
  },
});
