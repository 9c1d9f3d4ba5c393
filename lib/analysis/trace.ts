// Receiver tracing by binding, not by name: from the import (or require) of a known library,
// through scope references, member chains and variables holding schemas, to every schema call and
// every function passed in one of the catalogue's slots. Reference-driven, so a file that uses no
// schema library costs one pass over its imports.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import {
  type LibraryEntry,
  type Slot,
  type SlotKind,
  type Compiler,
  compilerOf,
  libraryForModule,
  slotsOf,
} from "./catalogue.js";
import { type ScopeManager, type Variable, bindingsHolding, isReassigned, moduleImports, readsOf } from "./bindings.js";
import {
  type FunctionNode,
  isInlineFunction,
  isTransparentWrapper,
  memberName,
  propertyKeyName,
  stringLiteralValue,
  unwrapExpression,
} from "./ast.js";

/** What a traced expression is: the library namespace, one of its exports, or a schema value. */
type Role =
  | { readonly type: "namespace"; readonly barrel?: boolean }
  | { readonly type: "export"; readonly name: string }
  | { readonly type: "schema" };

export interface SchemaCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly library: LibraryEntry;
  /** The name looked up in the catalogue (`refine`, `check`, `type`). */
  readonly name: string;
  /** How the call reads in a message: `.refine()`, `v.check()`, `custom()`. */
  readonly apiText: string;
  /** The catalogue's compiler entry when the call compiles a schema (`ajv.compile`, `new Ajv()`, `Compile`). */
  readonly compiler?: Compiler;
}

export interface SlotSite {
  readonly fn: FunctionNode;
  readonly call: SchemaCall;
  readonly kind: SlotKind;
  readonly flag: boolean;
  readonly runs: Slot["runs"];
  /** The catalogue slot (absent for arktype tuples). */
  readonly slot?: Slot;
  /** `.refine()`, `v.check()`, or `[def, ":", fn] tuple`. */
  readonly apiText: string;
}

export interface TraceResult {
  readonly calls: readonly SchemaCall[];
  readonly sites: readonly SlotSite[];
  /** Slot sites by function node (every slot, flagged or not: the context analysis needs thunks too). */
  readonly siteByFunction: ReadonlyMap<TSESTree.Node, SlotSite>;
  /** Expressions whose value is a schema (calls that build one, identifiers bound to one). */
  readonly schemaNodes: ReadonlySet<TSESTree.Node>;
  /** Variables bound to a schema (`const base = z.string()`). */
  readonly schemaVariables: ReadonlySet<Variable>;
  /** Every reference followed from a library binding, whatever its role (namespace, export, schema). */
  readonly tracedNodes: ReadonlySet<TSESTree.Node>;
}

interface Root {
  readonly node: TSESTree.Node;
  readonly library: LibraryEntry;
  readonly role: Role;
}

/** The role of an imported name; undefined when a barrel module's export has nothing to do with schemas. */
function roleForImported(library: LibraryEntry, imported: string, barrel = false): Role | undefined {
  if (library.namespaceExports.includes(imported)) return { type: "namespace" };
  if (barrel) return undefined;
  if (imported === "default") return library.defaultIsNamespace ? { type: "namespace" } : { type: "export", name: "default" };
  return { type: "export", name: imported };
}

/** `effect` re-exports `Stream`, `Array`, …: only its schema namespaces are traced. */
function isBarrel(library: LibraryEntry, specifier: string, modules?: Readonly<Record<string, string>>): boolean {
  const target = (modules && Object.hasOwn(modules, specifier) ? modules[specifier] : undefined) ?? specifier;
  return library.barrelModules?.includes(target) ?? false;
}

/** Identifier nodes that read an import binding, with the library and role they carry. */
function findRoots(ast: TSESTree.Program, scopeManager: ScopeManager, modules?: Readonly<Record<string, string>>): Root[] {
  const roots: Root[] = [];
  const wanted = (specifier: string): boolean => {
    const library = libraryForModule(specifier, modules);
    return library !== undefined && !(library.dataModules?.includes(specifier) ?? false);
  };
  for (const found of moduleImports(ast, scopeManager, wanted)) {
    const library = libraryForModule(found.specifier, modules)!;
    const barrel = isBarrel(library, found.specifier, modules);
    if (found.type === "require") {
      roots.push({ node: found.call, library, role: { type: "namespace", barrel } });
      continue;
    }
    const role: Role | undefined =
      found.type === "namespace"
        ? { type: "namespace", barrel }
        : found.type === "default"
          ? barrel
            ? { type: "namespace", barrel }
            : roleForImported(library, "default")
          : roleForImported(library, found.imported, barrel);
    if (!role) continue;
    for (const variable of found.variables) for (const node of readsOf(variable)) roots.push({ node, library, role });
  }
  return roots;
}

function calleeText(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const object = calleeText(inner.object);
    const name = memberName(inner);
    return object !== undefined && name !== undefined ? `${object}.${name}` : undefined;
  }
  return undefined;
}

