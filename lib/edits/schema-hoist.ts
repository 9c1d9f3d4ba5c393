// Fix kinds "hoist" and "hoist-lazy" of `no-schema-in-function`: the whole schema to a module-level
// constant (named after the variable it was assigned to; a `const` declaration of its own moves as a
// whole, comments above it included), or with `hoist: "lazy"` to a getter that builds it on first use:
// `let S; const getS = () => (S ??= …)`. Possible only when the expression reads no locals and every
// module-level binding it reads is initialised (and fixed) above it. `safe` (an autofix) only when
// nothing can change: no calls other than schema constructions, no registration, not a compile (it
// would run at module load), no temporal dead zone.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { evaluationOf } from "../analysis/evaluation.js";
import { expressionCaptures } from "../analysis/expression-captures.js";
import type { Variable } from "../analysis/bindings.js";
import type { PlannerInput } from "./fix-kind.js";
import { schemaBaseName } from "./names.js";
import { pascal, reservedNames } from "./words.js";
import { earlyCaller } from "./placement.js";
import {
  type ExpressionFacts,
  type SchemaFixKind,
  type SchemaFixLeft,
  type SchemaFixOption,
  type SchemaPlanContext,
  capturedReason,
  describeNames,
  pureImportsOf,
} from "./schema-fix-kind.js";
import { type TextEdit, dedented, lineStart, mergeEdits } from "./text.js";
import { commentsBefore } from "./tokens.js";

export const hoistSchema: SchemaFixKind<"hoist"> = {
  kind: "hoist",
  plan: (context, facts) => (context.input.hoist === "lazy" ? undefined : planHoist("hoist", context, facts)),
};

export const hoistSchemaLazy: SchemaFixKind<"hoist-lazy"> = {
  kind: "hoist-lazy",
  plan: (context, facts) => (context.input.hoist === "lazy" ? planHoist("hoist-lazy", context, facts) : undefined),
};

