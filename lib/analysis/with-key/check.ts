// withKey checker, stage 4: the check. Sound keys for `withKey(fn, key)`: the runtime shares one
// function object between calls that present an equal key and compares the code itself, but it
// cannot see captured values the key leaves out. A key must cover every captured value, hold nothing
// that changes after the closure is created or differs on every evaluation, and name one code per id
// in the module. A miss is cheap, a collision is a bug: where coverage cannot be proven, it is reported.
//
// Problems are named by the `require-stable-key` messageIds. The analysis builds no text: a problem
// that can be fixed carries what the fix needs, and lib/edits/key.ts turns that into an edit.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type FunctionNode, type VisitorKeys, unwrapExpression } from "../ast.js";
import { type ScopeManager, type Variable, inTemporalDeadZone, scopeOf, variableNamed } from "../bindings.js";
import { type Capture, type LexicalName, analyzeCaptures, lexicalNames } from "../captures.js";
import { type WithKeySource, findWithKeyCalls } from "./calls.js";
import { closureOf, keyCoverage, outgoingReferences, preview, referencedVariables, writeAfter } from "./coverage.js";
import { type KeyShape, FreshTest, keyShape } from "./key.js";

export type { LexicalName } from "../captures.js";

export type ArrayKey = Extract<KeyShape, { kind: "array" }>;
export type LiteralKey = Exclude<KeyShape, { kind: "bad" }>;

/**
 * What the key of one call should become, shared by its missingKey and unusedKey problems (the
 * autofix does both in one edit; each problem's suggestion does its own part). lib/edits/key.ts
 * writes the text.
 */
export interface KeyChange {
  readonly key: LiteralKey;
  /** Every missing name, when all of them can be written in the key at the call. */
  readonly add?: readonly string[];
  /** The unused elements (array keys only), with their names for messages. */
  readonly remove?: readonly { readonly node: TSESTree.Node; readonly name: string }[];
}

export type WithKeyProblem =
  | { readonly type: "badKey"; readonly node: TSESTree.Node; readonly reason: string }
  | { readonly type: "missingKey"; readonly node: TSESTree.Node; readonly id: string; readonly name: string; readonly change: KeyChange }
  | { readonly type: "reassigned"; readonly node: TSESTree.Node; readonly id: string; readonly name: string; readonly line: number }
  | { readonly type: "lexicalThis"; readonly node: TSESTree.Node; readonly id: string; readonly name: LexicalName }
  | { readonly type: "freshKey"; readonly node: TSESTree.Node; readonly id: string; readonly text: string }
  | { readonly type: "duplicateId"; readonly node: TSESTree.Node; readonly id: string; readonly line: number }
  | { readonly type: "unusedKey"; readonly node: TSESTree.Node; readonly id: string; readonly name: string; readonly change: KeyChange }
  | { readonly type: "uninitializedKey"; readonly node: TSESTree.Node; readonly id: string; readonly name: string; readonly line: number }
  | {
      readonly type: "unqualifiedId";
      /** The id's string literal (lib/edits/key.ts rewrites it), or the key expression when the id is not a plain literal. */
      readonly node: TSESTree.Node;
      readonly id: string;
      /** The module-level binding the closure reads. */
      readonly name: string;
      readonly qualified: string;
    };

export type WithKeyProblemType = WithKeyProblem["type"];

export interface WithKeyInput {
  readonly text: string;
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  readonly visitorKeys: VisitorKeys;
}

export interface CheckOptions {
  readonly allowUnusedKeys?: boolean;
  /**
   * The file's module identity (`package/path/inside`, see lib/edits/module-id.ts). When given, an
   * id of a closure that reads module-level bindings must start with `<moduleId>#`.
   */
  readonly moduleId?: string;
}

/**
 * A module-level binding whose value can differ between two modules with the same text: a
 * declaration of this module, or an import from a relative path (an import from a package is the
 * same binding in every module).
 */
function isModuleSpecific(variable: Variable): boolean {
  const scope = variable.scope.type;
  if (scope !== "module" && !(scope === "global" && variable.defs.length > 0)) return false;
  const def = variable.defs[0];
  if (!def) return false;
  if (def.type !== "ImportBinding") return true;
  const declaration = def.parent;
  const specifier = declaration?.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : undefined;
  return typeof specifier !== "string" || specifier.startsWith(".") || specifier.startsWith("/");
}

function lineOf(node: TSESTree.Node): number {
  return node.loc.start.line;
}

export class CallChecker {
  private readonly fresh: FreshTest;
  /** id → text of the first closure and its line. */
  private readonly ids = new Map<string, { text: string; line: number }>();
  readonly problems: WithKeyProblem[] = [];

  constructor(
    private readonly input: WithKeyInput,
    private readonly options: CheckOptions,
  ) {
    this.fresh = new FreshTest(input.scopeManager);
  }

