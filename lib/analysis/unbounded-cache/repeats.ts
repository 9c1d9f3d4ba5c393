// "Runs repeatedly?" for the cache rule: the shared walk of repetition.ts, refined for module
// initialisation. A loop or an `Array#forEach` at module level fills a registry once; so do the
// constructor of a class instantiated once at module level and a function only called from there.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type AnyFunction, memberName, unwrapExpression } from "../ast.js";
import { synchronousIterationMethods } from "../cache-catalogue.js";
import type { RepeatReason } from "../repetition.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { functionDeclarator, topLevelStatement } from "./syntax.js";

export class RepeatAnalysis {
  private readonly repeatMemo = new Map<TSESTree.Node, RepeatReason | null>();
  private readonly initOnlyMemo = new Map<AnyFunction, boolean>();

  constructor(private readonly analyzer: CacheAnalyzer) {}

  /** Why `node` runs more than once after module initialisation, or undefined when it runs once (or a bounded number of times). */
  repeats(node: TSESTree.Node, depth = 0): RepeatReason | undefined {
    const cached = this.repeatMemo.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.repeatMemo.set(node, null); // cycles (recursion through init-only functions) count as "once"
    const result = depth > 16 ? undefined : this.computeRepeats(node, depth);
    this.repeatMemo.set(node, result ?? null);
    return result;
  }

  private computeRepeats(node: TSESTree.Node, depth: number): RepeatReason | undefined {
    const answer = this.analyzer.input.analysis.repetition(node, { checkFactories: true, memoFunctions: [] });
    if (!answer.repeated) return undefined;
    const reason = answer.reason;
    const singletonOf = (cls: TSESTree.Node) => this.analyzer.escape.singletonOf(cls);
    switch (reason.type) {
      case "loop":
        // A loop in initialisation code runs over data the module has: finite, unless it waits for events.
        return isOpenEndedLoop(reason.node) || this.repeats(reason.node, depth + 1) ? reason : undefined;
      case "instance": {
        const cls = reason.node.parent?.parent;
        return cls && singletonOf(cls) ? this.repeats(cls, depth + 1) : reason;
      }
      case "function": {
        const fn = reason.node;
        const iteration = synchronousIterationCall(fn);
        if (iteration) return this.repeats(iteration, depth + 1) ? reason : undefined;
        const constructorOf = fn.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === "constructor" ? fn.parent.parent.parent : undefined;
        if (constructorOf && singletonOf(constructorOf)) return this.repeats(constructorOf, depth + 1) ? reason : undefined;
        return this.initOnly(fn, depth) ? undefined : reason;
      }
      default:
        return reason;
    }
  }

  /** A module-level function that is only called, directly, from initialisation code (a registration helper). */
  private initOnly(fn: AnyFunction, depth: number): boolean {
    const cached = this.initOnlyMemo.get(fn);
    if (cached !== undefined) return cached;
    this.initOnlyMemo.set(fn, false);
    const declarator = functionDeclarator(fn);
    let result = false;
    const statement = declarator && topLevelStatement(declarator);
    if (declarator && statement && statement.type !== AST_NODE_TYPES.ExportNamedDeclaration && statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) {
      const variables = this.analyzer.scopeManager
        .getDeclaredVariables(declarator)
        .filter((v) => v.defs.length === 1 && (v.defs[0]!.type === "FunctionName" || v.defs[0]!.type === "Variable"));
      const references = variables.flatMap((v) => v.references.filter((r) => !r.init && r.isValueReference !== false));
      result =
        variables.length > 0 &&
        references.length > 0 &&
        references.every((reference) => {
          const call = reference.identifier.parent;
          return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && !this.repeats(call, depth + 1);
        });
    }
    this.initOnlyMemo.set(fn, result);
    return result;
  }
}

/** Loops that wait for events or have no end: `for await`, `while (true)`, `for (;;)`. */
function isOpenEndedLoop(loop: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForOfStatement:
      return loop.await;
    case AST_NODE_TYPES.ForStatement:
      return loop.test === null || (loop.test.type === AST_NODE_TYPES.Literal && loop.test.value === true);
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
      return loop.test.type === AST_NODE_TYPES.Literal && Boolean(loop.test.value);
    default:
      return false;
  }
}

/** `items.forEach((item) => …)`: the call whose synchronous iteration runs `fn`. */
function synchronousIterationCall(fn: AnyFunction): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  return name !== undefined && synchronousIterationMethods.includes(name) ? call : undefined;
}