function planHoist(kind: "hoist" | "hoist-lazy", context: SchemaPlanContext, facts: ExpressionFacts): SchemaFixOption | SchemaFixLeft {
  const { input, registry, eol, typescript, planned } = context;
  const { expression, statement, at, captures } = facts;
  const { source, analysis } = input;
  const { text } = source;
  const node = expression.node;
  if (facts.local) return { kind, reason: capturedReason(captures) };
  if (captures.lateModule.length > 0) {
    return { kind, reason: `${describeNames(captures.lateModule)} ${captures.lateModule.length > 1 ? "are" : "is"} not initialised (or not fixed) where a module-level constant would go` };
  }
  const evaluation = evaluationOf(node, analysis, source.scopeManager, source.visitorKeys, undefined, pureImportsOf(input));
  const tdz = earlyCaller(statement, source.scopeManager);
  const caution: SchemaFixOption["caution"] =
    expression.kind === "compile"
      ? { type: "compile", text: "it compiles at module load, against the instance's state at that point" }
      : evaluation.registrations.length > 0
        ? { type: "registration", text: `it registers the schema (\`.${evaluation.registrations[0]!.name}()\`): once instead of on every call` }
        : evaluation.otherCalls.length > 0
          ? { type: "evaluation", text: `it calls \`${truncate(sliceOf(text, evaluation.otherCalls[0]!))}\`: once at module load instead of on every call` }
          : tdz !== undefined
            ? { type: "tdz", text: tdz }
            : undefined;
  const movable = movableDeclaration(node);
  const annotationCaptures = movable?.declarator.id.typeAnnotation
    ? expressionCaptures(movable.declarator.id.typeAnnotation, source.scopeManager, source.visitorKeys, statement.range[0])
    : undefined;
  const keepAnnotation = annotationCaptures === undefined || (annotationCaptures.values.length === 0 && annotationCaptures.types.length === 0);
  const localVariable = movable ? source.scopeManager.getDeclaredVariables(movable.declarator).find((v) => v.name === movable.declarator.id.name) : undefined;
  const move = movable !== undefined && keepAnnotation && input.hoist === "eager" && moduleNameFree(input, localVariable, movable.declarator.id.name, planned);
  const base = schemaBaseName(expression);
  const name = move ? movable.declarator.id.name : registry.identifier(base);
  planned.add(name);
  const edits: TextEdit[] = [];
  if (move) {
    // The whole declaration moves: its references now read the module-level constant.
    const { declaration } = movable;
    // Comments on the lines right above the declaration move with it.
    let from = declaration.range[0];
    for (const comment of [...commentsBefore(source.ast, declaration)].reverse()) {
      const gap = text.slice(comment.range[1], from);
      if (!/^[ \t]*\r?\n[ \t]*$/.test(gap) || !/^[ \t]*$/.test(text.slice(lineStart(text, comment.range[0]), comment.range[0]))) break;
      from = comment.range[0];
    }
    const begin = lineStart(text, from);
    const onlyIndentBefore = /^[ \t]*$/.test(text.slice(begin, from));
    const after = /^[ \t]*\r?\n/.exec(text.slice(declaration.range[1]));
    const removal: TextEdit =
      onlyIndentBefore && after ? { range: [begin, declaration.range[1] + after[0].length], text: "" } : { range: [from, declaration.range[1]], text: "" };
    edits.push({ range: [at, at], text: `${dedented(text, declaration, from)}${eol}${eol}` }, removal);
  } else if (input.hoist === "lazy") {
    const getter = registry.identifier(`get${pascal(base)}`);
    const builder = typescript ? registry.identifier(`build${pascal(base)}`) : undefined;
    const declarationText = builder
      ? `function ${builder}() {${eol}  return ${facts.text};${eol}}${eol}let ${name}: ReturnType<typeof ${builder}> | undefined;${eol}const ${getter} = () => (${name} ??= ${builder}());`
      : `let ${name};${eol}const ${getter} = () => (${name} ??= ${facts.text});`;
    edits.push({ range: [at, at], text: `${declarationText}${eol}${eol}` }, { range: node.range, text: `${getter}()` });
  } else {
    edits.push({ range: [at, at], text: `const ${name} = ${facts.text};${eol}${eol}` }, { range: node.range, text: name });
  }
  return { kind, name, edits, fix: mergeEdits(text, edits), safe: caution === undefined, ...(caution ? { caution } : {}) };
}

/** `const userSchema = z.object(…);` in a block: the declaration that can move as a whole. */
function movableDeclaration(
  node: TSESTree.Node,
): { declaration: TSESTree.VariableDeclaration; declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier } } | undefined {
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declaration = declarator.parent;
  if (declaration.kind !== "const" || declaration.declarations.length !== 1 || declaration.declare) return undefined;
  const holder = declaration.parent;
  if (holder?.type !== AST_NODE_TYPES.BlockStatement && holder?.type !== AST_NODE_TYPES.StaticBlock && holder?.type !== AST_NODE_TYPES.SwitchCase) return undefined;
  return { declaration, declarator: declarator as TSESTree.VariableDeclarator & { id: TSESTree.Identifier } };
}

/** Can the local `variable`'s name become a module-level binding that all its references then read? */
function moduleNameFree(input: PlannerInput, variable: Variable | undefined, name: string, planned: ReadonlySet<string>): boolean {
  if (!variable || planned.has(name) || reservedNames.has(name)) return false;
  const { scopeManager } = input.source;
  const globalScope = scopeManager.globalScope;
  if (globalScope?.through.some((reference) => reference.identifier.name === name)) return false;
  for (let scope = variable.scope.upper; scope; scope = scope.upper) {
    if (scope.set.has(name)) return false;
    if (scope.type === "module" || scope.type === "global") {
      if (scope.through.some((reference) => reference.identifier.name === name)) return false;
    }
  }
  return true;
}

function sliceOf(text: string, node: { range: readonly [number, number] }): string {
  return text.slice(node.range[0], node.range[1]);
}

function truncate(value: string, max = 30): string {
  const oneLine = value.replace(/\s+/g, " ");
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
