// The codemod's entry into the shared edit planner: one source text in, one source text out.
// The planner (hoist / wrap) is shared with the `no-inline-predicate` fixer; this file only
// parses, runs the analysis and applies the planned text edits.
import { setParents } from "../analysis/ast.js";
import { type FileAnalysis, type SourceInput, analyzeFile, mentionsCatalogueMethod, mentionsSchemaModule } from "../analysis/index.js";
import { type SiteOptions, defaultSiteOptions, reportedSites } from "../analysis/reported.js";
import type { TypeInfo } from "../analysis/type-info.js";
import { migrateSchemaSteps } from "./migrate-schemas.js";
import { type FixAction, fixKinds } from "./fix-kinds.js";
import { type SitePlan, planSites, reasonsBefore } from "./plan.js";
import { type TextEdit, applyEditGroups } from "./text.js";
import { programsWithText, typeInfoFrom } from "./types.js";
import type * as ts from "typescript";


export interface WithKeyImport {
  /** Module the `withKey` import comes from (default `stable-schema`). */
  module: string;
  /** Exported name (default `withKey`). */
  name: string;
}

export interface MigrateOptions {
  /** Path of the file: decides the parser flavour (`.ts` vs `.tsx`, `.js`…) and is used in messages. */
  filename: string;
  withKeyImport?: WithKeyImport;
  /** `settings["stable-schema"].modules`: module specifier → library it re-exports. */
  modules?: Readonly<Record<string, string>>;
  /** Type information for parameter annotations of hoisted closures (`--project`). */
  programs?: ts.Program[];
  /** Which sites the rule reports (its `scope`, `checkFactories`, `memoFunctions`… options). */
  sites?: SiteOptions;
  /** `"espree"`: parse JavaScript as a project without typescript-eslint would (default: whichever is installed). */
  parser?: ParseOptions["parser"];
  /** Also apply the `no-schema-in-function` fixes (`--hoist-schemas`): `lazy` hoists to getters. */
  hoistSchemas?: "eager" | "lazy";
}

/** What happened to a site: the action of the fix kind applied to it, or "left". */
export type SiteAction = FixAction | "left";

export interface SiteResult {
  /** 1-based line and 0-based column of the inline closure in the original source. */
  line: number;
  column: number;
  /** The API the closure is passed to, as written (`.refine`, `v.check`). */
  api: string;
  action: SiteAction;
  /** Name of the hoisted constant, or the `withKey` id. */
  name?: string;
  /** Why a site was left as it is; for a wrapped site, why it was not hoisted instead. */
  reason?: string;
  /** Fixed by a later kind only because parameter types were unknown: `--project` would hoist it. */
  needsTypes?: boolean;
  /** `schema` for a schema built per call (`--hoist-schemas`); absent for an inline closure. */
  kind?: "schema";
  /** For a schema: the fix kind applied (`hoist`, `hoist-lazy`, `use-memo`, `schema-factory`). */
  fix?: string;
}

export interface MigrateResult {
  output: string;
  changed: boolean;
  sites: SiteResult[];
}

export { ParserUnavailableError, SourceParseError, parseSource, type ParsedSource } from "./parse.js";
import { type ParseOptions, parseSource, SourceParseError } from "./parse.js";

/**
 * The text produced by the migration's own edits does not parse: a bug of the tool, never of the
 * user's file (which parsed). Carries the parser's words and where in the intermediate text it failed.
 */
export class MigratedTextParseError extends Error {
  constructor(readonly parseError: SourceParseError) {
    super(`the migrated text does not parse (${parseError.line}:${parseError.column + 1}: ${stripLocation(parseError)})`);
    this.name = "MigratedTextParseError";
  }
}

