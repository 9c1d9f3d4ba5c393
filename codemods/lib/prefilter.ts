// The quick text prefilter: can this file contain a schema call at all? A file it rejects is counted
// as skipped and never parsed. It lives with the analysis (lib/edits/migrate.ts, built on the same
// module catalogue the analysis traces imports from), so the CLI, the transform and the rule agree on
// which modules are schema libraries.
export { mightContainCandidates } from "../../lib/edits/migrate.js";
