// The quick text prefilter: can this file contain a schema call at all? A file it rejects is counted
// as skipped and never parsed. It is the analysis's own test (mentionsSchemaModule in
// lib/analysis/index.ts, built on the catalogue the trace reads imports from), so the CLI, the
// transform and the rules agree on which modules are schema libraries.
export { mightContainCandidates } from "../../lib/edits/migrate.js";
