// Fix kind "schema-factory" of `no-schema-in-function`: outside components and hooks, a schema that
// reads locals becomes a module-level `schemaFactory((a, b) => …)` from stable-schema, called with the
// locals (memoised by their values). Only when every local is a primitive whose type can be written at
// module level, none is reassigned, no local type or `this` is used, and building the schema runs
// nothing else (calls or registrations would run once per argument list). Always a suggestion; an
// imported factory is memoised only as far as its body shows it to be a pure schema factory.
import { evaluationOf } from "../analysis/evaluation.js";
import { importedFactoryProblem } from "./imported-factory.js";
import { schemaBaseName } from "./names.js";
import { camel, pascal } from "./words.js";
import { earlyCaller } from "./placement.js";
import { type SchemaFixKind, type SchemaFixOption, describeNames, pureImportsOf } from "./schema-fix-kind.js";
import { type TextEdit, mergeEdits } from "./text.js";
import { primitiveType } from "./types.js";

export const schemaFactoryFix: SchemaFixKind<"schema-factory"> = {
  kind: "schema-factory",
  plan(context, facts) {
    const { input, registry, eol, typescript } = context;
    const { expression, statement, at, captures } = facts;
    if (!facts.local || facts.component) return undefined;
    const { source, analysis } = input;
    const node = expression.node;
    const reason =
      captures.usesThis
        ? "it uses `this`"
        : captures.types.length > 0
          ? `it uses the local type${captures.types.length > 1 ? "s" : ""} ${describeNames(captures.types.map((c) => c.name))}`
          : captures.values.find((capture) => capture.reassigned)
            ? `\`${captures.values.find((capture) => capture.reassigned)!.name}\` is reassigned`
            : undefined;
    const typed = reason === undefined ? captures.values.map((capture) => ({ capture, type: primitiveType(capture, input.typeInfo, source.text) })) : [];
    const unknown = typed.find((entry) => "reason" in entry.type);
    const evaluation = reason === undefined && !unknown ? evaluationOf(node, analysis, source.scopeManager, source.visitorKeys, expression.kind === "factory" ? node : undefined, pureImportsOf(input)) : undefined;
    if (reason !== undefined) return { kind: "schema-factory", reason };
    if (unknown) return { kind: "schema-factory", reason: (unknown.type as { reason: string }).reason };
    if (evaluation && (evaluation.otherCalls.length > 0 || evaluation.registrations.length > 0)) {
      return { kind: "schema-factory", reason: "it does more than build a schema (calls or registrations would run once per argument list)" };
    }
    const factoryImport = context.schemaFactoryImport();
    const name = registry.identifier(expression.factory ? camel(`cached ${expression.factory.name.replace(/^.*\./, "")}`) : `get${pascal(schemaBaseName(expression))}`);
    const params = typed.map(({ capture, type }) => (typescript ? `${capture.name}: ${(type as { type: string }).type}` : capture.name)).join(", ");
    const args = captures.values.map((capture) => capture.name).join(", ");
    const edits: TextEdit[] = [
      ...(factoryImport.edit ? [factoryImport.edit] : []),
      { range: [at, at], text: `const ${name} = ${factoryImport.local}((${params}) => ${facts.text});${eol}${eol}` },
      { range: node.range, text: `${name}(${args})` },
    ];
    // An imported factory is memoised only as far as its body shows it to be a pure schema factory.
    const impure =
      expression.kind === "factory" && expression.factory && !expression.factory.fn
        ? importedFactoryProblem(expression.node, expression.factory.name, input.typeInfo, input.modules)
        : undefined;
    const tdz = earlyCaller(statement, source.scopeManager);
    const caution: SchemaFixOption["caution"] = impure !== undefined ? { type: "factory", text: impure } : tdz !== undefined ? { type: "tdz", text: tdz } : undefined;
    return { kind: "schema-factory", name, edits, fix: mergeEdits(source.text, edits), safe: false, ...(caution ? { caution } : {}) };
  },
};
