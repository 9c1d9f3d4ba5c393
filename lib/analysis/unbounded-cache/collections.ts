// The candidates: long-lived collections and every access to them. Module-level variables
// initialised with an empty collection (their accesses are the scope manager's references), static
// fields, and instance fields of a class instantiated once at module level (their accesses are member
// expressions tied to the field by `this` or by the class / instance binding).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName, unwrapExpression, walk } from "../ast.js";
import type { SourceInput } from "../index.js";
import { optionalChild } from "../node-fields.js";
import { type Variable, resolveIdentifier } from "../bindings.js";
import type { CacheAnalyzer } from "./analyzer.js";
import { isExportedDeclaration, typeAnnotationOf } from "./syntax.js";
import type { Tracked } from "./types.js";

interface FieldCandidate {
  readonly tracked: Tracked;
  readonly cls: TSESTree.Node;
  readonly isStatic: boolean;
  readonly field: string;
}

export function moduleCollections(analyzer: CacheAnalyzer, source: SourceInput): Tracked[] {
  const tracked: Tracked[] = [];
  for (const statement of source.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const kind = analyzer.uses.candidateKind(declarator.init);
      if (!kind) continue;
      const variable = source.scopeManager.getDeclaredVariables(declarator)[0];
      if (!variable) continue;
      const accesses: TSESTree.Node[] = [];
      let pruned = false;
      for (const reference of variable.references) {
        if (reference.init) continue;
        if (reference.isWrite()) pruned = true;
        else if (reference.isValueReference !== false) accesses.push(reference.identifier);
      }
      tracked.push({
        collection: {
          kind,
          name: declarator.id.name,
          owner: "module",
          node: declarator.id,
          init: declarator.init,
          typeAnnotation: typeAnnotationOf(declarator.id),
        },
        accesses,
        pruned,
        escapes: statement.type === AST_NODE_TYPES.ExportNamedDeclaration,
      });
    }
  }
  return tracked;
}

export function classCollections(analyzer: CacheAnalyzer, source: SourceInput): Tracked[] {
  const classes: TSESTree.Node[] = [];
  for (const statement of source.ast.body) {
    const inner =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (inner?.type === AST_NODE_TYPES.ClassDeclaration) classes.push(inner);
    else if (inner?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of inner.declarations) if (declarator.init?.type === AST_NODE_TYPES.ClassExpression) classes.push(declarator.init);
    }
  }
  const fields: FieldCandidate[] = [];
  for (const cls of classes) {
    if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) continue;
    const className = classNameOf(cls);
    const classVariables = cls.type === AST_NODE_TYPES.ClassDeclaration ? source.scopeManager.getDeclaredVariables(cls) : source.scopeManager.getDeclaredVariables(cls.parent);
    const exported = isExportedDeclaration(cls);
    const add = (node: TSESTree.Node, key: TSESTree.Node, computed: boolean, init: TSESTree.Expression, isStatic: boolean, isPrivate: boolean, typeAnnotation?: TSESTree.TypeNode) => {
      const field = fieldName(key, computed);
      const kind = analyzer.uses.candidateKind(init);
      if (field === undefined || !kind) return;
      let escapes = false;
      if (isStatic) {
        escapes = !isPrivate && (exported || classVariables.some((v) => v.references.some((r) => !r.init && analyzer.uses.classify(r.identifier, "object").type === "escape")));
      } else {
        const singleton = analyzer.escape.singletonOf(cls);
        if (!singleton) return;
        escapes = !isPrivate && singleton.escapes;
      }
      const display = isStatic ? `${className}.${field}` : `this.${field}`;
      fields.push({
        tracked: {
          collection: { kind, name: display, owner: isStatic ? "static" : "instance", className, node, init, typeAnnotation },
          accesses: [],
          pruned: false,
          escapes,
        },
        cls,
        isStatic,
        field,
      });
    };
    for (const member of cls.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value) {
        add(member.key, member.key, member.computed, member.value, member.static, member.key.type === AST_NODE_TYPES.PrivateIdentifier || optionalChild(member, "accessibility") === "private", typeAnnotationOf(member));
      } else if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "constructor" && member.value.body) {
        for (const statement of member.value.body.body) {
          if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
          const { left, right } = statement.expression;
          if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) continue;
          add(left, left.property, left.computed, right, false, left.property.type === AST_NODE_TYPES.PrivateIdentifier);
        }
      }
    }
  }
  if (fields.length === 0) return [];

  // Every member access with a field's name: tied to the field by `this` or by the class / instance binding.
  const names = new Set(fields.map((field) => field.field));
  walk(source.ast, source.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return true;
    const name = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : memberName(node);
    if (name === undefined || !names.has(name)) return true;
    const object = unwrapExpression(node.object);
    let owner: FieldCandidate | undefined;
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const self = thisOwner(object);
      owner = self && fields.find((f) => f.field === name && f.cls === self.cls && f.isStatic === self.isStatic);
    } else if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveIdentifier(source.scopeManager, object);
      owner = fields.find(
        (f) =>
          f.field === name &&
          variable !== undefined &&
          (f.isStatic ? declaredClassVariables(source, f.cls).includes(variable) : analyzer.escape.singletonOf(f.cls)?.instance === variable),
      );
    }
    if (owner) {
      if (node !== owner.tracked.collection.node) owner.tracked.accesses.push(node);
    } else {
      // Not tied to a field by binding: it may still be one (`self.cache.clear()`), so a prune here
      // counts for every field of that name. Names only ever silence, never report.
      const use = analyzer.uses.classify(node, "Map");
      const useAsObject = analyzer.uses.classify(node, "object");
      if (use.type === "prune" || useAsObject.type === "prune") for (const f of fields) if (f.field === name) f.tracked.pruned = true;
    }
    return true;
  });
  return fields.map((field) => field.tracked);
}

function declaredClassVariables(source: SourceInput, cls: TSESTree.Node): Variable[] {
  if (cls.type === AST_NODE_TYPES.ClassDeclaration) return source.scopeManager.getDeclaredVariables(cls);
  return cls.parent ? source.scopeManager.getDeclaredVariables(cls.parent) : [];
}

/** The nearest class whose `this` a `this` expression is, and whether it is the class itself (static code). */
function thisOwner(node: TSESTree.ThisExpression): { cls: TSESTree.Node; isStatic: boolean } | undefined {
  let child: TSESTree.Node = node;
  for (let parent: TSESTree.Node | undefined = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.FunctionExpression:
        if (parent.parent?.type === AST_NODE_TYPES.MethodDefinition && parent.parent.value === parent) {
          return { cls: parent.parent.parent.parent, isStatic: parent.parent.static };
        }
        return undefined;
      case AST_NODE_TYPES.FunctionDeclaration:
        return undefined;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (parent.value === child) return { cls: parent.parent.parent, isStatic: parent.static };
        break;
      case AST_NODE_TYPES.StaticBlock:
        return { cls: parent.parent.parent, isStatic: true };
      default:
        break;
    }
  }
  return undefined;
}

function fieldName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === "string") return key.value;
  return undefined;
}

function classNameOf(cls: TSESTree.Node): string {
  if ((cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression) && cls.id) return cls.id.name;
  if (cls.parent?.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier) return cls.parent.id.name;
  return "the class";
}
