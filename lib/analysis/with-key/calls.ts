// withKey checker, stage 1: every `withKey(…)` call whose callee traces, through scope, to the runtime's
// export (or the one configured in settings) — imported, aliased, through a namespace, or required.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isTransparentWrapper, memberName } from "../ast.js";
import { type ScopeManager, bindingsHolding, moduleImports, readsOf } from "../bindings.js";

/** Where `withKey` comes from: the runtime (`stable-schema`) and the module configured in settings. */
export interface WithKeySource {
  readonly module: string;
  readonly name: string;
}

export const runtimeWithKey: WithKeySource = { module: "stable-schema", name: "withKey" };

/** The runtime's `withKey` plus the one configured in settings (when different). */
export function withKeySources(configured: WithKeySource): WithKeySource[] {
  return configured.module === runtimeWithKey.module && configured.name === runtimeWithKey.name ? [runtimeWithKey] : [runtimeWithKey, configured];
}

/** What a traced expression is: the function itself, or a namespace with the function among `names`. */
type Role = { readonly type: "fn" } | { readonly type: "namespace"; readonly names: ReadonlySet<string> };

interface Root {
  readonly node: TSESTree.Node;
  readonly role: Role;
}

/** Every `withKey(…)` call whose callee traces, through scope, to one of `sources`, in source order. */
export function findWithKeyCalls(
  ast: TSESTree.Program,
  scopeManager: ScopeManager,
  sources: readonly WithKeySource[],
): TSESTree.CallExpression[] {
  const namesByModule = new Map<string, Set<string>>();
  for (const source of sources) {
    let names = namesByModule.get(source.module);
    if (!names) namesByModule.set(source.module, (names = new Set()));
    names.add(source.name);
  }
  const queue: Root[] = [];
  for (const found of moduleImports(ast, scopeManager, (specifier) => namesByModule.has(specifier))) {
    const names = namesByModule.get(found.specifier)!;
    if (found.type === "require") queue.push({ node: found.call, role: { type: "namespace", names } });
    else if (found.type === "namespace" || (found.type === "named" && names.has(found.imported))) {
      const role: Role = found.type === "namespace" ? { type: "namespace", names } : { type: "fn" };
      for (const variable of found.variables) for (const node of readsOf(variable)) queue.push({ node, role });
    }
  }

  const calls = new Set<TSESTree.CallExpression>();
  const visited = new Set<TSESTree.Node>();
  while (queue.length > 0) {
    const root = queue.pop()!;
    if (visited.has(root.node)) continue;
    visited.add(root.node);
    let node = root.node;
    let role = root.role;
    for (;;) {
      const parent = node.parent;
      if (!parent) break;
      if (isTransparentWrapper(parent, node)) {
        node = parent;
        continue;
      }
      if (role.type === "namespace" && parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const name = memberName(parent);
        if (name === undefined || !role.names.has(name)) break;
        node = parent;
        role = { type: "fn" };
        continue;
      }
      if (role.type === "fn" && parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) {
        calls.add(parent);
        break;
      }
      for (const { variable, key } of bindingsHolding(scopeManager, node)) {
        // `const wk = withKey`, `const { withKey: keyed } = require("stable-schema")`.
        if (key === undefined) for (const read of readsOf(variable)) queue.push({ node: read, role });
        else if (role.type === "namespace" && role.names.has(key)) for (const read of readsOf(variable)) queue.push({ node: read, role: { type: "fn" } });
      }
      break;
    }
  }
  return [...calls].sort((a, b) => a.range[0] - b.range[0]);
}
