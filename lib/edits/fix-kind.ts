// What a fix kind is. A plan is an ordered list of named fix options, one per kind (see fix-kinds.ts),
// tried in order: the first option that can be applied is the site's fix; those before it say why
// they could not be. The rule's fix and suggestions, the codemod's phases and the CLI report all
// iterate the kinds, so adding a kind is one module and one entry in fix-kinds.ts.
import type { CaptureInfo } from "../analysis/captures.js";
import type { FileAnalysis, SourceInput } from "../analysis/index.js";
import type { SlotSite } from "../analysis/trace.js";
import type { WithKeyImport, WithKeyTarget } from "./imports.js";
import type { NameRegistry } from "./names.js";
import type { TextEdit } from "./text.js";
import type { TypeInfo } from "./types.js";

/** One way to fix one site. */
export interface FixOption {
  /** The kind's name (also the rule's suggestion messageId). */
  readonly kind: string;
  /** The edits, unmerged (the codemod applies many plans' edits in one pass); empty when the option does not apply. */
  readonly edits: readonly TextEdit[];
  /** The same edits merged into one ESLint fix (one range); absent when the option does not apply. */
  readonly fix?: TextEdit;
  /** Why the option does not apply (for messages and the codemod's report). */
  readonly reason?: string;
  /** Message data of the rule's suggestion for this option. */
  readonly data?: Readonly<Record<string, string>>;
  /** The name the fix introduces (a hoisted constant, a withKey id), for the codemod's report. */
  readonly name?: string;
  /** Did not apply only because there is no type information (`--project` would make it apply). */
  readonly needsTypes?: boolean;
}

export interface PlannerInput {
  readonly source: SourceInput;
  readonly analysis: FileAnalysis;
  readonly filename: string;
  readonly withKey: WithKeyTarget;
  readonly typeInfo?: TypeInfo | undefined;
}

/** What every kind may use while planning one file: names and ids stay unique across all its fixes. */
export interface PlanContext {
  readonly input: PlannerInput;
  readonly registry: NameRegistry;
  readonly eol: string;
  /** The file is TypeScript (not a declaration file): hoisted parameters may need annotations. */
  readonly typescript: boolean;
  /** The module's identity, the prefix of withKey ids. */
  readonly moduleId: string;
  /** The `withKey` import, planned on first use and shared by every wrap of the file. */
  withKeyImport(): WithKeyImport;
  /** The withKey id of a site, given out on first use: every wrap kind of one site uses the same id. */
  wrapId(facts: SiteFacts): string;
}

/** One site as the kinds see it. */
export interface SiteFacts {
  readonly site: SlotSite;
  readonly info: CaptureInfo;
  /** The name a hoisted closure or a withKey id starts from (`isValidAge`). */
  readonly base: string;
}

export interface FixKind<K extends string = string, A extends string = string> {
  readonly kind: K;
  /** What the codemod reports for a site it fixed this way (`hoisted`). */
  readonly action: A;
  /** The line of the codemod's summary that counts them (`sites hoisted`). */
  readonly summary: string;
  /** Safe to apply without review (cannot change behaviour or types): the rule's autofix; otherwise a suggestion. */
  readonly autofix: boolean;
  plan(context: PlanContext, facts: SiteFacts): FixOption;
}

/** An option that does not apply, and why. */
export function notApplicable(kind: string, reason: string, extra: { needsTypes?: boolean } = {}): FixOption {
  return { kind, edits: [], reason, ...(extra.needsTypes ? { needsTypes: true } : {}) };
}

/** Neither hoisted nor wrapped when the names the closure reads are resolved at run time. */
export function dynamicScopeReason(info: CaptureInfo): string | undefined {
  if (info.dynamicScope === "with") return "it is inside a `with` statement (or contains one), so what it reads is decided at run time";
  if (info.dynamicScope === "eval") return "a direct `eval` can read or declare variables around it, so what it captures cannot be known";
  return undefined;
}