/** Follows every traced expression upward, recording schema calls and schema-holding variables. */
export function traceSchemaCalls(
  ast: TSESTree.Program,
  scopeManager: ScopeManager,
  modules?: Readonly<Record<string, string>>,
  /** Expressions known to be schemas from type information (see typed.ts). */
  schemaRoots: readonly { readonly node: TSESTree.Node; readonly library: LibraryEntry }[] = [],
): TraceResult {
  const roots: Root[] = [
    ...findRoots(ast, scopeManager, modules),
    ...schemaRoots.map((root): Root => ({ node: root.node, library: root.library, role: { type: "schema" } })),
  ];
  const calls: SchemaCall[] = [];
  const seenCalls = new Set<TSESTree.Node>();
  const schemaNodes = new Set<TSESTree.Node>();
  const schemaVariables = new Set<Variable>();
  const queue: Root[] = [...roots];
  const visited = new Set<TSESTree.Node>();

  const enqueueVariable = (variable: Variable, library: LibraryEntry, role: Role): void => {
    if (role.type === "schema") schemaVariables.add(variable);
    for (const node of readsOf(variable)) queue.push({ node, library, role });
  };

  const sites: SlotSite[] = [];
  const siteByFunction = new Map<TSESTree.Node, SlotSite>();
  const addSite = (site: SlotSite): void => {
    if (siteByFunction.has(site.fn)) return;
    siteByFunction.set(site.fn, site);
    sites.push(site);
  };
  function record(node: TSESTree.CallExpression | TSESTree.NewExpression, library: LibraryEntry, name: string, apiText: string, compiler?: Compiler): void {
    if (seenCalls.has(node)) return;
    seenCalls.add(node);
    calls.push({ node, library, name, apiText, ...(compiler ? { compiler } : {}) });
  }
  let sitedCalls = 0;
  // Rounds: follow references, find the slot functions of the new calls, and follow the parameters
  // of builder callbacks that receive a schema (yup `.when(k, (vals, schema) => schema.test(…))`).
  for (;;) {
    while (queue.length > 0) {
      const root = queue.pop()!;
      if (visited.has(root.node)) continue;
      visited.add(root.node);
      const { library } = root;
      let node: TSESTree.Node = root.node;
      let role: Role = root.role;
      if (role.type === "schema") schemaNodes.add(node);

      for (;;) {
        const parent: TSESTree.Node | undefined = node.parent;
        if (!parent) break;
        if (isTransparentWrapper(parent, node)) {
          node = parent;
          if (role.type === "schema") schemaNodes.add(node);
          continue;
        }
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
          const name = memberName(parent);
          if (name === undefined) break;
          const grand = parent.parent;
          const called =
            (grand?.type === AST_NODE_TYPES.CallExpression || grand?.type === AST_NODE_TYPES.NewExpression) && grand.callee === parent;
          const barrel = role.type === "namespace" && role.barrel === true;
          if (barrel && !library.namespaceExports.includes(name)) break; // `Stream.filter` from the `effect` barrel
          if (called) {
            if (barrel) break;
            const newPrefix = grand.type === AST_NODE_TYPES.NewExpression ? "new " : "";
            const compiler = compilerOf(library, grand.type === AST_NODE_TYPES.NewExpression ? "new" : "call", name);
            if (compiler) {
              const objectText = calleeText(parent.object);
              record(grand, library, name, `${newPrefix}${objectText !== undefined ? `${objectText}.` : "."}${name}()`, compiler);
              if (compiler.result === "validator") break; // a compiled validator is data: `C.Check(x)` is a use
              node = grand;
              role = { type: "schema" };
              schemaNodes.add(node);
              continue;
            }
            const on = role.type === "schema" ? "method" : "builder";
            const slots = slotsOf(library, on, name) ?? (role.type === "export" ? slotsOf(library, "method", name) : undefined);
            if (!slots && isTerminal(library, name)) break;
            // `z.custom()`, `match.case()`, `type.pipe()`: the namespace or export it hangs off, when it is a name.
            const objectText = role.type === "schema" ? undefined : calleeText(parent.object);
            const apiText = objectText !== undefined ? `${newPrefix}${objectText}.${name}()` : `.${name}()`;
            record(grand, library, name, apiText);
            node = grand;
            role = { type: "schema" };
            schemaNodes.add(node);
            continue;
          }
          role =
            role.type === "namespace"
              ? library.namespaceExports.includes(name)
                ? { type: "namespace" }
                : { type: "export", name }
              : role.type === "export"
                ? { type: "export", name }
                : { type: "schema" };
          node = parent;
          if (role.type === "schema") schemaNodes.add(node);
          continue;
        }
        if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee === node) {
          if (role.type === "schema") break; // calling a schema (arktype validates) returns data
          if (role.type === "namespace" && role.barrel) break;
          const name = role.type === "export" ? role.name : "default";
          const compiler = compilerOf(library, parent.type === AST_NODE_TYPES.NewExpression ? "new" : "call", name);
          if (compiler) {
            record(parent, library, name, `${parent.type === AST_NODE_TYPES.NewExpression ? "new " : ""}${calleeText(node) ?? name}()`, compiler);
            if (compiler.result === "validator") break;
            node = parent;
            role = { type: "schema" };
            schemaNodes.add(node);
            continue;
          }
          if (isTerminal(library, name) && !slotsOf(library, "builder", name)) break;
          const text = calleeText(node) ?? name;
          record(parent, library, name, `${parent.type === AST_NODE_TYPES.NewExpression ? "new " : ""}${text}()`);
          node = parent;
          role = { type: "schema" };
          schemaNodes.add(node);
          continue;
        }
        for (const { variable, key } of bindingsHolding(scopeManager, node)) {
          // `const s = z.string()` holds what `node` is; `const { string } = z` holds one export of a namespace.
          if (key === undefined) enqueueVariable(variable, library, role);
          else if (role.type === "namespace") {
            const propertyRole = roleForImported(library, key, role.barrel);
            if (propertyRole) enqueueVariable(variable, library, propertyRole);
          }
        }
        break;
      }
    }

    for (; sitedCalls < calls.length; sitedCalls++) {
      const call = calls[sitedCalls]!;
      const on = isMethodCall(call, schemaNodes) ? "method" : "builder";
      const slots =
        on === "method" ? slotsOf(call.library, "method", call.name) : (slotsOf(call.library, "builder", call.name) ?? slotsOf(call.library, "method", call.name));
      for (const slot of slots ?? []) {
        for (const fn of functionsInSlot(call.node, slot)) {
          addSite({ fn, call, kind: slot.kind, flag: slot.flag, runs: slot.runs, slot, apiText: call.apiText });
          for (const index of slot.schemaParams ?? []) {
            const param = fn.params[index];
            if (param?.type !== AST_NODE_TYPES.Identifier) continue;
            const variable = scopeManager.getDeclaredVariables(fn).find((v) => v.name === param.name);
            if (variable && !isReassigned(variable)) enqueueVariable(variable, call.library, { type: "schema" });
          }
        }
      }
      if (call.library.tupleOperators) {
        for (const argument of call.node.arguments) collectTuples(argument, call, addSite);
      }
    }
    if (queue.length === 0) break;
  }
  sites.sort((a, b) => a.fn.range[0] - b.fn.range[0]);
  return { calls, sites, siteByFunction, schemaNodes, schemaVariables, tracedNodes: visited };
}

