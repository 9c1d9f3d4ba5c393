// Who else holds a collection: classes instantiated exactly once (their instance fields are
// long-lived), holders that are exported or handed on, and registration APIs — public functions that
// store exactly what their callers pass, so that how often they grow is the callers' decision.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type AnyFunction, isFunctionNode, unwrapExpression } from "../ast.js";
import { isReassigned } from "../bindings.js";
import { optionalChild } from "../node-fields.js";
import { type Variable, resolveIdentifier } from "../bindings.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { enclosingFunction, functionDeclarator, isExportedDeclaration } from "./syntax.js";
import type { Singleton } from "./types.js";

export class EscapeAnalysis {
  private readonly singletonMemo = new Map<TSESTree.Node, Singleton | null>();

  constructor(private readonly analyzer: CacheAnalyzer) {}

  /**
   * A registration API: a function other modules call (exported, or a method of an exported class)
   * that stores exactly what its caller passes — the key a parameter (or built from parameters only),
   * the value its parameters. How often it grows is the callers' decision, like an exported collection.
   */
  delegatedGrowth(growth: TSESTree.Node, key: TSESTree.Node | undefined, values: readonly TSESTree.Node[]): boolean {
    let fn: AnyFunction | undefined;
    for (let parent = growth.parent; parent; parent = parent.parent) {
      if (isFunctionNode(parent)) {
        fn = parent;
        break;
      }
    }
    if (!fn || !this.isPublicFunction(fn)) return false;
    const scopeManager = this.analyzer.scopeManager;
    // The caller's own arguments, stored as they are: parameters, or literals of parameters; a key may
    // also be a template of parameters. A key read off an argument (`req.id`) is per-call data, and a
    // value computed here (`k.length`, `Date.now()`) makes it a cache, not a registration.
    const fromCaller = (raw: TSESTree.Node, key: boolean, depth: number): boolean => {
      if (depth > 6) return false;
      const node = unwrapExpression(raw);
      switch (node.type) {
        case AST_NODE_TYPES.Identifier: {
          const variable = resolveIdentifier(scopeManager, node);
          const def = variable?.defs[0];
          if (!variable || variable.defs.length !== 1 || isReassigned(variable)) return false;
          if (def?.type === "Parameter") return def.node === fn;
          return def?.type === "Variable" && def.node.init != null && def.node.id === def.name && fromCaller(def.node.init, key, depth + 1);
        }
        case AST_NODE_TYPES.TemplateLiteral:
          // Only keys are built (`${request}/${name}`); a stored value is what the caller passed.
          return key && node.expressions.length > 0 && node.expressions.every((e) => fromCaller(e, key, depth + 1));
        case AST_NODE_TYPES.ObjectExpression:
          return !key && node.properties.length > 0 && node.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && fromCaller(p.value, key, depth + 1));
        case AST_NODE_TYPES.ArrayExpression:
          return !key && node.elements.length > 0 && node.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement && fromCaller(e, key, depth + 1));
        default:
          return false;
      }
    };
    return (key === undefined || fromCaller(key, true, 0)) && values.length > 0 && values.every((value) => fromCaller(value, false, 0));
  }

  /**
   * A registry that refuses duplicates: a public function that throws when the collection already has
   * the entry (`if (registry.has(name)) throw …; registry.set(name, …)`). Each key is added once, by
   * callers that register things — caches never throw on a hit — so, like a registration API, how
   * often it grows is its callers' decision. `accesses`: every access to the collection.
   */
  refusesDuplicates(growth: TSESTree.Node, accesses: readonly TSESTree.Node[]): boolean {
    const fn = enclosingFunction(growth);
    if (!fn || !this.isPublicFunction(fn)) return false;
    return accesses.some((access) => {
      if (access.range[0] > growth.range[0] || enclosingFunction(access) !== fn) return false;
      let child: TSESTree.Node = access;
      for (let parent = access.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
        if (parent.type === AST_NODE_TYPES.IfStatement) return parent.test === child && throwsAtOnce(parent.consequent) && growth.range[0] > parent.range[1];
      }
      return false;
    });
  }

  /** Exported, or a public method of a class that is exported or handed out. */
  private isPublicFunction(fn: AnyFunction): boolean {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      if (parent.key.type === AST_NODE_TYPES.PrivateIdentifier || optionalChild(parent, "accessibility") === "private") return false;
      const cls = parent.parent.parent;
      return isExportedDeclaration(cls) || this.classVariables(cls).some((v) => this.holderEscapes(v));
    }
    const declarator = functionDeclarator(fn);
    if (!declarator) return false;
    if (isExportedDeclaration(declarator)) return true;
    const variables = this.analyzer.scopeManager
      .getDeclaredVariables(declarator)
      .filter((v) => v.defs[0]?.type === "FunctionName" || v.defs[0]?.type === "Variable");
    return variables.some((v) => this.holderEscapes(v));
  }

  /** A class instantiated exactly once, in initialisation code; undefined otherwise (also when the class is exported). */
  singletonOf(cls: TSESTree.Node): Singleton | undefined {
    const cached = this.singletonMemo.get(cls);
    if (cached !== undefined) return cached ?? undefined;
    this.singletonMemo.set(cls, null);
    const result = this.computeSingleton(cls);
    this.singletonMemo.set(cls, result ?? null);
    return result;
  }

  private computeSingleton(cls: TSESTree.Node): Singleton | undefined {
    const variables = this.classVariables(cls);
    if (variables.length === 0 || isExportedDeclaration(cls)) return undefined;
    const references = variables.flatMap((v) => v.references.filter((r) => !r.init && r.isValueReference !== false));
    const news = references.filter((r) => r.identifier.parent?.type === AST_NODE_TYPES.NewExpression && r.identifier.parent.callee === r.identifier);
    const others = references.filter((r) => !news.includes(r));
    // Static member reads (`Store.limit`) do not make instances; anything else (extends, passing the class on) might.
    if (news.length !== 1 || others.some((r) => r.identifier.parent?.type !== AST_NODE_TYPES.MemberExpression || r.identifier.parent.object !== r.identifier)) {
      return undefined;
    }
    const creation = news[0]!.identifier.parent as TSESTree.NewExpression;
    if (this.analyzer.runs.repeats(creation)) return undefined;
    const parent = creation.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === creation && parent.id.type === AST_NODE_TYPES.Identifier) {
      const instance = this.analyzer.scopeManager.getDeclaredVariables(parent)[0];
      if (!instance || isReassigned(instance)) return undefined;
      const escapes = isExportedDeclaration(parent) || this.holderEscapes(instance);
      return { instance, escapes };
    }
    return { escapes: true };
  }

  private classVariables(cls: TSESTree.Node): Variable[] {
    const scopeManager = this.analyzer.scopeManager;
    if (cls.type === AST_NODE_TYPES.ClassDeclaration) return scopeManager.getDeclaredVariables(cls);
    if (cls.type === AST_NODE_TYPES.ClassExpression && cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.init === cls) {
      return scopeManager.getDeclaredVariables(cls.parent).filter((v) => !isReassigned(v));
    }
    return [];
  }

  /** The holder of a field (a class or a singleton) is exported or handed to other code. */
  private holderEscapes(variable: Variable): boolean {
    return variable.references.some(
      (reference) => !reference.init && reference.isValueReference !== false && this.analyzer.uses.classify(reference.identifier, "object").type === "escape",
    );
  }
}

/** `throw …` or a block that ends in one. */
function throwsAtOnce(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body[statement.body.length - 1] : statement;
  return last?.type === AST_NODE_TYPES.ThrowStatement;
}
