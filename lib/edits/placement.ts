// Where new module-level code goes: above the top-level statement that contains a site (and the
// comments attached to it), never above a license header, and as a function declaration when the
// statement is itself a hoisted function declaration.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
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
