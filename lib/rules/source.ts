// Adapts an ESLint rule context to the analysis input, so rules and the codemod share one analysis.
import type { TSESLint } from "@typescript-eslint/utils";
import { type FileAnalysis, analyzeFile } from "../analysis/index.js";
import { type StableSchemaSettings, readSettings } from "../settings.js";
import { typeInfoFrom } from "../analysis/type-info.js";

export function fileAnalysisFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): {
  analysis: FileAnalysis;
  settings: StableSchemaSettings;
} {
  const { sourceCode } = context;
  const settings = readSettings(context.settings);
  const analysis = analyzeFile(
    { text: sourceCode.text, ast: sourceCode.ast, scopeManager: sourceCode.scopeManager!, visitorKeys: sourceCode.visitorKeys },
    settings.modules,
    typeInfoFrom(sourceCode.parserServices),
  );
  return { analysis, settings };
}
