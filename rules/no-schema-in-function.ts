import { createRule } from "../lib/rules/create-rule.js";
import { replaceWith } from "../lib/rules/fix.js";
import {
  type FixMode,
  type RepetitionRuleOptions,
  fixModeDefault,
  fixModeProperty,
  memoFunctionsProperty,
  repetitionDefaults,
  repetitionProperties,
} from "../lib/rules/options.js";
import { fileAnalysisFor } from "../lib/rules/source.js";
import { describeRepeat } from "../lib/analysis/index.js";
import { type SchemaExpression, schemaExpressions, schemaMemoFunctions } from "../lib/analysis/schema-expressions.js";
import { type SchemaFixOption, planSchemaExpressions } from "../lib/edits/schema-plan.js";
import { typeInfoFrom } from "../lib/edits/types.js";
import { withKeySource } from "../lib/settings.js";

export type Options = [
  Pick<RepetitionRuleOptions, "checkFactories" | "memoFunctions"> & {
    fix?: FixMode;
    hoist?: "eager" | "lazy";
  },
];
export type MessageIds = "schemaRebuilt" | "compileRepeated" | "factoryCalled" | "hoist" | "hoistLazy" | "useMemo" | "schemaFactory" | "hoistParts";

function describeLibrary(expression: SchemaExpression): string {
  return expression.library ? `${expression.library.label} ` : "";
}

function suggestion(option: SchemaFixOption) {
  const note = option.caution ? ` (${option.caution.text})` : "";
  switch (option.kind) {
    case "hoist":
      return { messageId: "hoist" as const, data: { name: option.name, note } };
    case "hoist-lazy":
      return { messageId: "hoistLazy" as const, data: { name: option.name, note } };
    case "use-memo":
      return { messageId: "useMemo" as const, data: { deps: option.name } };
    case "schema-factory":
      return { messageId: "schemaFactory" as const, data: { name: option.name, note } };
    case "hoist-parts":
      return { messageId: "hoistParts" as const, data: { names: option.name, note } };
  }
}

export default createRule<Options, MessageIds>({
  name: "no-schema-in-function",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow building schemas (and compiling validators) in code that runs repeatedly",
      recommended: "strict",
    },
    fixable: "code",
    hasSuggestions: true,
    // The shared options with their defaults, except memoFunctions: this rule also knows schemaFactory.
    defaultOptions: [{ checkFactories: repetitionDefaults.checkFactories, memoFunctions: [...schemaMemoFunctions], fix: fixModeDefault, hoist: "eager" }],
    messages: {
      schemaRebuilt: "`{{api}}` builds a new {{library}}schema {{where}}; build it once at module level.",
      compileRepeated: "`{{api}}` {{label}} {{where}}; compile once at module level.",
      factoryCalled: "`{{api}}` builds a new {{library}}schema {{where}}: the factory runs each time.",
      hoist: "Hoist it to a module-level constant `{{name}}`{{note}}.",
      hoistLazy: "Hoist it to a module-level getter that builds it on first use, `{{name}}`{{note}}.",
      useMemo: "Memoise it with `useMemo` (deps {{deps}}).",
      schemaFactory: "Build it with a module-level `schemaFactory` `{{name}}`, memoised by its arguments{{note}}.",
      hoistParts: "Hoist the parts that do not depend on locals to module-level constants ({{names}}){{note}}.",
    },
    schema: [
      {
        type: "object",
        properties: {
          checkFactories: repetitionProperties.checkFactories,
          memoFunctions: memoFunctionsProperty(schemaMemoFunctions),
          fix: fixModeProperty(
            "`autofix` hoists schemas that cannot change behaviour when built once and suggests the rest; `suggest` offers everything as suggestions; `none` reports only.",
          ),
          hoist: {
            type: "string",
            enum: ["eager", "lazy"],
            description:
              "`eager` hoists to a module-level constant; `lazy` to a getter that builds the schema on first use (`let S; const getS = () => (S ??= …)`), for startup-sensitive code.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context, [options]) {
    const { analysis, settings } = fileAnalysisFor(context);
    const typeInfo = typeInfoFrom(context.sourceCode.parserServices);
    if (analysis.trace.calls.length === 0 && !typeInfo) return {};
    return {
      Program() {
        const { sourceCode } = context;
        const source = { text: sourceCode.text, ast: sourceCode.ast, scopeManager: sourceCode.scopeManager!, visitorKeys: sourceCode.visitorKeys };
        const contextOptions = {
          checkFactories: options.checkFactories ?? repetitionDefaults.checkFactories,
          memoFunctions: options.memoFunctions ?? schemaMemoFunctions,
        };
        const reported = schemaExpressions(analysis, source, contextOptions, typeInfo).filter((expression) => expression.answer.repeated);
        if (reported.length === 0) return;
        const fixMode = options.fix ?? fixModeDefault;
        const plans =
          fixMode === "none"
            ? []
            : planSchemaExpressions(
                { source, analysis, filename: context.filename, withKey: withKeySource(settings), typeInfo, hoist: options.hoist ?? "eager", modules: settings.modules },
                reported,
              );
        reported.forEach((expression, index) => {
          if (!expression.answer.repeated) return;
          const where = describeRepeat(expression.answer.reason);
          const library = describeLibrary(expression);
          const plan = plans[index];
          const autofix = fixMode === "autofix" ? plan?.options.find((option) => option.safe) : undefined;
          const suggest = (plan?.options ?? [])
            .filter((option) => option !== autofix)
            .map((option) => ({ ...suggestion(option), fix: replaceWith(option.fix) }));
          context.report({
            node: expression.node,
            loc: { start: expression.node.loc.start, end: expression.node.loc.start },
            ...(expression.kind === "compile"
              ? { messageId: "compileRepeated" as const, data: { api: expression.apiText, label: expression.compiler?.label ?? "compiles", where } }
              : expression.kind === "factory"
                ? { messageId: "factoryCalled" as const, data: { api: expression.apiText, library, where } }
                : { messageId: "schemaRebuilt" as const, data: { api: expression.apiText, library, where } }),
            ...(autofix ? { fix: replaceWith(autofix.fix) } : {}),
            ...(suggest.length > 0 ? { suggest } : {}),
          });
        });
      },
    };
  },
});
