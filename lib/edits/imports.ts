// The named imports fixes need (`withKey`, `LRUCache`, `useMemo`): reuse a value import already there,
// extend a named import of the module, or add one line in the file's own style (quotes, semicolons,
// ESM or CommonJS) with its import group, or above the first statement (below directives and a
// license header).
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { stringLiteralValue, unwrapExpression } from "../analysis/ast.js";
import { importedName } from "../analysis/bindings.js";
import type { SourceInput } from "../analysis/index.js";
import type { NameRegistry } from "./names.js";
import { insertionPoint } from "./placement.js";
import { fileStyle, packageImportAnchor } from "./style.js";
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

/**
 * A new import line with its group: after the last import of a package, before relative and aliased
 * imports (or after the leading requires of a CommonJS file), else above the first statement.
 */
function addImportLine(source: SourceInput, filename: string, line: string): TextEdit {
  const { ast, text } = source;
  const eol = lineEnding(text);
  const anchor = packageImportAnchor(ast);
  if (anchor.before) {
    const at = insertionPoint(source, anchor.before);
    return { range: [at, at], text: `${line}${eol}` };
  }
  const lastImport = anchor.after ?? (isCommonJs(source, filename) ? lastLeadingRequire(ast) : undefined);
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

/**
 * Finds or plans a named import of `target.name` from `target.module` (the `withKey` of a wrap, the
 * `LRUCache` of a cache fix, React's `useMemo`): reuse a value import, extend a named import of the
 * module, or add one line in the file's own style (ESM or CommonJS, quotes, semicolons).
 */
export function planNamedImport(source: SourceInput, filename: string, target: WithKeyTarget, registry: NameRegistry): WithKeyImport {
  const existing = existingWithKeyLocal(source.ast, target);
  if (existing !== undefined) return { local: existing };
  const local = registry.identifier(target.name);
  const specifierText = local === target.name ? target.name : `${target.name} as ${local}`;
  const extendable = extendableImport(source.ast, target.module);
  if (extendable) return { local, edit: addSpecifier(source.ast, extendable, specifierText) };
  const style = fileStyle(source);
  const quote = style.quote;
  const commonJs = isCommonJs(source, filename);
  const leadingRequire = commonJs ? lastLeadingRequire(source.ast) : undefined;
  // CommonJS: follow the last `require` line of the header (no semicolons there, none here).
  const semi = leadingRequire
    ? source.text.slice(leadingRequire.range[0], leadingRequire.range[1]).trimEnd().endsWith(";")
      ? ";"
      : ""
    : style.semi
      ? ";"
      : "";
  const line = commonJs
    ? `const { ${local === target.name ? local : `${target.name}: ${local}`} } = require(${quote}${target.module}${quote})${semi}`
    : `import { ${specifierText} } from ${quote}${target.module}${quote}${semi}`;
  return { local, edit: addImportLine(source, filename, line) };
}

const reactModule = "react";

/** How the file can call React's `useMemo`: an existing import, `React.useMemo` through a namespace or default import, or a new named import. */
export function useMemoCallee(source: SourceInput, filename: string, registry: NameRegistry): { callee: string; edit?: TextEdit } {
  let namespace: string | undefined;
  for (const statement of source.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== reactModule || statement.importKind === "type") continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind !== "type") {
        if (importedName(specifier) === "useMemo") return { callee: specifier.local.name };
      } else if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) {
        namespace = specifier.local.name;
      }
    }
  }
  if (namespace !== undefined) return { callee: `${namespace}.useMemo` };
  const planned = planNamedImport(source, filename, { module: reactModule, name: "useMemo" }, registry);
  return { callee: planned.local, ...(planned.edit ? { edit: planned.edit } : {}) };
}
