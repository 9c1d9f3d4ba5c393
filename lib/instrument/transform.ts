// The profiler's source transform: every schema construction site the analysis knows (outermost
// schema expressions, compile calls: the same list no-schema-in-function reads) gets a counter slot,
// and every function enclosing one gets a call counter. Edits are insertions that contain no line
// break, so every line keeps its number (stack traces and the previous loader's source map stay
// right for lines; magic-string gives a map that is right for columns too).
//
//   z.object({…})        →  __ss().t(3, __ss().s(3), z.object({…}))
//   function f() { …     →  function f() {__ss().n[0]++; …
//   (x) => body          →  (x) => (__ss().n[0]++, body)
//
// One module-level registration (a hoisted function, so a circular import that calls into the module
// before its body ran still finds it) and no closure per call.
import { TraceMap, originalPositionFor, type SourceMapInput } from "@jridgewell/trace-mapping";
import MagicString from "magic-string";
import type { TSESTree } from "@typescript-eslint/types";
import { AST_NODE_TYPES } from "@typescript-eslint/types";
import { type AnyFunction, isFunctionNode, setParents } from "../analysis/ast.js";
import { optionalChild } from "../analysis/node-fields.js";
import { analyzeFile, defaultMemoFunctions, functionName, mentionsSchemaModule } from "../analysis/index.js";
import { schemaExpressions } from "../analysis/schema-expressions.js";
import { ParserUnavailableError, parseSource } from "../edits/parse.js";

/** The rule's default options: what it reports is what `reportedByRules` says. */
const contextOptions = { checkFactories: false, memoFunctions: [...defaultMemoFunctions, "schemaFactory"] } as const;

export interface InstrumentOptions {
  /** How the module is named in the report (a file: URL or a path). */
  readonly file: string;
  /** Decides the parser: `.ts`/`.tsx` source is parsed as TypeScript, anything else as JavaScript (with JSX). */
  readonly filename?: string;
  /** The text is already JavaScript whatever the file name says (a TypeScript loader or Vite compiled it). */
  readonly compiled?: boolean;
  /** `module` (import) or `commonjs` (require) for the registration. */
  readonly format?: "module" | "commonjs";
  /** Where the counters come from (default `stable-schema/profile`; the loader passes a resolved URL). */
  readonly runtime?: string;
  /** `settings["stable-schema"].modules`: module specifier → library it re-exports. */
  readonly modules?: Readonly<Record<string, string>>;
  /**
   * The source map of a previous step (a TypeScript loader, Vite's esbuild step): site lines are
   * reported in the original source. The returned map still covers this step only.
   */
  readonly inputMap?: SourceMapInput;
}

export interface InstrumentedSite {
  readonly line: number;
  readonly column: number;
  readonly library: string;
  readonly api: string;
  readonly kind: "build" | "compile";
  readonly function: string;
  readonly reportedByRules: boolean;
}

export interface InstrumentResult {
  readonly code: string;
  /** From the instrumented code to the code given (this step only: compose it with `inputMap`). */
  readonly map: ReturnType<MagicString["generateMap"]>;
  readonly sites: readonly InstrumentedSite[];
}


/**
 * Parse as JavaScript when a previous step already compiled the module (a TypeScript loader, Vite's
 * esbuild step: then no TypeScript parser is needed), else as the file's own language.
 */
function parse(text: string, filename: string, compiled: boolean) {
  const asJavaScript = filename.replace(/\.[cm]?tsx?$/i, (ext) => (/x$/i.test(ext) ? ".jsx" : ".js"));
  if (!compiled || asJavaScript === filename) return parseSource(text, { filename });
  try {
    return parseSource(text, { filename: asJavaScript });
  } catch (error) {
    if (error instanceof ParserUnavailableError) throw error;
    return parseSource(text, { filename }); // TypeScript after all (a loader that runs after this one)
  }
}

type Owner = AnyFunction | TSESTree.ClassBody;