function isMethodCall(call: SchemaCall, schemaNodes: ReadonlySet<TSESTree.Node>): boolean {
  const callee = unwrapExpression(call.node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && schemaNodes.has(callee.object);
}

function isTerminal(library: LibraryEntry, name: string): boolean {
  return library.terminals?.includes(name) ?? false;
}

function argumentsFor(call: TSESTree.CallExpression | TSESTree.NewExpression, slot: Slot): TSESTree.Node[] {
  const args = call.arguments;
  if (slot.when) {
    const value = stringLiteralValue(args[slot.when.arg]);
    if (value === undefined || !slot.when.values.includes(value)) return [];
  }
  if (slot.arg === "*") return [...args];
  const index = slot.arg < 0 ? args.length + slot.arg : slot.arg;
  const arg = args[index];
  return arg ? [arg] : [];
}

function functionsInSlot(call: TSESTree.CallExpression | TSESTree.NewExpression, slot: Slot): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const raw of argumentsFor(call, slot)) {
    if (raw.type === AST_NODE_TYPES.SpreadElement) continue;
    const arg = unwrapExpression(raw);
    if (slot.keys) {
      if (arg.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of arg.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.kind !== "init") continue;
        const key = propertyKeyName(property);
        if (key === undefined || (slot.keys !== "*" && !slot.keys.includes(key))) continue;
        const value = unwrapExpression(property.value);
        if (isInlineFunction(value)) found.push(value);
      }
    } else if (isInlineFunction(arg)) {
      found.push(arg);
    }
  }
  return found;
}

/** arktype tuples `[def, ":", fn]`, `[def, "=>", fn]`, `[def, "=", thunk]` anywhere in a definition. */
function collectTuples(root: TSESTree.Node, call: SchemaCall, add: (site: SlotSite) => void): void {
  const operators = call.library.tupleOperators ?? {};
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = unwrapExpression(stack.pop()!);
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of node.properties) if (property.type === AST_NODE_TYPES.Property) stack.push(property.value);
    } else if (node.type === AST_NODE_TYPES.ArrayExpression) {
      const operator = stringLiteralValue(node.elements[1] ?? undefined);
      const target = node.elements[2];
      const spec = operator === undefined ? undefined : operators[operator];
      if (spec && target && target.type !== AST_NODE_TYPES.SpreadElement) {
        const fn = unwrapExpression(target);
        if (isInlineFunction(fn)) {
          add({ fn, call, kind: spec.kind, flag: spec.flag, runs: undefined, apiText: `[def, "${operator}", fn]` });
        }
      }
      for (const element of node.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) stack.push(element);
    }
  }
}
