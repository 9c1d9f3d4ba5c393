// Collections that only remember which diagnostics were already given: a "warn once" set
// (`if (!warned.has(message)) { console.warn(message); warned.add(message); }`) or a map of
// deprecation wrappers (`map.set(message, util.deprecate(fn, message))`). They keep one entry per
// distinct warning the program itself can print — its own messages, option names, codes — not one per
// input, and every entry stands for a line the user already saw: they are not caches. What prints a
// diagnostic (console, process.emitWarning, logger methods, util.deprecate) is catalogue data.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, memberName, unwrapExpression, walk } from "../ast.js";
import { type ModuleExport, deprecationFactories, diagnosticSinks, loggerMethods } from "../cache-catalogue.js";
import { isReassigned } from "../bindings.js";
import { moduleValues } from "../imports.js";
import { resolveIdentifier } from "../bindings.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { enclosingFunction } from "./syntax.js";
import type { GrowUse } from "./types.js";

export class DiagnosticRecords {
  private deprecations: ReadonlyMap<TSESTree.Node, ModuleExport> | undefined;

  constructor(private readonly analyzer: CacheAnalyzer) {}

  /**
   * The growth records that a diagnostic was given: it stores a deprecation wrapper, or it stores a
   * flag (a Set item, a literal value) next to a call that prints a diagnostic, after a lookup of the
   * same collection (`lookups`: the collection's reads) in the same function.
   */
  recordsDiagnostic(use: GrowUse, storesFlag: boolean, lookups: readonly TSESTree.Node[]): boolean {
    if ((use.values ?? []).some((value) => this.isDeprecationWrapper(value))) return true;
    if (!storesFlag) return false;
    const fn = enclosingFunction(use.node);
    if (!fn || !lookups.some((read) => enclosingFunction(read) === fn && read.range[0] < use.node.range[0])) return false;
    return siblingStatements(use.node).some((statement) => this.printsDiagnostic(statement));
  }

  /** The statement calls a diagnostic sink (`console.warn`, `process.emitWarning`) or a logger method (`log.warn`). */
  private printsDiagnostic(statement: TSESTree.Statement): boolean {
    let found = false;
    walk(statement, this.analyzer.input.source.visitorKeys, (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return true;
      const callee = unwrapExpression(node.callee);
      const path = this.analyzer.globalPath(callee);
      if (path !== undefined && diagnosticSinks.some((sink) => sink.length === path.length && sink.every((part, i) => part === "*" || part === path[i]))) found = true;
      else if (callee.type === AST_NODE_TYPES.MemberExpression && loggerMethods.includes(memberName(callee) ?? "")) found = true;
      return !found;
    });
    return found;
  }

  private isDeprecationWrapper(raw: TSESTree.Node, depth = 0): boolean {
    const node = unwrapExpression(raw);
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const { source } = this.analyzer.input;
      this.deprecations ??= moduleValues(source.ast, source.scopeManager, deprecationFactories);
      return this.deprecations.has(unwrapExpression(node.callee));
    }
    if (node.type !== AST_NODE_TYPES.Identifier || depth > 2) return false;
    const variable = resolveIdentifier(this.analyzer.scopeManager, node);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== "Variable" || isReassigned(variable) || !def.node.init) return false;
    return this.isDeprecationWrapper(def.node.init, depth + 1);
  }
}

/** The statements of the block (or function body) the growth's statement sits in (through an `if` without braces). */
function siblingStatements(growth: TSESTree.Node): readonly TSESTree.Statement[] {
  for (let parent = growth.parent; parent && !isFunctionNode(parent); parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) return parent.body as TSESTree.Statement[];
    if (parent.type === AST_NODE_TYPES.SwitchCase) return parent.consequent;
  }
  return [];
}
