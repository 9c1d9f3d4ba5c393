// The codemod's `--hoist-schemas` phase: the fix kinds of `no-schema-in-function` (schema-plan.ts)
// applied pass by pass, like `eslint --fix` plus chosen suggestions, after the closure phases of
// migrate.ts. Per reported schema it applies, in this order: a safe hoist; a hoist whose only caution
// is where it runs (an exported function declaration, a compile at module load) — reported with that
// caution; `useMemo` in a component or hook; a `schemaFactory`. It never applies a hoist that would
// run other calls once instead of per call, or move a registration, or memoise an imported factory whose
// body does not show it to be a pure schema factory. Everything else is left, with why.
import { schemaExpressions, schemaMemoFunctions } from "../analysis/schema-expressions.js";
import { type MigrateOptions, type MigrateSteps, type SiteResult, TypedText, analyzeText } from "./migrate.js";
import { type SchemaFixOption, type SchemaPlan, planSchemaExpressions } from "./schema-plan.js";
import { type TextEdit, applyEditGroups } from "./text.js";

const MAX_PASSES = 100;

/** The option the codemod applies for a plan, if any. */
export function chosenOption(plan: SchemaPlan): SchemaFixOption | undefined {
  const byKind = (kind: SchemaFixOption["kind"]) => plan.options.find((option) => option.kind === kind);
  const hoist = plan.options.find((option) => option.kind === "hoist" || option.kind === "hoist-lazy");
  if (hoist && (hoist.safe || hoist.caution?.type === "tdz" || hoist.caution?.type === "compile")) return hoist;
  const factory = byKind("schema-factory");
  return byKind("use-memo") ?? (factory?.caution?.type === "factory" ? undefined : factory);
}

function whyLeft(plan: SchemaPlan): string {
  const hoist = plan.options.find((option) => option.kind === "hoist" || option.kind === "hoist-lazy");
  const factory = plan.options.find((option) => option.kind === "schema-factory" && option.caution?.type === "factory");
  const reasons = [...(hoist?.caution ? [`not hoisted: ${hoist.caution.text}`] : []), ...(factory?.caution ? [`no schema-factory: ${factory.caution.text}`] : []), ...plan.left.map((entry) => `no ${entry.kind}: ${entry.reason}`)];
  return reasons.length > 0 ? reasons.join("; ") : "no safe edit";
}

function planText(text: string, options: MigrateOptions, hoist: "eager" | "lazy"): SchemaPlan[] {
  const { source, typeInfo, analysis } = analyzeText(text, options);
  if (analysis.trace.calls.length === 0 && !typeInfo) return [];
  const reported = schemaExpressions(analysis, source, { checkFactories: false, memoFunctions: schemaMemoFunctions }, typeInfo).filter(
    (expression) => expression.answer.repeated,
  );
  if (reported.length === 0) return [];
  return planSchemaExpressions(
    { source, analysis, filename: options.filename, withKey: options.withKeyImport ?? { module: "stable-schema", name: "withKey" }, typeInfo, hoist, modules: options.modules },
    reported,
  );
}

/**
 * Applies the schema fixes to `text` until nothing more applies. Lines in the results are those of the
 * text at the pass that handled the schema (applied), or of the final text (left).
 */
export function migrateSchemas(text: string, options: MigrateOptions, hoist: "eager" | "lazy"): { output: string; sites: SiteResult[] } {
  const steps = migrateSchemaSteps(text, new TypedText(options, text), hoist);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    step.value.provide(options.programs);
  }
}

/**
 * migrateSchemas in steps (see migrateSteps): yields a request for programs before each new text. The
 * passes run in schemaPass, so that no plan stays in the suspended frame.
 */
export function* migrateSchemaSteps(text: string, typed: TypedText, hoist: "eager" | "lazy"): MigrateSteps<{ output: string; sites: SiteResult[] }> {
  const state = { sites: [] as SiteResult[], current: text, previous: Number.POSITIVE_INFINITY };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (typed.needs(state.current)) yield typed;
    if (!schemaPass(state, typed, hoist)) break;
  }
  return { output: state.current, sites: state.sites };
}

/** One pass over `state.current`; false when nothing was applied (the migration is over). */
function schemaPass(state: { sites: SiteResult[]; current: string; previous: number }, typed: TypedText, hoist: "eager" | "lazy"): boolean {
  const { sites, current, previous } = state;
  const plans = planText(current, typed.options(), hoist);
  const chosen = plans.map(chosenOption);
  const groups: (readonly TextEdit[])[] = [];
  const owner: number[] = [];
  chosen.forEach((option, index) => {
    if (option) {
      groups.push(option.edits);
      owner.push(index);
    }
  });
  const applied = groups.length > 0 && plans.length < previous ? applyEditGroups(current, groups) : { output: current, applied: [] };
  const appliedPlans = new Set(applied.applied.map((group) => owner[group]!));
  plans.forEach((plan, index) => {
    const node = plan.expression.node;
    const option = chosen[index];
    if (appliedPlans.has(index) && option) {
      sites.push({
        line: node.loc.start.line,
        column: node.loc.start.column,
        api: plan.expression.apiText,
        action: option.kind === "hoist" || option.kind === "hoist-lazy" ? "hoisted" : "wrapped",
        kind: "schema",
        fix: option.kind,
        name: option.name,
        ...(option.caution ? { reason: option.caution.text } : {}),
      });
    } else if (!option || appliedPlans.size === 0) {
      sites.push({ line: node.loc.start.line, column: node.loc.start.column, api: plan.expression.apiText, action: "left", kind: "schema", reason: whyLeft(plan) });
    }
  });
  if (appliedPlans.size === 0) return false;
  // Left sites are recorded again by the next pass: drop this pass's.
  for (let i = sites.length - 1; i >= 0; i--) if (sites[i]!.action === "left") sites.splice(i, 1);
  state.previous = plans.length;
  state.current = applied.output;
  return true;
}
