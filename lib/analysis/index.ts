// The shared analysis: computed once per file (memoised on the Program node) and read by every rule
// and by the codemod. Cheap checks first: a file that imports no schema library costs one regex test.
import type { TSESTree } from "@typescript-eslint/utils";
import type { VisitorKeys } from "./ast.js";
import { type CaptureInfo, analyzeCaptures } from "./captures.js";
import { knownModuleSpecifiers } from "./catalogue.js";
import { type RepetitionOptions, type RepeatAnswer, RepetitionMemo, repetitionOf } from "./repetition.js";
import type { ScopeManager } from "./bindings.js";
import { type SlotSite, type TraceResult, traceSchemaCalls } from "./trace.js";
import type { TypeInfo } from "./type-info.js";
import { catalogueMethodNames, typedReceiverRoots } from "./typed.js";

export interface SourceInput {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
}

export interface FileAnalysis {
  readonly trace: TraceResult;
  /** Capture analysis per slot function, computed on first request. */
  captures(site: SlotSite): CaptureInfo;
  /** "Runs repeatedly?" for a node, per option set, computed on first request. */
  repetition(node: TSESTree.Node, options: RepetitionOptions): RepeatAnswer;
}

const emptyTrace: TraceResult = {
  calls: [],
  sites: [],
  siteByFunction: new Map(),
  schemaNodes: new Set(),
  schemaVariables: new Set(),
  tracedNodes: new Set(),
};

const prefilters = new Map<string, RegExp>();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Quick text test: does the source mention a known schema module in quotes? */
export function mentionsSchemaModule(text: string, modules?: Readonly<Record<string, string>>): boolean {
  const cacheKey = modules ? JSON.stringify(Object.keys(modules).sort()) : "";
  let pattern = prefilters.get(cacheKey);
  if (!pattern) {
    const alternatives = knownModuleSpecifiers(modules).map((specifier) =>
      specifier.endsWith("/") ? `${escape(specifier)}[^'"\`]*` : escape(specifier),
    );
    pattern = new RegExp(`['"\`](?:${alternatives.join("|")})['"\`]`);
    if (prefilters.size > 64) prefilters.clear();
    prefilters.set(cacheKey, pattern);
  }
  return pattern.test(text);
}

let methodCall: RegExp | undefined;

/** Quick text test: does the source call a method the catalogue knows (`.refine(`, `.test(`)? */
export function mentionsCatalogueMethod(text: string): boolean {
  methodCall ??= new RegExp(`\\.\\s*(?:${[...catalogueMethodNames()].map(escape).join("|")})\\s*[(<]`);
  return methodCall.test(text);
}

const memo = new WeakMap<TSESTree.Program, Map<string, FileAnalysis>>();

export function analyzeFile(
  source: SourceInput,
  modules?: Readonly<Record<string, string>>,
  typeInfo?: TypeInfo,
): FileAnalysis {
  const modulesKey = (modules ? JSON.stringify(modules) : "") + (typeInfo ? "|typed" : "");
  let perProgram = memo.get(source.ast);
  const cached = perProgram?.get(modulesKey);
  if (cached) return cached;

  let trace = mentionsSchemaModule(source.text, modules) ? traceSchemaCalls(source.ast, source.scopeManager, modules) : emptyTrace;
  if (typeInfo) {
    // Receivers syntax cannot trace (imported schemas, typed parameters), recognised by their type.
    const typedRoots = typedReceiverRoots(source.ast, source.visitorKeys, typeInfo, trace);
    if (typedRoots.length > 0) trace = traceSchemaCalls(source.ast, source.scopeManager, modules, typedRoots);
  }
  const captureMemo = new Map<SlotSite, CaptureInfo>();
  const contextMemo = new Map<string, WeakMap<TSESTree.Node, RepeatAnswer>>();
  const repetitionInput = { trace, scopeManager: source.scopeManager, visitorKeys: source.visitorKeys, memo: new RepetitionMemo() };
  const analysis: FileAnalysis = {
    trace,
    captures(site) {
      let info = captureMemo.get(site);
      if (!info) {
        info = analyzeCaptures(site.fn, source.scopeManager, source.visitorKeys);
        captureMemo.set(site, info);
      }
      return info;
    },
    repetition(node, options) {
      const key = `${options.checkFactories}|${options.memoFunctions.join(",")}|${options.effectFunctions?.join(",") ?? "-"}`;
      let byNode = contextMemo.get(key);
      if (!byNode) {
        byNode = new WeakMap();
        contextMemo.set(key, byNode);
      }
      let answer = byNode.get(node);
      if (!answer) {
        answer = repetitionOf(node, repetitionInput, options);
        byNode.set(node, answer);
      }
      return answer;
    },
  };
  if (!perProgram) {
    perProgram = new Map();
    memo.set(source.ast, perProgram);
  }
  perProgram.set(modulesKey, analysis);
  return analysis;
}

export { describeRepeat, functionName, defaultMemoFunctions, defaultEffectFunctions } from "./repetition.js";
export type { RepetitionOptions, RepeatAnswer, RepeatReason } from "./repetition.js";
export type { CaptureInfo, Capture } from "./captures.js";
export { blockersOf, lexicalNames } from "./captures.js";
export type { SlotSite, SchemaCall, TraceResult } from "./trace.js";
export { describeKind, catalogue } from "./catalogue.js";
export type { SlotKind, LibraryEntry, LibraryId } from "./catalogue.js";
