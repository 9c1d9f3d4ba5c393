// One file's cache analysis: the input, and the parts that answer its questions — does this code run
// repeatedly (repeats.ts), what does this access do to the collection (uses.ts), is this key from a
// bounded set (keys.ts), is it evidently unbounded (evidence.ts), does the collection or its holder
// escape (escape.ts), does it only record diagnostics (diagnostics.ts). The parts memoise per
// file and reach each other through this object (they import it as a type only).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName, unwrapExpression } from "../ast.js";
import { type ScopeManager, resolveIdentifier } from "../bindings.js";
import { DiagnosticRecords } from "./diagnostics.js";
import { EscapeAnalysis } from "./escape.js";
import { KeyEvidence } from "./evidence.js";
import { KeyBounds } from "./keys.js";
import { RepeatAnalysis } from "./repeats.js";
import type { CacheAnalysisInput } from "./types.js";
import { UseClassifier } from "./uses.js";

export class CacheAnalyzer {
  readonly scopeManager: ScopeManager;
  readonly runs: RepeatAnalysis;
  readonly uses: UseClassifier;
  readonly keys: KeyBounds;
  readonly escape: EscapeAnalysis;
  readonly diagnostics: DiagnosticRecords;
  readonly evidence: KeyEvidence;

  constructor(readonly input: CacheAnalysisInput) {
    this.scopeManager = input.source.scopeManager;
    this.runs = new RepeatAnalysis(this);
    this.uses = new UseClassifier(this);
    this.keys = new KeyBounds(this);
    this.escape = new EscapeAnalysis(this);
    this.diagnostics = new DiagnosticRecords(this);
    this.evidence = new KeyEvidence(this);
  }

  /** An identifier that names a global (not shadowed, not declared in the file). */
  isGlobal(id: TSESTree.Identifier): boolean {
    const variable = resolveIdentifier(this.scopeManager, id);
    return !variable || variable.defs.length === 0;
  }

  /** `["Object", "keys"]` for a callee made of global names (not shadowed), else undefined. */
  globalPath(callee: TSESTree.Node): string[] | undefined {
    const node = unwrapExpression(callee);
    if (node.type === AST_NODE_TYPES.Identifier) return this.isGlobal(node) ? [node.name] : undefined;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && this.isGlobal(node.object)) {
      const name = memberName(node);
      return name === undefined ? undefined : [node.object.name, name];
    }
    return undefined;
  }
}