  check(call: TSESTree.CallExpression): void {
    const { scopeManager, visitorKeys, text } = this.input;
    const key = keyShape(call);
    const id = key.kind === "bad" ? "" : key.id;
    if (key.kind === "bad") this.problems.push({ type: "badKey", node: key.node, reason: key.reason });

    const closure = closureOf(scopeManager, call.arguments[0]);

    // One id, one code: the runtime refuses to share different code but warns, and the cache splits.
    if (key.kind !== "bad" && call.arguments[0]) {
      const codeNode = closure?.fn ?? call.arguments[0];
      const code = text.slice(codeNode.range[0], codeNode.range[1]);
      const first = this.ids.get(id);
      const idNode = key.kind === "array" ? key.idNode : key.node;
      if (!first) this.ids.set(id, { text: code, line: lineOf(call) });
      else if (first.text !== code) this.problems.push({ type: "duplicateId", node: idNode, id, line: first.line });
    }

    if (key.kind === "array") {
      for (const element of key.elements) {
        if (this.fresh.fresh(element)) this.problems.push({ type: "freshKey", node: element, id, text: preview(text, element) });
        // The key is evaluated at the call, the closure only later: a binding declared below throws here.
        const late = referencedVariables(scopeManager, visitorKeys, element).find((variable) => inTemporalDeadZone(variable, call));
        if (late) this.problems.push({ type: "uninitializedKey", node: element, id, name: late.name, line: lineOf(late.defs[0]!.name) });
      }
    }

    if (!closure) return;
    const info = analyzeCaptures(closure.fn as FunctionNode, scopeManager, visitorKeys);
    const reportAt = call.arguments[0]!;

    // The intern table is process-wide: the same closure text with the same id in another module
    // that reads its own module-level bindings would get this module's function.
    const moduleId = this.options.moduleId;
    if (moduleId !== undefined && key.kind !== "bad" && !id.startsWith(`${moduleId}#`)) {
      const moduleRead = [...outgoingReferences(scopeManager, closure.fn).keys()].find(
        (variable) => variable !== closure.self && isModuleSpecific(variable),
      );
      if (moduleRead) {
        const idNode = unwrapExpression(key.kind === "array" ? key.idNode : key.node);
        this.problems.push({ type: "unqualifiedId", node: idNode, id, name: moduleRead.name, qualified: `${moduleId}#${id}` });
      }
    }
    for (const name of lexicalNames(info)) this.problems.push({ type: "lexicalThis", node: reportAt, id, name });

    const captures = info.values.filter((capture) => capture.variable !== closure.self);
    const unsafe = new Set<Capture>();
    for (const capture of captures) {
      if (capture.binding === "const" || capture.binding === "import" || capture.binding === "using") continue;
      const write = writeAfter(capture.variable, call);
      if (write) {
        unsafe.add(capture);
        this.problems.push({ type: "reassigned", node: capture.reference, id, name: capture.name, line: lineOf(write.identifier) });
      }
    }
    if (key.kind === "bad") return;

    const { covered, unused } = keyCoverage(this.input, closure, key.kind === "array" ? key.elements : [], (node) => this.fresh.fresh(node));
    const missing = captures.filter((capture) => !covered.has(capture.variable) && !unsafe.has(capture));
    // No fix when a name cannot be written in the key as is: a binding declared after the call
    // (let/const/class) would throw, and a name shadowed at the call would key another binding.
    const callScope = scopeOf(scopeManager, call);
    const writable = missing.every(
      (capture) =>
        !inTemporalDeadZone(capture.variable, call) &&
        callScope !== undefined &&
        variableNamed(callScope, capture.name) === capture.variable,
    );
    const reportUnused = !this.options.allowUnusedKeys && key.kind === "array";
    const change: KeyChange = {
      key,
      ...(missing.length > 0 && writable ? { add: missing.map((capture) => capture.name) } : {}),
      ...(reportUnused && unused.length > 0 ? { remove: unused } : {}),
    };
    for (const capture of missing) this.problems.push({ type: "missingKey", node: key.node, id, name: capture.name, change });
    if (reportUnused) for (const entry of unused) this.problems.push({ type: "unusedKey", node: entry.node, id, name: entry.name, change });
  }
}

const memo = new WeakMap<TSESTree.Program, Map<string, WithKeyProblem[]>>();

/** Every problem of every traced `withKey` call in the file, in source order (memoised per Program). */
export function checkWithKeyCalls(input: WithKeyInput, sources: readonly WithKeySource[], options: CheckOptions = {}): WithKeyProblem[] {
  const memoKey = JSON.stringify([sources, options.allowUnusedKeys === true, options.moduleId ?? null]);
  let perProgram = memo.get(input.ast);
  const cached = perProgram?.get(memoKey);
  if (cached) return cached;
  let problems: WithKeyProblem[] = [];
  if (sources.some((source) => input.text.includes(source.name))) {
    const checker = new CallChecker(input, options);
    for (const call of findWithKeyCalls(input.ast, input.scopeManager, sources)) checker.check(call);
    problems = checker.problems;
  }
  if (!perProgram) memo.set(input.ast, (perProgram = new Map()));
  perProgram.set(memoKey, problems);
  return problems;
}
