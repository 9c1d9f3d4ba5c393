// Bounded keys: a key (or pushed item) from a bounded set does not make a collection grow without
// bound. Bounded: literals, enum members, booleans, members of `as const`/frozen literal objects,
// combinations of bounded values, loop variables over literal arrays, literal-union or enum types
// (written, or with type information the checker's), and parameters of module-local functions whose
// every call passes a bounded value. Also: is a key an object (a WeakMap could hold it)?
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { loadTypeScript } from "../type-info.js";
import type * as ts from "typescript";
import { createsObject, isFunctionNode, memberName, propertyKeyName, unwrapExpression } from "../ast.js";
import { isReassigned } from "../bindings.js";
import { type Variable, resolveIdentifier } from "../bindings.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { functionDeclarator, isExportedDeclaration, typeAnnotationOf, unwrapConstAssertion } from "./syntax.js";

const comparisonOperators = new Set(["==", "!=", "===", "!==", "<", ">", "<=", ">=", "in", "instanceof"]);


export class KeyBounds {
  constructor(private readonly analyzer: CacheAnalyzer) {}

  private get scopeManager() {
    return this.analyzer.scopeManager;
  }

  /** The value comes from a bounded set: a literal, an enum member, a boolean, a literal-typed binding. */
  boundedValue(raw: TSESTree.Node, depth = 0): boolean {
    if (depth > 8) return false;
    const node = unwrapExpression(raw);
    if (this.syntacticallyBounded(node, depth)) return true;
    return this.typedBounded(node);
  }

