// The `withKey` import a wrap needs: reuse a value import already there, extend a named import of the
// module, or add one line in the file's own style (quotes, semicolons, ESM or CommonJS) after the
// last import, or above the first statement (below directives and a license header).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { stringLiteralValue, unwrapExpression } from "../analysis/ast.js";
import { importedName } from "../analysis/bindings.js";
import type { SourceInput } from "../analysis/index.js";
import type { NameRegistry } from "./names.js";
import { insertionPoint } from "./placement.js";
import { type TextEdit, lineEnding } from "./text.js";
import { tokenAt } from "./tokens.js";

/** Where `withKey` is imported from: the runtime, or the module configured in settings. */
export interface WithKeyTarget {
  readonly module: string;
  readonly name: string;
}

export interface WithKeyImport {
  /** Local name to call. */
  readonly local: string;
  /** Edit that adds the import, when it is not there yet. */
  readonly edit?: TextEdit;
}

/** How far into the file the style sniffers look for existing imports. */
const STYLE_WINDOW = 2000;

/** `'` when the file's imports use single quotes (and no import line uses double quotes), else `"`. */
export function quoteStyle(text: string): "'" | '"' {
  const head = text.slice(0, STYLE_WINDOW);
  return /^[^"]*'/.test(head) && !/import[^\n]*"/.test(head) ? "'" : '"';
}

/** `""` when the file's `from "…"` lines end without semicolons (and none with one), else `";"`. */
export function statementTerminator(text: string): "" | ";" {
  return /from\s+["'][^"']+["'](?!;)\s*\r?\n/.test(text) && !/from\s+["'][^"']+["'];/.test(text) ? "" : ";";
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && "directive" in statement && typeof statement.directive === "string";
}

/** A CommonJS file: `.cjs`/`.cts`, or no ES module syntax and a `require(` call. */
export function isCommonJs(source: SourceInput, filename: string): boolean {
  if (/\.cjs$/i.test(filename) || /\.cts$/i.test(filename)) return true;
  const hasEsm = source.ast.body.some(
    (s) =>
      s.type === AST_NODE_TYPES.ImportDeclaration ||
      s.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      s.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      s.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
  return !hasEsm && /\brequire\s*\(/.test(source.text);
}

function isRequireCall(node: TSESTree.Node | null | undefined): node is TSESTree.CallExpression {
  return node?.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === "require";
}

function isRequireDeclaration(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.every((declarator) => {
    let init = declarator.init && unwrapExpression(declarator.init);
    while (init?.type === AST_NODE_TYPES.MemberExpression) init = unwrapExpression(init.object);
    return isRequireCall(init);
  });
}

/** The last `const x = require(…)` of the block of requires that opens a CommonJS file (after directives). */
export function lastLeadingRequire(ast: TSESTree.Program): TSESTree.ProgramStatement | undefined {
  let last: TSESTree.ProgramStatement | undefined;
  for (const statement of ast.body) {
    if (isDirective(statement)) continue;
    if (!isRequireDeclaration(statement)) break;
    last = statement;
  }
  return last;
}

/** The local name of a value import of `withKey` already in the file: an ESM named import, else a destructured require. */
export function existingWithKeyLocal(ast: TSESTree.Program, withKey: WithKeyTarget): string | undefined {
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.source.value !== withKey.module || statement.importKind === "type") continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== "type" && importedName(specifier) === withKey.name) {
          return specifier.local.name;
        }
      }
    }
  }
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init && unwrapExpression(declarator.init);
        if (!isRequireCall(init) || stringLiteralValue(init.arguments[0]) !== withKey.module) continue;
        if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
        for (const property of declarator.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            property.key.type === AST_NODE_TYPES.Identifier &&
            property.key.name === withKey.name &&
            property.value.type === AST_NODE_TYPES.Identifier
          ) {
            return property.value.name;
          }
        }
      }
    }
  }
  return undefined;
}

/** The first value import of the module with named specifiers: `{ withKey }` can be added to it. */
function extendableImport(ast: TSESTree.Program, module: string): TSESTree.ImportDeclaration | undefined {
  return ast.body.find(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.source.value === module &&
      statement.importKind !== "type" &&
      statement.specifiers.some((s) => s.type === AST_NODE_TYPES.ImportSpecifier),
  );
}

/** `, withKey` after the last specifier (or ` withKey,` after a trailing comma). */
function addSpecifier(ast: TSESTree.Program, declaration: TSESTree.ImportDeclaration, specifierText: string): TextEdit {
  const lastSpecifier = declaration.specifiers[declaration.specifiers.length - 1]!;
  const after = tokenAt(ast, lastSpecifier.range[1]);
  const position = after?.value === "," ? after.range[1] : lastSpecifier.range[1];
  return { range: [position, position], text: after?.value === "," ? ` ${specifierText},` : `, ${specifierText}` };
}

/** A new import line, placed after the last import (or leading require), else above the first statement. */
function addImportLine(source: SourceInput, filename: string, line: string): TextEdit {
  const { ast, text } = source;
  const eol = lineEnding(text);
  const lastImport =
    [...ast.body].reverse().find((s) => s.type === AST_NODE_TYPES.ImportDeclaration) ??
    (isCommonJs(source, filename) ? lastLeadingRequire(ast) : undefined);
  if (lastImport) return { range: [lastImport.range[1], lastImport.range[1]], text: `${eol}${line}` };
  const firstStatement = ast.body.find((s) => !isDirective(s));
  if (!firstStatement) {
    const lastDirective = ast.body[ast.body.length - 1];
    const at = lastDirective ? lastDirective.range[1] : text.length;
    return { range: [at, at], text: `${eol}${line}${eol}` };
  }
  const at = insertionPoint(source, firstStatement);
  return { range: [at, at], text: `${line}${eol}${eol}` };
}

/** Finds or plans the `withKey` import: reuse a value import, extend a named import, or add one. */
export function planWithKeyImport(source: SourceInput, filename: string, withKey: WithKeyTarget, registry: NameRegistry): WithKeyImport {
  const existing = existingWithKeyLocal(source.ast, withKey);
  if (existing !== undefined) return { local: existing };
  const local = registry.identifier(withKey.name);
  const specifierText = local === withKey.name ? withKey.name : `${withKey.name} as ${local}`;
  const extendable = extendableImport(source.ast, withKey.module);
  if (extendable) return { local, edit: addSpecifier(source.ast, extendable, specifierText) };
  const quote = quoteStyle(source.text);
  const semi = statementTerminator(source.text);
  const line = isCommonJs(source, filename)
    ? `const { ${local === withKey.name ? local : `${withKey.name}: ${local}`} } = require(${quote}${withKey.module}${quote})${semi}`
    : `import { ${specifierText} } from ${quote}${withKey.module}${quote}${semi}`;
  return { local, edit: addImportLine(source, filename, line) };
}
