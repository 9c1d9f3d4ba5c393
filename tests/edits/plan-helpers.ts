// Planning on parsed snippets: the real analysis, one PlanContext per file.
import type { SiteFacts } from "../../lib/edits/fix-kind.js";
import { baseNameFor } from "../../lib/edits/names.js";
import { planContext } from "../../lib/edits/plan.js";
import { analyze } from "../snippets.js";

/** The default file is in no package (its module id is the bare name, `snippet`). */
export function planning(code: string, filename = "virtual/snippet.ts") {
  const { source, analysis, sites } = analyze(code, filename);
  const input = { source, analysis, filename, withKey: { module: "stable-schema", name: "withKey" } };
  const context = planContext(input);
  const facts = sites.map((site): SiteFacts => ({ site, info: analysis.captures(site), base: baseNameFor(site) }));
  return { source, input, context, facts };
}