  private syntacticallyBounded(node: TSESTree.Node, depth: number): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return !("regex" in node && node.regex);
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every((expression) => this.boundedValue(expression, depth + 1));
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === "-" || node.operator === "+" || node.operator === "~" ? this.boundedValue(node.argument, depth + 1) : node.operator !== "delete";
      case AST_NODE_TYPES.BinaryExpression:
        // A comparison is a boolean; arithmetic on values from bounded sets stays in a bounded set.
        return (
          comparisonOperators.has(node.operator) ||
          (node.left.type !== AST_NODE_TYPES.PrivateIdentifier && this.boundedValue(node.left, depth + 1) && this.boundedValue(node.right, depth + 1))
        );
      case AST_NODE_TYPES.LogicalExpression:
        return this.boundedValue(node.left, depth + 1) && this.boundedValue(node.right, depth + 1);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.boundedValue(node.consequent, depth + 1) && this.boundedValue(node.alternate, depth + 1);
      case AST_NODE_TYPES.Identifier:
        return this.boundedBinding(node, depth);
      case AST_NODE_TYPES.MemberExpression:
        return this.boundedMember(node, depth);
      default:
        return false;
    }
  }

  private boundedBinding(id: TSESTree.Identifier, depth: number): boolean {
    const variable = resolveIdentifier(this.scopeManager, id);
    if (!variable) return false;
    if (variable.defs.length === 0) return id.name === "undefined";
    if (variable.defs.length !== 1) return false;
    const def = variable.defs[0]!;
    if (def.type === "Parameter") return this.boundedTypeNode(typeAnnotationOf(def.name), depth) || this.boundedArguments(def.node, def.name, depth);
    if (def.type !== "Variable") return false;
    if (this.boundedTypeNode(typeAnnotationOf(def.name), depth)) return true;
    const declarator = def.node;
    const loop = declarator.parent?.parent;
    if (
      (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
      loop.left === declarator.parent &&
      declarator.id === def.name
    ) {
      return this.boundedIteration(loop.right, loop.type === AST_NODE_TYPES.ForInStatement, depth);
    }
    if (isDepthCounter(variable)) return true;
    if (isReassigned(variable) || declarator.id !== def.name || !declarator.init) return false;
    return this.boundedValue(declarator.init, depth + 1);
  }

  /** A loop over a literal array (or an object literal's keys) yields values from a bounded set. */
  private boundedIteration(raw: TSESTree.Node, keys: boolean, depth: number): boolean {
    const node = this.constInitOf(unwrapExpression(raw));
    if (keys) return node?.type === AST_NODE_TYPES.ObjectExpression && node.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed);
    return (
      node?.type === AST_NODE_TYPES.ArrayExpression &&
      node.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.boundedValue(element, depth + 1))
    );
  }

  /** The initialiser of a never-reassigned variable (`node` itself when it is not an identifier). */
  private constInitOf(node: TSESTree.Node): TSESTree.Node | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return node;
    const variable = resolveIdentifier(this.scopeManager, node);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || def?.type !== "Variable" || isReassigned(variable) || def.node.id !== def.name) return undefined;
    return def.node.init ? unwrapConstAssertion(def.node.init) : undefined;
  }

  private boundedMember(member: TSESTree.MemberExpression, depth: number): boolean {
    const name = memberName(member);
    if (name === undefined || member.object.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = resolveIdentifier(this.scopeManager, member.object);
    if (variable?.defs.some((def) => def.type === "TSEnumName")) return true;
    // A property whose declared type is bounded: `library.id` with `library: LibraryEntry` and
    // `interface LibraryEntry { readonly id: LibraryId }`, `type LibraryId = "zod" | …`.
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def && (def.type === "Parameter" || def.type === "Variable") && this.boundedPropertyType(typeAnnotationOf(def.name), name, depth)) return true;
    // An enum-like constant: `const Kind = { A: "a", B: "b" } as const`.
    const init = this.constInitOf(member.object);
    if (init?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const property = init.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === name);
    return property !== undefined && this.boundedValue(property.value, depth + 1);
  }

  /** The declared type of property `name` of a type written in this file (an interface, or an alias of an object type) is bounded. */
  private boundedPropertyType(type: TSESTree.TypeNode | undefined, name: string, depth: number): boolean {
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeArguments) return false;
    const variable = resolveIdentifier(this.scopeManager, type.typeName);
    for (const def of variable?.defs ?? []) {
      const declaration = def.node;
      const members =
        declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration
          ? declaration.body.body
          : declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral
            ? declaration.typeAnnotation.members
            : [];
      for (const member of members) {
        if (member.type !== AST_NODE_TYPES.TSPropertySignature || member.computed) continue;
        const key = member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
        if (key === name) return this.boundedTypeNode(member.typeAnnotation?.typeAnnotation, depth + 1);
      }
    }
    return false;
  }

  /** A type annotation that admits a bounded set of values: literals, unions of them, booleans, enums, aliases of those. */
  boundedTypeNode(type: TSESTree.TypeNode | undefined, depth = 0): boolean {
    if (!type || depth > 8) return false;
    switch (type.type) {
      case AST_NODE_TYPES.TSLiteralType:
        return type.literal.type !== AST_NODE_TYPES.TemplateLiteral || type.literal.expressions.length === 0;
      case AST_NODE_TYPES.TSBooleanKeyword:
      case AST_NODE_TYPES.TSUndefinedKeyword:
      case AST_NODE_TYPES.TSNullKeyword:
      case AST_NODE_TYPES.TSNeverKeyword:
      case AST_NODE_TYPES.TSVoidKeyword:
        return true;
      case AST_NODE_TYPES.TSUnionType:
        return type.types.every((member) => this.boundedTypeNode(member, depth + 1));
      case AST_NODE_TYPES.TSTypeReference: {
        const name = type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.left : type.typeName;
        if (name.type !== AST_NODE_TYPES.Identifier) return false;
        const variable = resolveIdentifier(this.scopeManager, name);
        if (!variable) return false;
        if (variable.defs.some((def) => def.type === "TSEnumName")) return true;
        if (type.typeName.type === AST_NODE_TYPES.TSQualifiedName) return false;
        const alias = variable.defs.find((def) => def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration)?.node as TSESTree.TSTypeAliasDeclaration | undefined;
        return alias !== undefined && !alias.typeParameters && this.boundedTypeNode(alias.typeAnnotation, depth + 1);
      }
      default:
        return false;
    }
  }

  /** With type information: the value's type is a literal, a union of literals, a boolean or an enum. */
  private typedBounded(node: TSESTree.Node): boolean {
    const type = this.typeOf(node);
    if (!type) return false;
    const flags = loadTypeScript().TypeFlags;
    const boundedFlags =
      flags.StringLiteral | flags.NumberLiteral | flags.BigIntLiteral | flags.BooleanLiteral | flags.EnumLiteral | flags.Boolean | flags.Undefined | flags.Null | flags.Void | flags.Never | flags.UniqueESSymbol;
    const test = (t: ts.Type): boolean => (t.isUnion() ? t.types.every(test) : (t.flags & boundedFlags) !== 0);
    return test(type);
  }

  private typeOf(node: TSESTree.Node): ts.Type | undefined {
    const info = this.analyzer.input.typeInfo;
    const tsNode = info?.esTreeNodeToTSNodeMap.get(node);
    return info && tsNode ? info.program.getTypeChecker().getTypeAtLocation(tsNode) : undefined;
  }

  /** The key is an object (a WeakMap could hold it): object-creating syntax, `this`, or an object type. */
  keyIsObject(raw: TSESTree.Node): boolean {
    const node = unwrapExpression(raw);
    if (createsObject(node) || node.type === AST_NODE_TYPES.ThisExpression) return true;
    const type = this.typeOf(node);
    if (!type) return false;
    const flags = loadTypeScript().TypeFlags;
    const test = (t: ts.Type): boolean => (t.isUnion() ? t.types.every(test) : (t.flags & (flags.Object | flags.NonPrimitive)) !== 0);
    return test(type);
  }

  /** A parameter of a module-local function that every call site fills with a value from a bounded set. */
  private boundedArguments(fn: TSESTree.Node, param: TSESTree.Node, depth: number): boolean {
    if (!isFunctionNode(fn) || depth > 6) return false;
    const index = fn.params.findIndex((p) => p === param || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === param));
    if (index < 0) return false;
    const calls = this.callSites(fn);
    if (!calls) return false;
    const defaultValue = fn.params[index]?.type === AST_NODE_TYPES.AssignmentPattern ? (fn.params[index] as TSESTree.AssignmentPattern).right : undefined;
    return calls.every((call) => {
      if (call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return false;
      const argument = call.arguments[index];
      if (!argument) return defaultValue === undefined || this.boundedValue(defaultValue, depth + 1);
      return this.boundedValue(argument, depth + 1);
    });
  }

  /**
   * The functions whose every use is a direct call in this module (not exported, not passed on): their
   * call sites are all the inputs they get. Undefined for any other function.
   */
  private callSites(fn: TSESTree.Node): TSESTree.CallExpression[] | undefined {
    const declarator = functionDeclarator(fn);
    if (!declarator || isExportedDeclaration(declarator)) return undefined;
    const variables = this.scopeManager
      .getDeclaredVariables(declarator)
      .filter((v) => v.defs.length === 1 && (v.defs[0]!.type === "FunctionName" || v.defs[0]!.type === "Variable") && !isReassigned(v));
    const references = variables.flatMap((v) => v.references.filter((r) => !r.init && r.isValueReference !== false));
    if (variables.length === 0 || references.length === 0) return undefined;
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of references) {
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return undefined;
      calls.push(call);
    }
    return calls;
  }
}

/**
 * A counter the code both increments and decrements (`depth++` … `depth--`), and otherwise only sets
 * to literals: a nesting depth or an in-flight count. Its values stay below its maximum, which the
 * nesting or the concurrency bounds, not the number of calls.
 */
function isDepthCounter(variable: Variable): boolean {
  let up = false;
  let down = false;
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) {
      if (parent.operator === "++") up = true;
      else down = true;
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference.identifier) {
      const step = parent.right.type === AST_NODE_TYPES.Literal && typeof parent.right.value === "number";
      if (parent.operator === "+=" && step) up = true;
      else if (parent.operator === "-=" && step) down = true;
      else if (parent.operator !== "=" || !step) return false;
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === reference.identifier) {
      if (parent.init && !(parent.init.type === AST_NODE_TYPES.Literal && typeof parent.init.value === "number")) return false;
    } else {
      return false;
    }
  }
  return up && down;
}
