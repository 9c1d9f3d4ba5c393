// The edit planner: one plan per reported closure, shared by the rule's fixes and suggestions and by
// the codemod. A plan is the ordered list of fix options (fix-kinds.ts): each kind is tried in turn
// and the first one that applies is the site's fix; the ones before it say why they did not. Edits
// are text ranges on the original source: nothing outside them changes.
import type { SourceInput } from "../analysis/index.js";
import type { SlotSite } from "../analysis/trace.js";
import { findWithKeyCalls, keyId, withKeySources } from "../analysis/with-key/index.js";
import type { FixOption, PlanContext, PlannerInput, SiteFacts } from "./fix-kind.js";
import { fixKinds } from "./fix-kinds.js";
import { type WithKeyImport, type WithKeyTarget, planNamedImport } from "./imports.js";
import { moduleIdentity } from "./module-id.js";
import { NameRegistry, baseNameFor, nameQualifiersFor } from "./names.js";
import { lineEnding } from "./text.js";

export type { FixOption, PlannerInput } from "./fix-kind.js";
export type { WithKeyTarget } from "./imports.js";

export interface SitePlan {
  readonly site: SlotSite;
  /**
   * The options in fix-kind order, up to and including the first autofix that applies (an autofix
   * makes the rest moot). Every option that applies is a suggestion; the first is the site's fix.
   */
  readonly options: readonly FixOption[];
}

/** The option the site is fixed with: the first that applies. */
export function chosenOption(plan: SitePlan): FixOption | undefined {
  return plan.options.find((option) => option.fix !== undefined);
}

/** Why the site is not fixed by the options before `kind` (all of them, when `kind` is undefined). */
export function reasonsBefore(plan: SitePlan, kind?: string): string[] {
  const reasons: string[] = [];
  for (const option of plan.options) {
    if (option.kind === kind) break;
    if (option.reason !== undefined) reasons.push(option.reason);
  }
  return reasons;
}

const typeScriptFile = /\.(?:ts|tsx|mts|cts)$/i;

export function isTypeScriptFile(filename: string): boolean {
  return typeScriptFile.test(filename) && !/\.d\.[mc]?ts$/i.test(filename);
}

/** ids of the `withKey(fn, ["id", …])` / `withKey(fn, "id")` calls already in the file (traced by binding). */
function existingWithKeyIds(source: SourceInput, withKey: WithKeyTarget): string[] {
  return findWithKeyCalls(source.ast, source.scopeManager, withKeySources(withKey)).flatMap((call) => keyId(call) ?? []);
}

/** The per-file state every kind plans with (names, ids and the withKey import shared by all sites). */
export function planContext(input: PlannerInput): PlanContext {
  const { source } = input;
  const registry = new NameRegistry(source.ast, existingWithKeyIds(source, input.withKey));
  let withKeyImport: WithKeyImport | undefined;
  const ids = new Map<SiteFacts["site"], string>();
  const moduleId = moduleIdentity(input.filename);
  return {
    input,
    registry,
    eol: lineEnding(source.text),
    typescript: isTypeScriptFile(input.filename),
    moduleId,
    withKeyImport: () => (withKeyImport ??= planNamedImport(source, input.filename, input.withKey, registry)),
    wrapId(facts) {
      let id = ids.get(facts.site);
      if (id === undefined) ids.set(facts.site, (id = registry.id(`${moduleId}#${facts.base}`, nameQualifiersFor(facts.site))));
      return id;
    },
  };
}

/** Plans every site of a file together, so names and ids are unique across the fixes of one pass. */
export function planSites(input: PlannerInput, sites: readonly SlotSite[]): SitePlan[] {
  const context = planContext(input);
  return sites.map((site) => {
    const facts = { site, info: input.analysis.captures(site), base: baseNameFor(site) };
    const options: FixOption[] = [];
    for (const kind of fixKinds) {
      const option = kind.plan(context, facts);
      options.push(option);
      if (option.fix && kind.autofix) break;
    }
    return { site, options };
  });
}
