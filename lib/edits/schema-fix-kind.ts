// What a fix kind of `no-schema-in-function` is: the schema counterpart of fix-kind.ts. A schema plan
// asks every kind of schema-fix-kinds.ts in order; a kind returns its option when it applies, why it
// cannot when it is one of the fixes this expression would want, or nothing when it is not meant for
// this expression (hoist-lazy when hoisting eagerly; use-memo outside a component or hook; the fixes
// for what reads locals when it reads none). An option is `safe` (an autofix) only when nothing can
// change; otherwise it is a suggestion with its `caution`.
import type { TSESTree } from "@typescript-eslint/types";
import type { AnyFunction } from "../analysis/ast.js";
import type { ExpressionCaptures } from "../analysis/expression-captures.js";
import type { SchemaExpression } from "../analysis/schema-expressions.js";
import type { PlannerInput } from "./fix-kind.js";
import type { NameRegistry } from "./names.js";
import type { TextEdit } from "./text.js";

export type SchemaFixKindName = "hoist" | "hoist-lazy" | "use-memo" | "schema-factory" | "hoist-parts";

/**
 * Why a fix is only a suggestion: what could change if it were applied blindly (`factory`: an
 * imported factory memoised by `schemaFactory` could not be shown to only build a schema).
 */
export type Caution = "evaluation" | "registration" | "compile" | "tdz" | "factory";

export interface SchemaFixOption {
  readonly kind: SchemaFixKindName;
  /** The module-level name (constant, getter or factory); for use-memo the deps list as written. */
  readonly name: string;
  readonly edits: readonly TextEdit[];
  /** The edits merged into one ESLint fix. */
  readonly fix: TextEdit;
  /** Cannot change behaviour or typing: may be an autofix. */
  readonly safe: boolean;
  readonly caution?: { readonly type: Caution; readonly text: string };
}

/** A fix kind that was not possible, with the reason (for messages and the codemod's report). */
export interface SchemaFixLeft {
  readonly kind: SchemaFixKindName;
  readonly reason: string;
}

export interface SchemaPlannerInput extends PlannerInput {
  /** `eager` hoists to a constant; `lazy` to a getter that builds on first use. */
  readonly hoist: "eager" | "lazy";
  /** Modules that re-export a schema library (settings), for analysing imported factories' modules. */
  readonly modules?: Readonly<Record<string, string>> | undefined;
}

/** What every kind may use while planning one file: names stay unique across all its fixes. */
export interface SchemaPlanContext {
  readonly input: SchemaPlannerInput;
  readonly registry: NameRegistry;
  readonly eol: string;
  /** The file is TypeScript (not a declaration file): factory parameters are annotated. */
  readonly typescript: boolean;
  /** Module-level names the hoists of this file chose so far (a moved declaration keeps its name only when it is free). */
  readonly planned: Set<string>;
  /** Where module-level code for a top-level statement goes (placement.ts), found once per statement. */
  insertionPoint(statement: TSESTree.ProgramStatement): number;
  /** How the file calls React's `useMemo`, planned on first use and shared by every use-memo fix of the file. */
  useMemoCallee(): { callee: string; edit?: TextEdit };
  /** The `schemaFactory` import, planned on first use and shared by every schema-factory fix of the file. */
  schemaFactoryImport(): { local: string; edit?: TextEdit };
}

/** One reported expression as the kinds see it. */
export interface ExpressionFacts {
  readonly expression: SchemaExpression;
  /** The top-level statement that holds it; new module-level code goes above it, at `at`. */
  readonly statement: TSESTree.ProgramStatement;
  readonly at: number;
  /** What it reads from the code around it, as seen from `statement`. */
  readonly captures: ExpressionCaptures;
  /** It reads local values or types, or `this`: it cannot move to module level as it is. */
  readonly local: boolean;
  /** Its text, dedented, for a module-level declaration. */
  readonly text: string;
  /** When it reads locals: the component or hook that evaluates it on every render, and why a hook cannot go there. */
  readonly component: { readonly fn: AnyFunction; readonly reason?: string } | undefined;
}

export interface SchemaFixKind<K extends SchemaFixKindName = SchemaFixKindName> {
  readonly kind: K;
  plan(context: SchemaPlanContext, facts: ExpressionFacts): SchemaFixOption | SchemaFixLeft | undefined;
}

export function isOption(result: SchemaFixOption | SchemaFixLeft): result is SchemaFixOption {
  return "fix" in result;
}

export function describeNames(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(", ");
}

/** Why what reads locals cannot be hoisted whole. */
export function capturedReason(captures: ExpressionCaptures): string {
  const names = [...captures.values, ...captures.types].map((capture) => capture.name);
  if (captures.usesThis) names.push("this");
  return `it reads ${describeNames(names)} from the code around it`;
}

/** The runtime's `withKey` (interning: the same function for the same code and key) is pure; so is `schemaFactory`. */
export function pureImportsOf(input: PlannerInput): { module: string; name: string }[] {
  return [input.withKey, { module: input.withKey.module, name: "schemaFactory" }];
}
