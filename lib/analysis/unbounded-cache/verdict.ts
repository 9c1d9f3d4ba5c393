// The verdict on one candidate collection: pruned, escaping, never growing, growing only by bounded
// keys, a registration API, growing only at initialisation, size-capped — or reported, with the
// growth the message names and what the suggestions need. By default a growth is reported only
// with evidence that its keys are unbounded (evidence.ts); `reportUnprovenKeys` reports the others.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName } from "../ast.js";
import { collectionMethods } from "../cache-catalogue.js";
import type { RepeatReason } from "../repetition.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { finallyTargetFor, isSizeCapped } from "./pruning.js";
import type { Collection, CollectionProblem, GrowUse, Tracked, Use, Verdict } from "./types.js";

export function analyzeCollection(analyzer: CacheAnalyzer, tracked: Tracked): { verdict: Verdict; problem?: CollectionProblem } {
  const input = analyzer.input;
  if (tracked.pruned) return { verdict: "pruned" };
  const { collection } = tracked;
  const uses = new Map<TSESTree.Node, Use>();
  for (const access of tracked.accesses) uses.set(access, analyzer.uses.classify(access, collection.kind));
  const all = [...uses.values()];
  if (all.some((use) => use.type === "prune")) return { verdict: "pruned" };
  const escapes = tracked.escapes || all.some((use) => use.type === "escape");
  if (escapes && !input.checkEscaping) return { verdict: "escapes" };
  const sizeReads = [...uses].filter(([, use]) => use.type === "read" && use.size).map(([access]) => access);
  const lookups = [...uses].filter(([, use]) => use.type === "read").map(([access]) => access);
  const growths: { use: GrowUse; reason: RepeatReason }[] = [];
  let verdict: Verdict = "no growth";
  for (const use of all) {
    if (use.type !== "grow") continue;
    if (use.keyed && (use.boundedKeys || (use.key !== undefined && analyzer.keys.boundedValue(use.key)))) {
      if (verdict === "no growth") verdict = "bounded keys";
      continue;
    }
    if (analyzer.diagnostics.recordsDiagnostic(use, storesFlag(collection, use), lookups)) {
      if (verdict === "no growth" || verdict === "bounded keys") verdict = "records diagnostics";
      continue;
    }
    if (analyzer.escape.delegatedGrowth(use.node, use.key, use.values ?? []) || analyzer.escape.refusesDuplicates(use.node, tracked.accesses)) {
      if (!input.checkEscaping) {
        if (verdict === "no growth" || verdict === "bounded keys") verdict = "registration API";
        continue;
      }
    }
    const reason = analyzer.runs.repeats(use.node);
    if (!reason) {
      verdict = "grows only at initialisation";
      continue;
    }
    if (isSizeCapped(use.node, sizeReads)) {
      verdict = "size-capped";
      continue;
    }
    growths.push({ use, reason });
  }
  if (growths.length === 0) return { verdict };
  // By default only a growth whose key is evidently unbounded (an object, a per-call unique value,
  // request data) is reported; the others are "unproven" and wait for `reportUnprovenKeys`.
  const evidenced = growths.map(({ use, reason }) => ({ use, reason, evidence: analyzer.evidence.ofGrowth(use, collection.kind) }));
  const first = evidenced.find((growth) => growth.evidence !== undefined) ?? (input.reportUnprovenKeys ? evidenced[0] : undefined);
  if (!first) return { verdict: "unproven keys" };
  const weakCompatible = collectionMethods[collection.kind].weakCompatible;
  const weakKeys =
    weakCompatible !== undefined &&
    growths.every(({ use }) => use.key !== undefined && analyzer.keys.keyIsObject(use.key)) &&
    all.every((use) => use.type === "grow" || (use.type === "read" && use.member !== undefined && weakCompatible.includes(use.member)));
  const finallyTarget = growths.length === 1 ? finallyTargetFor(tracked, first.use, uses, input.source) : undefined;
  return {
    verdict: "reported",
    problem: {
      type: "collection",
      collection,
      growth: { node: first.use.node, key: first.use.key, reason: first.reason, text: growthText(collection, first.use) },
      evidence: first.evidence,
      escapes,
      weakKeys,
      finallyTarget,
    },
  };
}

function growthText(collection: Collection, growth: GrowUse): string {
  const node = growth.node;
  if (growth.via !== undefined) return `\`${growth.via}(${collection.name}, …)\``;
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(node.callee);
    return method === undefined ? `\`${collection.name}\`` : `\`${collection.name}.${method}(…)\``;
  }
  return `\`${collection.name}[…] = …\``;
}

/** What is stored is a flag, not data: a Set's item, or a literal value (`warned[name] = true`). */
function storesFlag(collection: Collection, use: GrowUse): boolean {
  if (collection.kind === "Set") return true;
  const values = use.values ?? [];
  return values.length > 0 && values.every((value) => value.type === AST_NODE_TYPES.Literal && !("regex" in value && value.regex));
}