/** The innermost function whose runs decide how often `node` is evaluated (a class body for instance fields). */
function enclosingOf(node: TSESTree.Node): Owner | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static && current.value && contains(current.value, node)) return current.parent;
  }
  return undefined;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function ownerLabel(owner: Owner): string {
  if (owner.type === AST_NODE_TYPES.ClassBody) {
    const cls = owner.parent;
    const name = (cls.type === AST_NODE_TYPES.ClassDeclaration || cls.type === AST_NODE_TYPES.ClassExpression) && cls.id ? cls.id.name : "anonymous class";
    return `new ${name} (instance field)`;
  }
  // esbuild's keepNames (tsx, Vite) wraps functions: `__name((req, res) => {…}, "createUser")`.
  const parent = owner.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === owner && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === "__name") {
    const name = parent.arguments[1];
    if (name?.type === AST_NODE_TYPES.Literal && typeof name.value === "string") return name.value;
  }
  return functionName(owner).replace(/`/g, "");
}

/** The end of a directive prologue ("use client", "use strict") at the start of `statements`, or `start`. */
function afterDirectives(statements: readonly TSESTree.Node[], start: number): number {
  let at = start;
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && optionalChild(statement, "directive") !== undefined) at = statement.range[1];
    else break;
  }
  return at;
}

/** After a hashbang and the module's directive prologue ("use client", "use strict"). */
function headerInsertion(ast: TSESTree.Program, text: string): number {
  let at = 0;
  if (text.startsWith("#!")) {
    const newline = text.indexOf("\n");
    at = newline === -1 ? text.length : newline;
  }
  return afterDirectives(ast.body, at);
}

/** Identifiers the inserted code uses, made unique against the text. */
function freshPrefix(text: string): string {
  let prefix = "__ss";
  for (let n = 1; text.includes(prefix); n++) prefix = `__ss${n}_`;
  return prefix;
}

/** Instruments one module; undefined when it builds no schema (then it is loaded untouched). */
export function instrument(text: string, options: InstrumentOptions): InstrumentResult | undefined {
  if (!mentionsSchemaModule(text, options.modules)) return undefined;
  const filename = options.filename ?? options.file.replace(/^file:\/\//, "");
  const parsed = parse(text, filename, options.compiled ?? false);
  setParents(parsed.ast, parsed.visitorKeys);
  const source = { text, ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys };
  const analysis = analyzeFile(source, options.modules);
  const expressions = schemaExpressions(analysis, source, contextOptions).filter((expression) => expression.kind !== "factory");
  if (expressions.length === 0) return undefined;

  const trace = options.inputMap ? new TraceMap(options.inputMap) : undefined;
  /** 1-based line, 1-based column in the original source. */
  const original = (loc: TSESTree.Position): [number, number] => {
    if (!trace) return [loc.line, loc.column + 1];
    const position = originalPositionFor(trace, { line: loc.line, column: loc.column });
    return position.line === null ? [loc.line, loc.column + 1] : [position.line, position.column + 1];
  };
  const s = new MagicString(text);
  const p = freshPrefix(text);
  const owners = new Map<Owner, number>();
  const functions: (readonly [string, number, 0 | 1])[] = [];
  const sites: InstrumentedSite[] = [];
  const tuples: unknown[] = [];
  // Function counters first: at a shared position (`() => z.object(…)`) the call counter comes first.
  for (const expression of expressions) {
    const owner = enclosingOf(expression.node);
    if (!owner || owners.has(owner)) continue;
    const index = functions.length;
    owners.set(owner, index);
    functions.push([ownerLabel(owner), original(owner.loc.start)[0], owner.type === AST_NODE_TYPES.ClassBody ? 0 : 1]);
    if (owner.type === AST_NODE_TYPES.ClassBody) continue;
    const body = owner.body;
    if (body.type === AST_NODE_TYPES.BlockStatement) s.appendRight(afterDirectives(body.body, body.range[0] + 1), `${p}().n[${index}]++;`);
    else {
      s.appendRight(body.range[0], `(${p}().n[${index}]++, `);
      s.prependLeft(body.range[1], ")");
    }
  }
  expressions.forEach((expression, i) => {
    const { node } = expression;
    const owner = enclosingOf(node);
    const fn = owner ? owners.get(owner)! : -1;
    const library = expression.library?.label ?? "";
    const kind = expression.kind === "compile" ? "compile" : "build";
    const [line, column] = original(node.loc.start);
    sites.push({
      line,
      column,
      library,
      api: expression.apiText,
      kind,
      function: fn >= 0 ? functions[fn]![0] : "(module)",
      reportedByRules: expression.answer.repeated,
    });
    tuples.push([line, column, library, expression.apiText, kind, fn, expression.answer.repeated ? 1 : 0]);
    s.appendRight(node.range[0], `${p}().t(${i}, ${p}().s(${i}), `);
    s.prependLeft(node.range[1], ")");
  });

  const runtime = JSON.stringify(options.runtime ?? "stable-schema/profile");
  const args = `${JSON.stringify(options.file)}, ${JSON.stringify(tuples)}, ${JSON.stringify(functions)}`;
  const header =
    options.format === "commonjs"
      ? `var ${p}M; function ${p}() { return ${p}M ??= require(${runtime}).registerModule(${args}); }`
      : `import { registerModule as ${p}Register } from ${runtime}; var ${p}M; function ${p}() { return ${p}M ??= ${p}Register(${args}); }`;
  const at = headerInsertion(parsed.ast, text);
  s.appendLeft(at, at === 0 ? `${header} ` : ` ${header}`);
  return { code: s.toString(), map: s.generateMap({ hires: "boundary", source: filename, includeContent: false }), sites };
}
