// The file's own style, sniffed from its tokens, for the code the planner writes: quotes, semicolons,
// the indentation unit, and where an import of a package goes. Memoised per Program node.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import type { SourceInput } from "../analysis/index.js";
import { indentationAt } from "./text.js";

export interface FileStyle {
  readonly quote: "'" | '"';
  /** Whether statements end with `;`. */
  readonly semi: boolean;
  /** One level of indentation: a tab, or n spaces. */
  readonly indent: string;
}

const memo = new WeakMap<TSESTree.Program, FileStyle>();

/** Statement kinds whose end shows whether the file writes semicolons. */
const terminated = new Set<string>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.ExportAllDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
]);

function quoteOf(source: SourceInput): "'" | '"' {
  const { ast, text } = source;
  let single = 0;
  let double = 0;
  const count = (raw: string): void => {
    if (raw.startsWith("'")) single += 1;
    else if (raw.startsWith('"')) double += 1;
  };
  // Module specifiers first: they are never JSX attributes (which formatters quote on their own rule).
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      count(text.slice(statement.source.range[0], statement.source.range[1]));
    }
  }
  if (single + double === 0) {
    for (const token of ast.tokens ?? []) if (token.type === "String") count(token.value);
  }
  return single > double ? "'" : '"';
}

function semiOf(source: SourceInput): boolean {
  const { ast, text } = source;
  let withSemi = 0;
  let without = 0;
  const visit = (statements: readonly TSESTree.Node[]): void => {
    for (const statement of statements) {
      const inner =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
      if (terminated.has(inner.type) || (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.declaration)) {
        if (text[statement.range[1] - 1] === ";") withSemi += 1;
        else without += 1;
      }
    }
  };
  visit(ast.body);
  return withSemi >= without;
}

function indentOf(text: string): string {
  let tabs = 0;
  const leads: number[] = [];
  let inComment = false;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trimStart();
    if (inComment || trimmed.startsWith("*")) {
      if (trimmed.includes("*/")) inComment = false;
      continue;
    }
    if (trimmed.startsWith("/*") && !trimmed.includes("*/")) inComment = true;
    if (trimmed === "") continue;
    const lead = line.length - trimmed.length;
    if (lead === 0) continue;
    if (line[0] === "\t") tabs += 1;
    else leads.push(lead);
  }
  if (tabs > leads.length) return "\t";
  // The unit most indented lines are a multiple of: 4 when levels are 4, 8, 12…; 2 when 2, 4, 6…
  for (const unit of [4, 2, 3, 8]) {
    const multiples = leads.filter((lead) => lead % unit === 0).length;
    if (leads.includes(unit) && multiples >= leads.length * 0.8) return " ".repeat(unit);
  }
  return "  ";
}

export function fileStyle(source: SourceInput): FileStyle {
  let style = memo.get(source.ast);
  if (!style) {
    style = { quote: quoteOf(source), semi: semiOf(source), indent: indentOf(source.text) };
    memo.set(source.ast, style);
  }
  return style;
}

/** A package specifier (`zod`, `@scope/pkg`), not a relative path or a project alias (`~/x`, `@/x`, `#x`). */
export function isPackageSpecifier(specifier: string): boolean {
  return !/^(?:\.|\/|~|#|@\/)/.test(specifier);
}

/** Where an import of a package goes: after the last package import, else before the first import. */
export function packageImportAnchor(ast: TSESTree.Program): { after?: TSESTree.ImportDeclaration; before?: TSESTree.ImportDeclaration } {
  const imports = ast.body.filter((s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration);
  const lastPackage = [...imports].reverse().find((s) => isPackageSpecifier(s.source.value));
  if (lastPackage) return { after: lastPackage };
  return imports[0] ? { before: imports[0] } : {};
}

/**
 * `text` moved from `from` (an offset in `original`) to module level: lines after the first lose the
 * indentation of the line it started on, so the moved code sits where it lands, not where it was.
 */
export function rebaseIndentation(original: string, from: number, text: string): string {
  const base = indentationAt(original, from);
  if (base === "" || !text.includes("\n")) return text;
  return text
    .split("\n")
    .map((line, index) => (index > 0 && line.startsWith(base) ? line.slice(base.length) : line))
    .join("\n");
}

/** A string literal in the given quotes (`JSON.stringify` escapes, with `'` escaped instead of `"` in single quotes). */
export function stringLiteral(value: string, quote: "'" | '"'): string {
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
