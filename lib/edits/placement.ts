// Where new module-level code goes: above the top-level statement that contains a site (and the
// comments attached to it), never above a license header, and as a function declaration when the
// statement is itself a hoisted function declaration (whose code can run before a module-level
// constant is initialised: `earlyCaller` says when and why).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { contains } from "../analysis/ast.js";
import { type ScopeManager, nearestFunction } from "../analysis/bindings.js";
import type { SourceInput } from "../analysis/index.js";
import { commentsBefore, tokenBefore } from "./tokens.js";

/** The statement of the Program body that contains `node`. */
export function topLevelStatement(node: TSESTree.Node): TSESTree.ProgramStatement {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current as TSESTree.ProgramStatement;
}

/** Function declarations are hoisted: code inside one can run before any `const` above it is initialised. */
export function runsBeforeModuleBody(statement: TSESTree.ProgramStatement): boolean {
  const inner =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : statement;
  return inner?.type === AST_NODE_TYPES.FunctionDeclaration || inner?.type === AST_NODE_TYPES.TSDeclareFunction;
}

/**
 * Can the function declaration `statement` (holding an expression to hoist) run before the module body
 * reaches the constant? It can when it is exported (a circular import may call it first), called at
 * module level above its declaration, or called from another function declaration that can (hoisted
 * declarations only: a function held in a `const` cannot be called before its own line either).
 * Returns why, or undefined.
 */
export function earlyCaller(statement: TSESTree.ProgramStatement, scopeManager: ScopeManager): string | undefined {
  if (!runsBeforeModuleBody(statement)) return undefined;
  const fn = (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement) as TSESTree.FunctionDeclaration;
  return earlyReason(fn, statement, scopeManager, new Set());
}

function earlyReason(fn: TSESTree.FunctionDeclaration, statement: TSESTree.ProgramStatement, scopeManager: ScopeManager, seen: Set<TSESTree.Node>): string | undefined {
  seen.add(fn);
  const name = fn.id ? `\`${fn.id.name}\`` : "the default export";
  const exported = `${name} is an exported function declaration: a circular import can call it before the module body reaches the constant`;
  if (statement.type !== AST_NODE_TYPES.FunctionDeclaration) return exported;
  const variable = fn.id ? scopeManager.getDeclaredVariables(fn).find((v) => v.name === fn.id!.name) : undefined;
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return exported;
    if (contains(fn, reference.identifier)) continue;
    const caller = nearestFunction(reference.identifier);
    if (!caller) {
      if (reference.identifier.range[0] < statement.range[1]) return `${name} is called at module level above its declaration, before the constant is initialised`;
      continue;
    }
    if (caller.type !== AST_NODE_TYPES.FunctionDeclaration || seen.has(caller)) continue;
    const callerStatement = topLevelStatement(caller);
    if ((callerStatement === caller || ("declaration" in callerStatement && callerStatement.declaration === caller))) {
      const reason = earlyReason(caller, callerStatement, scopeManager, seen);
      if (reason !== undefined) return `${name} is called from ${caller.id ? `\`${caller.id.name}\`` : "the default export"}, and ${reason}`;
    }
  }
  return undefined;
}

/**
 * Where new module-level code goes: before `statement` and the comments attached to it (no blank
 * line between), but never above a file header comment or before imports and directives.
 */
export function insertionPoint(source: SourceInput, statement: TSESTree.Node): number {
  const { text, ast } = source;
  // `@Dec() export class A {}`: the decorators belong to the class but come before `export`, outside
  // the export statement's range; new code goes above them.
  const anchor = leadingDecorator(statement) ?? statement;
  const comments = commentsBefore(ast, anchor);
  let start = anchor.range[0];
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i]!;
    const gap = text.slice(comment.range[1], start);
    if (/\n[ \t]*\r?\n/.test(gap)) break;
    start = comment.range[0];
  }
  if (start !== anchor.range[0] && tokenBefore(ast, start) === undefined) {
    // The comments open the file (a license header): keep them on top.
    return anchor.range[0];
  }
  const lineBegin = text.lastIndexOf("\n", start - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineBegin, start)) ? lineBegin : start;
}

/** The first decorator of a (possibly exported) class declaration when it starts before the statement. */
function leadingDecorator(statement: TSESTree.Node): TSESTree.Decorator | undefined {
  const inner =
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? statement.declaration
      : statement;
  const decorators = inner && "decorators" in inner ? (inner.decorators as TSESTree.Decorator[] | undefined) : undefined;
  const first = decorators?.[0];
  return first && first.range[0] < statement.range[0] ? first : undefined;
}
