// Keys on what is read: a closure that reads only members of a captured object (`row.prefix`) is
// keyed on those members, copied into locals right before the closure is created, instead of on the
// object's identity (a per-row or per-request object never matches, and the cache would retain it).
// The read moves from call time to creation time, so this is offered as a suggestion.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { type FunctionNode, contains } from "../analysis/ast.js";
import type { Capture, CaptureInfo } from "../analysis/captures.js";
import type { SourceInput } from "../analysis/index.js";
import { type TypeInfo, isPrimitiveType } from "../analysis/type-info.js";
import type { NameRegistry } from "./names.js";
import type { FileStyle } from "./style.js";
import { type TextEdit, indentationAt, mergeEdits } from "./text.js";
import { tokenBefore } from "./tokens.js";

export interface MemberCopy {
  /** The captured object (`row`) and the member read (`prefix`). */
  readonly object: string;
  readonly member: string;
  /** The local it is copied into. */
  readonly local: string;
}

export interface MemberKeys {
  readonly copies: readonly MemberCopy[];
  /** The captures whose members are copied (their bindings must exist where the copies go). */
  readonly copied: readonly Capture[];
  /** `row.prefix` → `prefix` inside the closure. */
  readonly replacements: readonly TextEdit[];
  /** Captures that stay in the key as they are. */
  readonly kept: readonly Capture[];
}

/** `row.prefix` read (not called, not written): the member expressions, or undefined when another use exists. */
function memberReads(capture: Capture, fn: FunctionNode): TSESTree.MemberExpression[] | undefined {
  const reads: TSESTree.MemberExpression[] = [];
  for (const reference of capture.variable.references) {
    const id = reference.identifier;
    if (!contains(fn, id)) continue;
    const member = id.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== id || member.computed || member.optional) return undefined;
    if (member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    const parent = member.parent;
    // A method call reads `this` from the object; a write or delete needs the object itself.
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee === member) return undefined;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) return undefined;
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return undefined;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === "delete") return undefined;
    reads.push(member);
  }
  return reads.length > 0 ? reads : undefined;
}

/** With types: every read member is a primitive (so the key holds values, not another identity). */
function allPrimitive(reads: readonly TSESTree.MemberExpression[], typeInfo: TypeInfo | undefined): boolean {
  if (!typeInfo) return true; // a suggestion: the user sees what it keys on
  const checker = typeInfo.program.getTypeChecker();
  const isPrimitive = isPrimitiveType;
  return reads.every((read) => {
    const node = typeInfo.esTreeNodeToTSNodeMap.get(read);
    return node !== undefined && isPrimitive(checker.getTypeAtLocation(node));
  });
}

/** The captures read only through members, the locals they are copied into, and the edits inside the closure. */
/** Every name bound anywhere in the file, and every global it reads. */
function bindingNames(source: SourceInput): Set<string> {
  const names = new Set<string>();
  for (const scope of source.scopeManager.scopes) {
    for (const variable of scope.variables) names.add(variable.name);
    for (const reference of scope.through) names.add(reference.identifier.name);
  }
  return names;
}

export function memberKeysFor(
  source: SourceInput,
  fn: FunctionNode,
  info: CaptureInfo,
  registry: NameRegistry,
  typeInfo: TypeInfo | undefined,
): MemberKeys | undefined {
  const copies: MemberCopy[] = [];
  const replacements: TextEdit[] = [];
  const kept: Capture[] = [];
  const copied: Capture[] = [];
  let bindings: Set<string> | undefined;
  for (const capture of info.values) {
    const reads = memberReads(capture, fn);
    if (!reads || !allPrimitive(reads, typeInfo) || capture.binding === "import" || capture.binding === "function" || capture.binding === "class") {
      kept.push(capture);
      continue;
    }
    copied.push(capture);
    const byMember = new Map<string, string>();
    for (const read of reads) {
      const member = (read.property as TSESTree.Identifier).name;
      let local = byMember.get(member);
      if (local === undefined) {
        bindings ??= bindingNames(source);
        local = registry.local(member, bindings, `${capture.name}${member.charAt(0).toUpperCase()}${member.slice(1)}`);
        byMember.set(member, local);
        copies.push({ object: capture.name, member, local });
      }
      replacements.push({ range: read.range, text: local });
    }
  }
  return copies.length > 0 ? { copies, copied, replacements, kept } : undefined;
}

/** Statement lists a `const` can be inserted into. */
function isStatementList(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.BlockStatement || node?.type === AST_NODE_TYPES.Program || node?.type === AST_NODE_TYPES.SwitchCase || node?.type === AST_NODE_TYPES.StaticBlock;
}

/**
 * The edits that copy the members into locals right before the closure is created: a `const` line
 * above the statement that creates it, or — when that is a concise arrow body (`(row) => z…`) — the
 * body turned into a block. `closureEdits` are the wrap's own edits inside the closure; they are
 * folded into the rewritten body when the body is rewritten. Undefined when no place is in scope.
 */
export function copyEdits(
  source: SourceInput,
  fn: FunctionNode,
  keys: MemberKeys,
  closureEdits: readonly TextEdit[],
  style: FileStyle,
  eol: string,
): TextEdit[] | undefined {
  const semi = style.semi ? ";" : "";
  const declarations = keys.copies.map((copy) => `const ${copy.local} = ${copy.object}.${copy.member}${semi}`);
  // The copies go where every copied binding is in scope and already initialised.
  const inScope = (node: TSESTree.Node): boolean =>
    keys.copied.every((capture) => {
      const def = capture.variable.defs[0];
      return def !== undefined && contains(capture.variable.scope.block, node) && (def.type === "Parameter" || def.name.range[1] <= node.range[0]);
    });
  for (let node: TSESTree.Node = fn; node.parent; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (isStatementList(parent)) {
      if (!inScope(node)) return undefined;
      const indent = indentationAt(source.text, node.range[0]);
      const text = declarations.map((line) => `${line}${eol}${indent}`).join("");
      return [{ range: [node.range[0], node.range[0]], text }, ...closureEdits];
    }
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node && node.type !== AST_NODE_TYPES.BlockStatement) {
      if (!inScope(node)) return undefined;
      const arrow = tokenBefore(source.ast, node.range[0]);
      let start = node.range[0];
      // `=> ({ … })`: the parentheses belong to the body.
      for (let token = arrow; token && token.value === "("; token = tokenBefore(source.ast, token.range[0])) start = token.range[0];
      const end = parent.range[1];
      const inner = closureEdits.length > 0 ? mergeEdits(source.text, closureEdits) : undefined;
      const body = inner
        ? source.text.slice(start, inner.range[0]) + inner.text + source.text.slice(inner.range[1], end)
        : source.text.slice(start, end);
      const indent = indentationAt(source.text, parent.range[0]);
      const inside = `${indent}${style.indent}`;
      const text = `{${eol}${declarations.map((line) => `${inside}${line}${eol}`).join("")}${inside}return ${body}${semi}${eol}${indent}}`;
      return [{ range: [start, end], text }];
    }
    if (node !== fn && (node.type === AST_NODE_TYPES.ClassBody || node.type === AST_NODE_TYPES.PropertyDefinition)) return undefined;
  }
  return undefined;
}
