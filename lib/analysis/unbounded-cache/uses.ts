// What each access to a collection does with it — grows it (with which key and value), prunes it,
// reads it, or lets it escape — and which initialisers make a collection the rule tracks. The
// catalogue (cache-catalogue.ts) says which methods and global functions grow, prune or read.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, isTransparentWrapper, memberName, unwrapExpression } from "../ast.js";
import {
  type CollectionKind,
  collectionConstructors,
  collectionMethods,
  copyingConstructors,
  globalFunctionEffects,
  pruningAssignments,
  sizeMembers,
} from "../cache-catalogue.js";
import { resolveIdentifier } from "../bindings.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { type Use, escape, prune, read } from "./types.js";

export class UseClassifier {
  constructor(private readonly analyzer: CacheAnalyzer) {}

  /** What the expression `access` (which evaluates to the collection) does with it. */
  classify(access: TSESTree.Node, kind: CollectionKind): Use {
    let node = access;
    for (;;) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (!parent) return read;
      if (isTransparentWrapper(parent, node)) {
        node = parent;
        continue;
      }
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression:
          return parent.object === node ? this.classifyMember(parent, kind) : read;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === node) return read;
          node = parent;
          continue;
        case AST_NODE_TYPES.LogicalExpression:
          node = parent;
          continue;
        case AST_NODE_TYPES.SequenceExpression:
          if (parent.expressions[parent.expressions.length - 1] !== node) return read;
          node = parent;
          continue;
        case AST_NODE_TYPES.AssignmentExpression:
          // Reassigning the collection empties it (for this holder); assigning it elsewhere aliases it.
          return parent.left === node ? prune : escape;
        case AST_NODE_TYPES.CallExpression:
        case AST_NODE_TYPES.NewExpression:
          return parent.callee === node ? read : this.classifyArgument(parent, node, kind);
        case AST_NODE_TYPES.SpreadElement:
          // `[...set]`, `f(...items)`, `{ ...obj }` copy the entries.
          return read;
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
          return parent.right === node ? read : prune;
        case AST_NODE_TYPES.UnaryExpression:
        case AST_NODE_TYPES.BinaryExpression:
        case AST_NODE_TYPES.TemplateLiteral:
        case AST_NODE_TYPES.ExpressionStatement:
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ForStatement:
        case AST_NODE_TYPES.SwitchStatement:
        case AST_NODE_TYPES.SwitchCase:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TSTypeQuery:
          return read;
        case AST_NODE_TYPES.UpdateExpression:
          return prune;
        default:
          // Returned, yielded, exported, stored in another object or variable, thrown: someone else holds it.
          return escape;
      }
    }
  }

  private classifyMember(member: TSESTree.MemberExpression, kind: CollectionKind): Use {
    const name = memberName(member);
    let outer: TSESTree.Node = member;
    while (outer.parent && isTransparentWrapper(outer.parent, outer)) outer = outer.parent;
    const parent = outer.parent;
    const assigned = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer;
    const updated = parent?.type === AST_NODE_TYPES.UpdateExpression;
    const deleted = parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "delete";
    if (kind === "object" || (kind === "array" && member.computed && name === undefined)) {
      if (deleted) return prune;
      if ((assigned || updated) && kind === "object") {
        if (!member.computed) return read; // `state.count = …`: a fixed key
        return { type: "grow", node: parent, key: member.property, keyed: true, values: parent.type === AST_NODE_TYPES.AssignmentExpression ? [parent.right] : [] };
      }
      if (kind === "array" && assigned) return read;
      return { type: "read", member: name };
    }
    if (deleted) return read;
    if (assigned && name !== undefined && (pruningAssignments[kind] ?? []).includes(name)) return prune;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer && name !== undefined) {
      const methods = collectionMethods[kind];
      const grow = Object.hasOwn(methods.grow, name) ? methods.grow[name] : undefined;
      if (grow) {
        const key = grow.key === undefined ? undefined : parent.arguments[grow.key];
        // Map#set(key, value) stores its value; Array#push(...items) every argument.
        // A Set stores only its key: nothing tells a registration (`plugins.add(plugin)`) from tracking (`seen.add(id)`).
        const values = (grow.key === undefined ? parent.arguments : kind === "Map" ? parent.arguments.slice(1, 2) : []).filter(
          (a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement,
        );
        // `if (pool[i] === undefined) pool.push(x)`: the push fills slot `i`, so the array is keyed by `i`.
        const slot = kind === "array" && name === "push" ? this.filledSlot(parent, member.object) : undefined;
        if (slot) return { type: "grow", node: parent, key: slot, keyed: true, values };
        return { type: "grow", node: parent, ...(key ? { key } : {}), keyed: grow.key !== undefined, values };
      }
      if (methods.prune.includes(name)) return prune;
    }
    return { type: "read", member: name, size: name !== undefined && sizeMembers[kind].includes(name) };
  }

  private classifyArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node, kind: CollectionKind): Use {
    const path = this.analyzer.globalPath(call.callee);
    if (!path) return escape;
    if (call.type === AST_NODE_TYPES.NewExpression) return path.length === 1 && copyingConstructors.includes(path[0]!) ? read : escape;
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    const matches = (pattern: readonly string[]): boolean =>
      pattern.length === path.length && pattern.every((part, i) => part === "*" || part === path[i]);
    const effect =
      globalFunctionEffects.find((entry) => entry.target === index && matches(entry.path)) ??
      globalFunctionEffects.find((entry) => entry.target === "*" && matches(entry.path));
    if (!effect) return escape;
    if (effect.effect === "read") return read;
    if (effect.effect === "prune") return prune;
    if (kind !== "object") return read;
    if (effect.keysFromSources) {
      const sources = call.arguments.filter((arg) => arg !== argument);
      const bounded = sources.every(
        (arg) =>
          arg.type === AST_NODE_TYPES.ObjectExpression &&
          arg.properties.every((p) => p.type === AST_NODE_TYPES.Property && (!p.computed || this.analyzer.keys.boundedValue(p.key))),
      );
      return { type: "grow", node: call, keyed: true, boundedKeys: bounded, via: path.join(".") };
    }
    const key = effect.key === undefined ? undefined : call.arguments[effect.key];
    return { type: "grow", node: call, ...(key ? { key } : {}), keyed: true, via: path.join(".") };
  }

  /**
   * The index whose missing slot a push fills: the push sits in the branch taken when `array[i]` is
   * missing (`=== undefined`, `== null`, `!x`), tested directly or through a variable assigned from it.
   * Such an array grows to the largest index used (a pool per nesting depth), not with the calls.
   */
  private filledSlot(push: TSESTree.CallExpression, array: TSESTree.Node): TSESTree.Node | undefined {
    const text = this.analyzer.input.source.text;
    const arrayText = text.slice(array.range[0], array.range[1]);
    const slotOf = (raw: TSESTree.Node, before: number): TSESTree.Node | undefined => {
      const node = unwrapExpression(raw);
      if (node.type === AST_NODE_TYPES.MemberExpression && node.computed && text.slice(node.object.range[0], node.object.range[1]) === arrayText) return node.property;
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = resolveIdentifier(this.analyzer.scopeManager, node);
      if (!variable) return undefined;
      const sources = variable.references.flatMap((reference): TSESTree.Node[] => {
        const written = reference.writeExpr;
        return written && written.range[1] <= before ? [written] : [];
      });
      const slots = sources.map((source) => slotOf(source, before));
      return slots.length > 0 && slots.every((slot) => slot !== undefined && text.slice(slot.range[0], slot.range[1]) === text.slice(slots[0]!.range[0], slots[0]!.range[1]))
        ? slots[0]
        : undefined;
    };
    let child: TSESTree.Node = push;
    for (let parent: TSESTree.Node | undefined = push.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
      if (parent.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== child) continue;
      const tested = missingValueTested(parent.test);
      return tested ? slotOf(tested, parent.range[0]) : undefined;
    }
    return undefined;
  }

  /** The kind of collection an initialiser creates, or undefined when it is not one this rule tracks. */
  candidateKind(init: TSESTree.Node | null | undefined): CollectionKind | undefined {
    if (!init) return undefined;
    const node = unwrapExpression(init);
    if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
      const kind = Object.hasOwn(collectionConstructors, node.callee.name) ? collectionConstructors[node.callee.name] : undefined;
      return kind && this.analyzer.isGlobal(node.callee) ? kind : undefined;
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0) return "object";
    if (node.type === AST_NODE_TYPES.ArrayExpression && node.elements.length === 0) return "array";
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 1) {
      const path = this.analyzer.globalPath(node.callee);
      const arg = node.arguments[0]!;
      if (path?.join(".") === "Object.create" && arg.type === AST_NODE_TYPES.Literal && arg.value === null) return "object";
    }
    return undefined;
  }
}

/** `x === undefined`, `x == null`, `x === void 0`, `typeof x === "undefined"`, `!x` (or one of `… && …`): the `x` tested for a missing value. */
function missingValueTested(raw: TSESTree.Node): TSESTree.Node | undefined {
  const test = unwrapExpression(raw);
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === "&&") return missingValueTested(test.right) ?? missingValueTested(test.left);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === "!") return test.argument;
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== "===" && test.operator !== "==")) return undefined;
  const missing = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.Identifier && node.name === "undefined") ||
    (node.type === AST_NODE_TYPES.Literal && node.value === null && test.operator === "==") ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "void") ||
    (node.type === AST_NODE_TYPES.Literal && node.value === "undefined");
  const typeOf = (node: TSESTree.Node): TSESTree.Node | undefined =>
    node.type === AST_NODE_TYPES.UnaryExpression && node.operator === "typeof" ? node.argument : undefined;
  if (missing(test.right)) return test.right.type === AST_NODE_TYPES.Literal && test.right.value === "undefined" ? typeOf(test.left) : test.left;
  if (missing(test.left)) return test.left.type === AST_NODE_TYPES.Literal && test.left.value === "undefined" ? typeOf(test.right) : test.right;
  return undefined;
}
