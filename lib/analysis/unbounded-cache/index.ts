// `no-unbounded-cache`: long-lived collections that grow from code that runs repeatedly and that no
// code ever prunes, and long-lived memoizers whose cache keeps one entry per distinct argument.
//
// Everything is decided by binding: a collection is a variable (or a class field) whose uses are the
// scope manager's references to it (collections.ts); `Map` must be the global one; memoizers are
// traced from their imports (memoizers.ts). "Runs repeatedly" is the shared walk of repetition.ts,
// refined for module initialisation (repeats.ts). What each use does comes from the catalogue
// (cache-catalogue.ts, read by uses.ts); bounded keys (keys.ts), escape and registration APIs
// (escape.ts), size caps (pruning.ts) and the evidence that keys are unbounded (evidence.ts) decide
// the verdict (verdict.ts).
import { describeRepeat } from "../repetition.js";
import { CacheAnalyzer } from "./analyzer.js";
import { classCollections, moduleCollections } from "./collections.js";
import { analyzeMemoizers } from "./memoizers.js";
import type { CacheAnalysisInput, CacheProblem, Collection } from "./types.js";
import { analyzeCollection } from "./verdict.js";

export type { EvidenceKind } from "./evidence.js";
export type { CacheAnalysisInput, CacheProblem, Collection, CollectionProblem, FinallyTarget, Growth, MemoizerProblem, Verdict } from "./types.js";

/** Every unbounded long-lived collection and memoizer of a file, in source order. */
export function findUnboundedCaches(input: CacheAnalysisInput): CacheProblem[] {
  const analyzer = new CacheAnalyzer(input);
  const problems: CacheProblem[] = [];
  for (const tracked of [...moduleCollections(analyzer, input.source), ...classCollections(analyzer, input.source)]) {
    const { problem } = analyzeCollection(analyzer, tracked);
    if (problem) problems.push(problem);
  }
  problems.push(...analyzeMemoizers(analyzer));
  const position = (problem: CacheProblem): number => (problem.type === "collection" ? problem.collection.node.range[0] : problem.call.range[0]);
  return problems.sort((a, b) => position(a) - position(b));
}

/** Quick text test before any work: the file mentions something the rule looks for. */
export function mayHaveUnboundedCache(text: string): boolean {
  return /\bnew\s+(?:Map|Set)\b|=\s*(?:\{\s*\}|\[\s*\])|Object\.create\(\s*null|memoiz|\bmem\b/.test(text);
}

/** "The module-level Map `requests`", for messages. */
export function describeCollection(collection: Collection): string {
  const kind = collection.kind === "object" ? "object" : collection.kind === "array" ? "array" : collection.kind;
  switch (collection.owner) {
    case "module":
      return `The module-level ${kind} \`${collection.name}\``;
    case "static":
      return `The static ${kind} \`${collection.name}\``;
    case "instance":
      return `The ${kind} \`${collection.name}\` of the only \`${collection.className ?? "class"}\` instance`;
  }
}

export { describeRepeat };
