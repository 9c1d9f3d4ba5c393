// Values that come from a module export, found by binding: ES imports (named, default, namespace),
// `require(…)` (assigned, destructured or used directly) and members of a namespace (`_.memoize`).
// Returns the expression nodes that evaluate to each export, so callers test `node.callee` by identity.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { memberName, propertyKeyName, unwrapExpression } from "./ast.js";
import type { ModuleExport } from "./cache-catalogue.js";
import { type ScopeManager, type Variable, requireCalls } from "./bindings.js";

function readReferences(variable: Variable | undefined): TSESTree.Node[] {
  if (!variable) return [];
  return variable.references.filter((reference) => reference.isRead() && !reference.init).map((reference) => reference.identifier);
}

function isConstBinding(variable: Variable): boolean {
  return variable.references.every((reference) => !reference.isWrite() || reference.init === true);
}

/** The expression nodes in the file that evaluate to one of `sources`' exports, each with its source. */
export function moduleValues(ast: TSESTree.Program, scopeManager: ScopeManager, sources: readonly ModuleExport[]): Map<TSESTree.Node, ModuleExport> {
  const found = new Map<TSESTree.Node, ModuleExport>();
  const byModule = new Map<string, ModuleExport[]>();
  for (const source of sources) byModule.set(source.module, [...(byModule.get(source.module) ?? []), source]);
  if (byModule.size === 0) return found;

  /** `node` evaluates to the export `name` ("default", "*" or a named export) of `module`. */
  const addExport = (nodes: readonly TSESTree.Node[], module: string, name: string): void => {
    for (const source of byModule.get(module) ?? []) {
      if (!source.exports.includes(name)) continue;
      const namespace = (name === "default" || name === "*") && source.members !== undefined;
      for (const node of nodes) {
        if (!namespace) {
          found.set(node, source);
          continue;
        }
        for (const member of namespaceMembers(node, scopeManager)) {
          if (member.name !== undefined && source.members!.includes(member.name)) found.set(member.node, source);
        }
      }
    }
  };

  for (const statement of ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === "type") continue;
    const module = statement.source.value;
    if (!byModule.has(module)) continue;
    for (const specifier of statement.specifiers) {
      let name: string;
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) name = "*";
      else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) name = "default";
      else {
        if (specifier.importKind === "type") continue;
        name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      }
      const nodes = scopeManager.getDeclaredVariables(specifier).flatMap(readReferences);
      addExport(nodes, module, name);
    }
  }

  for (const { call, specifier } of requireCalls(scopeManager)) {
    if (!byModule.has(specifier)) continue;
    // `require(m)` is the CommonJS module object: both the namespace and the default export.
    const parent = call.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === call && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of parent.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const key = propertyKeyName(property);
        const local = property.value.name;
        const variable = scopeManager.getDeclaredVariables(parent).find((v) => v.name === local);
        if (key !== undefined && variable && isConstBinding(variable)) addExport(readReferences(variable), specifier, key);
      }
      continue;
    }
    for (const name of ["*", "default"]) addExport(aliasesOf(call, scopeManager), specifier, name);
  }
  return found;
}

/** `node` itself, or the references of a `const x = node` it initialises. */
function aliasesOf(node: TSESTree.Node, scopeManager: ScopeManager): TSESTree.Node[] {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    return scopeManager.getDeclaredVariables(parent).filter(isConstBinding).flatMap(readReferences);
  }
  return [node];
}

/** Member reads of a namespace value: `ns.member`, and `const { member } = ns`. */
function namespaceMembers(node: TSESTree.Node, scopeManager: ScopeManager): { node: TSESTree.Node; name: string | undefined }[] {
  const result: { node: TSESTree.Node; name: string | undefined }[] = [];
  for (const alias of aliasesOf(node, scopeManager)) {
    const parent = alias.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(parent.object) === alias) {
      result.push({ node: parent, name: memberName(parent) });
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === alias && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of parent.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
        const local = property.value.name;
        const variable = scopeManager.getDeclaredVariables(parent).find((v) => v.name === local);
        const name = propertyKeyName(property);
        if (variable && isConstBinding(variable)) for (const reference of readReferences(variable)) result.push({ node: reference, name });
      }
    }
  }
  return result;
}
