// Which closures are reported (and so fixed or migrated): the slot sites whose closure matters for
// caching, where the code that creates them runs repeatedly ("runs repeatedly?", repetition.ts), or
// every such site with `scope: "all"`. One definition for every rule that reports sites and the codemod.
import type { FileAnalysis } from "./index.js";
import { type RepeatAnswer, type RepetitionOptions, defaultEffectFunctions, defaultMemoFunctions } from "./repetition.js";
import type { SlotSite } from "./trace.js";

export interface SiteOptions extends RepetitionOptions {
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
    const answer = analysis.repetition(site.fn, options);
    if (answer.repeated || options.scope === "all") found.push({ site, answer });
  }
  return found;
}
