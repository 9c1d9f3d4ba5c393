// Which closures are reported (and so fixed or migrated): one definition for the rule and the codemod.
import type { ContextOptions, FileAnalysis, RepeatAnswer, SlotSite } from "../analysis/index.js";
import { defaultEffectFunctions, defaultMemoFunctions } from "../analysis/index.js";

export interface SiteOptions extends ContextOptions {
  readonly scope: "repeated" | "all";
}

export const defaultSiteOptions: SiteOptions = {
  scope: "repeated",
  checkFactories: false,
  memoFunctions: defaultMemoFunctions,
  effectFunctions: defaultEffectFunctions,
};

export interface ReportedSite {
  readonly site: SlotSite;
  readonly answer: RepeatAnswer;
}

export function reportedSites(analysis: FileAnalysis, options: SiteOptions = defaultSiteOptions): ReportedSite[] {
  const found: ReportedSite[] = [];
  for (const site of analysis.trace.sites) {
    if (!site.flag) continue;
    const answer = analysis.context(site.fn, options);
    if (answer.repeated || options.scope === "all") found.push({ site, answer });
  }
  return found;
}
