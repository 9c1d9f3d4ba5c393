// The shapes `no-unbounded-cache` works with: its input, the collections it tracks, the problems it
// reports, and (internal to the analysis) what each use of a collection does to it.
import type { TSESTree } from "@typescript-eslint/types";
import type { AnyFunction } from "../ast.js";
import type { CollectionKind, MemoizerEntry } from "../cache-catalogue.js";
import type { EvidenceKind } from "./evidence.js";
import type { RepeatReason } from "../repetition.js";
import type { FileAnalysis, SourceInput } from "../index.js";
import type { Variable } from "../bindings.js";
import type { TypeInfo } from "../type-info.js";

export interface CacheAnalysisInput {
  readonly source: SourceInput;
  /** The shared "runs repeatedly?" walk (only `repetition` is read: the rule computes the file analysis on first use). */
  readonly analysis: Pick<FileAnalysis, "repetition">;
  readonly typeInfo?: TypeInfo | undefined;
  /** Also report collections that escape (exported, passed on, returned): their owner may prune them elsewhere. */
  readonly checkEscaping: boolean;
  /** Also report growths whose keys nothing shows to be unbounded (a bare parameter, a value from configuration). */
  readonly reportUnprovenKeys?: boolean;
}

export interface Collection {
  readonly kind: CollectionKind;
  /** How the code names it: `requests`, `Store.cache`, `this.#cache`. */
  readonly name: string;
  /** "module-level", "static", or "instance" (a field of a class instantiated once at module level). */
  readonly owner: "module" | "static" | "instance";
  readonly className?: string;
  /** The declaration the problem is reported at (declarator id, field key, `this.x` of the constructor). */
  readonly node: TSESTree.Node;
  /** The initialiser (`new Map()`, `{}`, `[]`, `Object.create(null)`). */
  readonly init: TSESTree.Expression;
  /** The declared type (`const m: Map<K, V> = new Map()`), when written. */
  readonly typeAnnotation?: TSESTree.TypeNode | undefined;
}

export interface Growth {
  /** The expression that adds: `m.set(k, v)`, `o[k] = v`, `a.push(x)`. */
  readonly node: TSESTree.Node;
  readonly key?: TSESTree.Node | undefined;
  readonly reason: RepeatReason;
  /** `requests.set(…)`, for messages. */
  readonly text: string;
}

/** Where the entry can be deleted when the operation that adds it completes. */
export interface FinallyTarget {
  readonly statement: TSESTree.ExpressionStatement;
  readonly fn: AnyFunction;
  readonly key: TSESTree.Node;
  readonly collectionText: string;
  readonly functionName: string;
}

export interface CollectionProblem {
  readonly type: "collection";
  readonly collection: Collection;
  readonly growth: Growth;
  /** What shows the reported growth's keys to be unbounded; undefined when reported for `reportUnprovenKeys`. */
  readonly evidence?: EvidenceKind | undefined;
  readonly escapes: boolean;
  /** Every key is an object and the code uses only what a WeakMap/WeakSet also has. */
  readonly weakKeys: boolean;
  readonly finallyTarget?: FinallyTarget | undefined;
}

export interface MemoizerProblem {
  readonly type: "memoizer";
  readonly call: TSESTree.CallExpression;
  readonly entry: MemoizerEntry;
  /** The memoized function as a person would name it. */
  readonly fn: string;
}

export type CacheProblem = CollectionProblem | MemoizerProblem;

/** Why a candidate collection is or is not reported (the corpus notes and the tests read it). */
export type Verdict =
  | "reported"
  | "pruned"
  | "escapes"
  | "no growth"
  | "bounded keys"
  | "registration API"
  | "records diagnostics"
  | "grows only at initialisation"
  | "size-capped"
  | "unproven keys";

/** What one access to a collection does with it. */
export type Use =
  | {
      readonly type: "grow";
      readonly node: TSESTree.Node;
      readonly key?: TSESTree.Node;
      readonly keyed: boolean;
      readonly boundedKeys?: boolean;
      /** What is stored (Map values, pushed items, assigned values). */
      readonly values?: readonly TSESTree.Node[];
      /** The global function that adds (`Object.assign`), when it is one. */
      readonly via?: string;
    }
  | { readonly type: "prune" }
  | { readonly type: "read"; readonly member?: string | undefined; readonly size?: boolean }
  | { readonly type: "escape" };

export type GrowUse = Extract<Use, { type: "grow" }>;

export const read: Use = { type: "read" };
export const prune: Use = { type: "prune" };
export const escape: Use = { type: "escape" };

/** A candidate collection and every access to it the analysis could tie to its holder. */
export interface Tracked {
  readonly collection: Collection;
  readonly accesses: TSESTree.Node[];
  /** Reassigned, or pruned through an access the analysis cannot tie to the holder. */
  pruned: boolean;
  escapes: boolean;
}

export interface Singleton {
  /** The `const` holding the only instance, when there is one. */
  readonly instance?: Variable;
  /** The instance is exported or handed to other code. */
  readonly escapes: boolean;
}