/** SourceParseError's message starts with `file:line:column: `; keep only the parser's words. */
export function stripLocation(error: SourceParseError): string {
  const prefix = `${error.filename}:${error.line}:${error.column}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * Quick text prefilter: true when the source mentions a schema library or a mapped module. With type
 * information (`typed`), a schema imported from another module of the project is traced by its type,
 * so a call of a catalogued method name is enough; and when schemas are hoisted too (`schemaFactories`),
 * a call of an imported function whose return type is a schema (a factory in another module) is
 * reported, so any value import is enough.
 */
export function mightContainCandidates(source: string, modules?: Readonly<Record<string, string>>, typed = false, schemaFactories = false): boolean {
  return mentionsSchemaModule(source, modules) || (typed && (mentionsCatalogueMethod(source) || (schemaFactories && valueImport.test(source))));
}

/** An `import` or `require` that can bind a value (not `import type`). */
const valueImport = /\bimport\b(?!\s+type\s)|\brequire\s*\(/;

const MAX_PASSES = 200;

interface PassResult {
  readonly text: string;
  readonly plans: readonly SitePlan[];
  /** Indexes (into `plans`) of the plans whose fix was applied in this pass. */
  readonly applied: ReadonlySet<number>;
}

/** Parses one version of the text (with its program, when there is type information) and analyses it. */
export function analyzeText(text: string, options: MigrateOptions): { source: SourceInput; typeInfo: TypeInfo | undefined; analysis: FileAnalysis } {
  const programs = options.programs ? programsWithText(options.programs, options.filename, text) : undefined;
  const parsed = parseSource(text, {
    filename: options.filename,
    ...(options.parser ? { parser: options.parser } : {}),
    ...(programs && programs.length > 0 ? { programs } : {}),
  });
  setParents(parsed.ast, parsed.visitorKeys);
  const source = { text, ast: parsed.ast, scopeManager: parsed.scopeManager, visitorKeys: parsed.visitorKeys };
  const typeInfo = typeInfoFrom(parsed.services);
  return { source, typeInfo, analysis: analyzeFile(source, options.modules, typeInfo) };
}

/** Parses and plans one version of the text. */
function planText(text: string, options: MigrateOptions): readonly SitePlan[] {
  const { source, typeInfo, analysis } = analyzeText(text, options);
  const sites = reportedSites(analysis, options.sites ?? defaultSiteOptions).map((reported) => reported.site);
  if (sites.length === 0) return [];
  return planSites(
    {
      source,
      analysis,
      filename: options.filename,
      withKey: options.withKeyImport ?? { module: "stable-schema", name: "withKey" },
      typeInfo,
    },
    sites,
  );
}

type FixKindEntry = (typeof fixKinds)[number];

function runPass(text: string, options: MigrateOptions, phase: FixKindEntry, memo: Map<string, readonly SitePlan[]>): PassResult {
  // A phase that changed nothing leaves the text as it was: the next phase reuses its plans.
  let plans = memo.get(text);
  if (!plans) {
    plans = planText(text, options);
    memo.clear();
    memo.set(text, plans);
  }
  if (plans.length === 0) return { text, plans, applied: new Set() };
  const groups: (readonly TextEdit[])[] = [];
  const owner: number[] = [];
  plans.forEach((plan, index) => {
    const option = plan.options.find((candidate) => candidate.kind === phase.kind);
    if (option?.fix) {
      groups.push(option.edits);
      owner.push(index);
    }
  });
  if (groups.length === 0) return { text, plans, applied: new Set() };
  // All plans whose edits do not overlap go in together: the names and the order of inserted
  // declarations are the ones ESLint's one-fix-per-range passes produce, in fewer parses.
  const { output, applied } = applyEditGroups(text, groups);
  return { text: output, plans, applied: new Set(applied.map((group) => owner[group]!)) };
}

/**
 * Migrates one file, one fix kind after the other in fix-kinds order (hoist what can move — the
 * rule's autofix —, then wrap what captures locals in `withKey` — the rule's suggestion), pass by pass
 * exactly like `eslint --fix`, so the output is the same bytes. Throws SourceParseError (with file:line) when the file does not parse.
 */
export function migrateSource(source: string, options: MigrateOptions): MigrateResult {
  const steps = migrateSteps(source, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    // Each new text is analysed on the given programs, rebuilt for it (programsWithText).
    step.value.provide(options.programs);
  }
}

/** What a migration in steps asks for before it analyses a new text: programs that hold `text`. */
export interface ProgramRequest {
  readonly text: string;
  /** The programs for `text`; ones that do not hold it are rebuilt for it; undefined: on without types. */
  provide(programs: readonly ts.Program[] | undefined): void;
}

/** A migration in steps: yields a request for programs before each new text, returns `Result`. */
export type MigrateSteps<Result> = Generator<ProgramRequest, Result, void>;

/**
 * The migration of one file as steps, for a caller with type information for many files at once. With
 * `programs` (used for `source`), before it analyses a text the programs do not hold (the text after a
 * pass that changed it), it yields a request and goes on with the programs provided: the CLI builds one
 * program per pass for all files of a tsconfig, holding each file's current text, so one type checker
 * serves all of them instead of a new one per file and pass. A suspended migration keeps nothing of
 * an earlier program (no plan, AST or type information outlives its pass, and the generator frames
 * never hold a program: V8 keeps a suspended frame's registers, stale ones included).
 */
export function migrateSteps(source: string, options: MigrateOptions): MigrateSteps<MigrateResult> {
  // Not a generator itself, so that `options` (holding the first programs) stays out of the frame.
  return closureSteps(source, new TypedText(options, source));
}

function* closureSteps(source: string, typed: TypedText): MigrateSteps<MigrateResult> {
  const options = typed.untyped;
  if (!typed.hasPrograms() && !mentionsSchemaModule(source, options.modules)) {
    parseSource(source, options);
    return { output: source, changed: false, sites: [] };
  }
  const migration = new ClosureMigration(source);
  for (const phase of fixKinds) {
    migration.startPhase();
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      if (typed.needs(migration.text)) {
        migration.forgetPlans();
        yield typed;
      }
      if (!migration.pass(typed, phase, pass)) break;
    }
  }
  let text = migration.text;
  const sites = migration.sites();
  if (options.hoistSchemas) {
    const schemas = yield* migrateSchemaSteps(text, typed, options.hoistSchemas);
    text = schemas.output;
    sites.push(...schemas.sites);
  }
  return { output: text, changed: text !== source, sites };
}

interface Entry {
  readonly line: number;
  readonly column: number;
  readonly api: string;
  result?: SiteResult;
}

/** The closure phases of one file, pass by pass; what it keeps between passes is text and numbers only. */
class ClosureMigration {
  text: string;
  private entries: Entry[] | undefined;
  private pending: Entry[] = [];
  /** Why each site still pending was not handled, from the last pass. */
  private lastReasons: string[] = [];
  private previousCount = Number.POSITIVE_INFINITY;
  private readonly memo = new Map<string, readonly SitePlan[]>();

  constructor(private readonly source: string) {
    this.text = source;
  }

  startPhase(): void {
    this.previousCount = Number.POSITIVE_INFINITY;
  }

  /** Drops the plans kept for the current text (they hold its AST and type information). */
  forgetPlans(): void {
    this.memo.clear();
  }

  /** One pass of `phase`; false when it applied nothing (the phase is over). */
  pass(typed: TypedText, phase: FixKindEntry, pass: number): boolean {
    const text = this.text;
    let result: PassResult;
    try {
      result = runPass(text, typed.options(), phase, this.memo);
    } catch (error) {
      // The first pass parses the user's file; any later one parses text our edits produced.
      if (error instanceof SourceParseError && text !== this.source) throw new MigratedTextParseError(error);
      throw error;
    }
    // Every applied edit removes its site; if the count does not drop, stop rather than loop.
    if (result.plans.length >= this.previousCount) {
      throw new Error(`stable-schema: internal error: edits to ${typed.untyped.filename} did not converge (${phase.kind} pass ${pass})`);
    }
    if (!this.entries) {
      this.entries = result.plans.map((plan) => ({
        line: plan.site.fn.loc.start.line,
        column: plan.site.fn.loc.start.column,
        api: plan.site.apiText,
      }));
      this.pending = [...this.entries];
    }
    // Sites keep their order from pass to pass and disappear only when handled.
    const pending = this.pending;
    const aligned = result.plans.length === pending.length;
    const stillPending: Entry[] = [];
    result.plans.forEach((plan, index) => {
      const entry: Entry = aligned
        ? pending[index]!
        : { line: plan.site.fn.loc.start.line, column: plan.site.fn.loc.start.column, api: plan.site.apiText };
      if (result.applied.has(index)) {
        const option = plan.options.find((candidate) => candidate.kind === phase.kind);
        // Why the kinds before this one did not apply (for a wrap: why the closure was not hoisted).
        const before = plan.options.slice(0, plan.options.indexOf(option!));
        const reasons = before.flatMap((earlier) => earlier.reason ?? []);
        entry.result = {
          line: entry.line,
          column: entry.column,
          api: entry.api,
          action: phase.action,
          ...(option?.name !== undefined ? { name: option.name } : {}),
          ...(reasons.length > 0 ? { reason: reasons.join("; ") } : {}),
          ...(before.some((earlier) => earlier.needsTypes) ? { needsTypes: true } : {}),
        };
        if (!aligned) this.entries?.push(entry);
      } else {
        stillPending.push(entry);
      }
    });
    this.pending = stillPending;
    this.lastReasons = result.plans
      .filter((_, index) => !result.applied.has(index))
      .map((plan) => reasonsBefore(plan).at(-1) ?? "no safe edit");
    if (result.applied.size === 0) return false;
    this.previousCount = result.plans.length;
    this.text = result.text;
    return true;
  }

  /** The result of every site: the ones still pending were left, with the last pass's reason. */
  sites(): SiteResult[] {
    const reasons = this.lastReasons;
    this.pending.forEach((entry, index) => {
      entry.result = {
        line: entry.line,
        column: entry.column,
        api: entry.api,
        action: "left",
        reason: reasons[index] ?? "no safe edit",
      };
    });
    return (this.entries ?? []).flatMap((entry) => (entry.result ? [entry.result] : []));
  }
}

/**
 * The programs of a migration in steps and the text they were given for. Only this object holds them,
 * and it drops them when a new text needs others; it is the request the steps yield.
 */
export class TypedText implements ProgramRequest {
  private programs: readonly ts.Program[] | undefined;
  /** The options without programs. */
  readonly untyped: MigrateOptions;
  /** The text the programs are (to be) provided for. */
  text: string;

  constructor(options: MigrateOptions, text: string) {
    const { programs, ...untyped } = options;
    this.programs = programs;
    this.untyped = untyped;
    this.text = text;
  }

  hasPrograms(): boolean {
    return this.programs !== undefined;
  }

  /** With type information, when `text` is not the one the programs are for: drops them, the steps yield. */
  needs(text: string): boolean {
    if (this.programs === undefined || text === this.text) return false;
    this.programs = undefined;
    this.text = text;
    return true;
  }

  provide(programs: readonly ts.Program[] | undefined): void {
    this.programs = programs;
  }

  /** The options for analysing the current text. */
  options(): MigrateOptions {
    return this.programs ? { ...this.untyped, programs: [...this.programs] } : this.untyped;
  }
}
