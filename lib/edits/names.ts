// Names for hoisted constants and withKey ids: derived from context (`isValidAge`, `trimName`),
// deterministic, never colliding with anything in the file, never a reserved word or common global.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, memberName, propertyKeyName, stringLiteralValue, unwrapExpression } from "../analysis/ast.js";
import type { SlotSite } from "../analysis/trace.js";

export const reservedNames: ReadonlySet<string> = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await async of get set type declare namespace module as " +
    "undefined NaN Infinity arguments eval globalThis window self document process require exports module console " +
    "name length status event parent top location history navigator screen origin closed frames opener " +
    "Object Array String Number Boolean Symbol BigInt Function Date RegExp Error Map Set WeakMap WeakSet Promise Proxy " +
    "Reflect JSON Math Intl URL"
  ).split(" "),
);

/** Every identifier-like token in the file: anything a new name must not shadow or clash with. */
export function usedNames(ast: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const token of ast.tokens ?? []) {
    if (token.type === "Identifier" || token.type === "Keyword" || token.type === "JSXIdentifier") names.add(token.value);
  }
  return names;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export class NameRegistry {
  private readonly taken: Set<string>;
  private readonly ids: Set<string>;
  /** Names handed out by `local` (a binding name taken from a property: only one per name). */
  private readonly given = new Set<string>();
  /** Per base, the first suffix not tried yet: names are only ever added, so the ones below it stay taken. */
  private readonly nextSuffix = new Map<string, number>();

  constructor(ast: TSESTree.Program, existingIds: Iterable<string> = []) {
    this.taken = usedNames(ast);
    this.ids = new Set(existingIds);
  }

  /**
   * A fresh identifier based on `base`: `base`, then `base` with each qualifier (`isValidAgeInSignup`),
   * and only then `base2`, `base3`…
   */
  identifier(base: string, qualifiers: readonly string[] = []): string {
    const root = reservedNames.has(base) ? `${base}Fn` : base;
    for (const candidate of [root, ...qualifiers.map((q) => `${root}${q}`)]) {
      if (!this.taken.has(candidate) && !this.given.has(candidate) && !reservedNames.has(candidate) && IDENTIFIER.test(candidate)) {
        this.taken.add(candidate);
        return candidate;
      }
    }
    return this.fresh(`identifier:${root}`, root, (candidate) => !this.taken.has(candidate) && !reservedNames.has(candidate), this.taken);
  }

  /**
   * A local for a value copied out of an object (`const prefix = row.prefix`): `preferred` when no
   * binding of the file has that name (a property name does not count) and it was not given out
   * already, else a fresh identifier based on `fallback` (`rowPrefix`).
   */
  local(preferred: string, bindings: ReadonlySet<string>, fallback: string): string {
    if (!bindings.has(preferred) && !this.given.has(preferred) && !reservedNames.has(preferred) && IDENTIFIER.test(preferred)) {
      this.given.add(preferred);
      this.taken.add(preferred);
      return preferred;
    }
    const name = this.identifier(fallback);
    this.given.add(name);
    return name;
  }

  /** A withKey id unique in the module: `base`, `base` with each qualifier, then numbered. */
  id(base: string, qualifiers: readonly string[] = []): string {
    for (const candidate of [base, ...qualifiers.map((q) => `${base}${q}`)]) {
      if (!this.ids.has(candidate)) {
        this.ids.add(candidate);
        return candidate;
      }
    }
    return this.fresh(`id:${base}`, base, (candidate) => !this.ids.has(candidate), this.ids);
  }

  private fresh(counter: string, root: string, free: (candidate: string) => boolean, into: Set<string>): string {
    for (let n = this.nextSuffix.get(counter) ?? 1; ; n++) {
      const candidate = n === 1 ? root : `${root}${n}`;
      if (free(candidate)) {
        into.add(candidate);
        this.nextSuffix.set(counter, n + 1);
        return candidate;
      }
    }
  }
}

function words(raw: string): string[] {
  // Constant-like names read as words: `SENTRY_DISABLED` → sentry disabled (not `SENTRYDISABLED`).
  const text = /[a-z]/.test(raw) ? raw : raw.toLowerCase();
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascal(text: string): string {
  return words(text)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

export function camel(text: string): string {
  const p = pascal(text);
  if (p === "") return "";
  const result = p[0]!.toLowerCase() + p.slice(1);
  return /^[0-9]/.test(result) ? `_${result}` : result;
}

/** Variable names that say "a schema" and nothing about what it checks (`schema`, `userSchema` does say). */
const genericSchemaName = /^(?:schema|validator|struct|codec|type|parser)$/i;

/** A variable or key that says something: not a generic word, not a one-letter name (`a`, `s`, `t`). */
function meaningful(name: string): boolean {
  return name.length > 1 && !genericSchemaName.test(name);
}

/** Words a check's own name may carry that say nothing about what it checks (`custom-email-check`). */
const labelFiller = new Set(["custom", "test", "check", "checker", "validation", "validator", "validate", "rule", "fn", "function", "callback", "method"]);

interface Label {
  readonly text: string;
  /** A list of the fields tested (`.when(["country", "zip"], …)`, valibot `partialCheck` paths), not a name. */
  readonly fields: boolean;
}

/** `["country", "zip"]`, `[["password"], ["confirm"]]` → `country zip`, `password confirm`. */
function fieldList(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.ArrayExpression || inner.elements.length === 0) return undefined;
  const names = inner.elements.map((element) =>
    !element || element.type === AST_NODE_TYPES.SpreadElement ? undefined : (stringLiteralValue(element) ?? fieldList(element)),
  );
  return names.every((name) => name !== undefined) ? names.join(" ") : undefined;
}

/**
 * The call's own name for its check (catalogue `label`): yup `.test("is-adult", …)`, `.test({ name })`,
 * io-ts brand names; or the fields it tests.
 */
function labelOf(site: SlotSite): Label | undefined {
  const call = site.call.node;
  const label = site.slot?.label;
  const labelled = label ? call.arguments[label.arg] : undefined;
  if (!label || !labelled || labelled.type === AST_NODE_TYPES.SpreadElement || unwrapExpression(labelled) === site.fn) return undefined;
  const direct = stringLiteralValue(labelled);
  // A prefixed slot's label names a field (`.when("custom", …)`), where no word is filler.
  if (direct !== undefined) return site.slot?.prefix !== undefined ? { text: direct, fields: true } : named(withoutLabelFiller(direct));
  const fields = fieldList(labelled);
  if (fields !== undefined) return { text: fields, fields: true };
  const options = unwrapExpression(labelled);
  if (label.key !== undefined && options.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of options.properties) {
      if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === label.key) {
        const value = stringLiteralValue(property.value);
        if (value !== undefined) return named(withoutLabelFiller(value));
      }
    }
  }
  return undefined;
}

function named(text: string | undefined): Label | undefined {
  return text === undefined ? undefined : { text, fields: false };
}

/** `custom-email-check` → `email`; a label of filler only (`test`, `custom`) names nothing. */
function withoutLabelFiller(label: string): string | undefined {
  const kept = label.split(/[^A-Za-z0-9]+/).filter((part) => part !== "" && !labelFiller.has(part.toLowerCase()));
  if (kept.length === 0) return undefined;
  // Keep the label's own casing (`DateFromString`, `is-adult`) when nothing was dropped.
  return kept.length === label.split(/[^A-Za-z0-9]+/).filter(Boolean).length ? label : kept.join(" ");
}

/**
 * Walk out from the closure: the nearest object key or variable names what it is about. The
 * property the closure itself sits in (`test:`, `decode:`) is a slot, not a subject.
 */
function placeOf(site: SlotSite): string | undefined {
  for (let node: TSESTree.Node = site.fn; node.parent; node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (isFunctionNode(parent) || parent.type === AST_NODE_TYPES.Program || parent.type.endsWith("Statement")) break;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node && node !== site.fn) {
      const key = propertyKeyName(parent);
      if (key !== undefined) return key;
    }
    if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node) {
      const key = propertyKeyName(parent);
      if (key !== undefined && meaningful(key)) return key.replace(/Schema$/, "");
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
      if (meaningful(parent.id.name)) return parent.id.name.replace(/Schema$/, "");
    }
  }
  return undefined;
}

/** The text of a message: a string, a template (`${min}` read as `min`), or with `callable` an arrow returning one. */
function messageText(node: TSESTree.Node, callable: boolean): string | undefined {
  const inner = unwrapExpression(node);
  const direct = stringLiteralValue(inner);
  if (direct !== undefined) return direct;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) {
    return inner.quasis
      .map((quasi, index) => {
        const expression = inner.expressions[index];
        const name = expression === undefined ? "" : expressionWord(expression);
        return `${quasi.value.cooked ?? ""}${name === "" ? "" : ` ${name} `}`;
      })
      .join("");
  }
  if (callable && (inner.type === AST_NODE_TYPES.ArrowFunctionExpression || inner.type === AST_NODE_TYPES.FunctionExpression)) {
    const body = inner.body;
    if (body.type !== AST_NODE_TYPES.BlockStatement) return messageText(body, false);
    const only = body.body.length === 1 ? body.body[0] : undefined;
    if (only?.type === AST_NODE_TYPES.ReturnStatement && only.argument) return messageText(only.argument, false);
  }
  return undefined;
}

/** `${min}` → `min`, `${limits.max}` → `max`; anything else is left out of the name. */
function expressionWord(node: TSESTree.Node): string {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberName(inner) ?? "";
  return "";
}

/** The message the call shows when the check fails (catalogue `message`), if it is written out. */
function messageOf(site: SlotSite): string | undefined {
  const spec = site.slot?.message;
  if (!spec) return undefined;
  const call = site.call.node;
  const callable = spec.callable === true;
  const raw = spec.arg === undefined ? undefined : call.arguments[spec.arg];
  if (raw && raw.type !== AST_NODE_TYPES.SpreadElement && unwrapExpression(raw) !== site.fn) {
    const arg = unwrapExpression(raw);
    if (arg.type === AST_NODE_TYPES.ObjectExpression) {
      for (const key of spec.keys ?? []) {
        for (const property of arg.properties) {
          if (property.type !== AST_NODE_TYPES.Property || propertyKeyName(property) !== key) continue;
          const text = messageText(property.value, callable);
          if (text !== undefined) return text;
        }
      }
    } else if (spec.keys === undefined || stringLiteralValue(arg) !== undefined || arg.type === AST_NODE_TYPES.TemplateLiteral) {
      const text = messageText(arg, callable);
      if (text !== undefined) return text;
    }
  }
  // joi: `.custom(fn).message("…")`.
  const member = call.parent;
  if (spec.chained && member?.type === AST_NODE_TYPES.MemberExpression && member.object === call) {
    const name = memberName(member);
    const chained = member.parent;
    if (name !== undefined && spec.chained.includes(name) && chained?.type === AST_NODE_TYPES.CallExpression && chained.callee === member) {
      const first = chained.arguments[0];
      if (first && first.type !== AST_NODE_TYPES.SpreadElement) return messageText(first, false);
    }
  }
  return undefined;
}

// --- names from messages ---------------------------------------------------------------------

const articles = new Set(["a", "an", "the"]);
/** Words before a modal that name no subject (`This field must…`, `The value should…`). */
const subjectFiller = new Set(["this", "that", "the", "a", "an", "field", "value", "input", "it", "your", "entered", "provided", "given", "selected", "chosen", "you", "path", "label"]);
/** Words a shortened name must not end with (`isOneOfAllowedValuesIn`). */
const trailingFiller = new Set(["in", "of", "or", "and", "to", "with", "for", "from", "than", "at", "on", "by", "as", "the", "a", "an"]);
const negatedModals = new Set(["cannot", "cant", "mustnt", "shouldnt", "wont"]);
const negatedAuxiliaries = new Set(["dont", "doesnt", "didnt"]);
const auxiliaries = new Set(["do", "does", "did"]);
const failureWords = new Set(["invalid", "wrong", "incorrect", "bad", "malformed"]);
const requestVerbs = new Set(["enter", "provide", "select", "choose", "specify", "use", "pick", "add", "fill", "type", "give", "supply", "upload", "insert"]);
/** Longest name built from a message, in characters and in words. */
const maxMessageName = 40;
const maxMessageWords = 7;

function messageWords(message: string): string[] | undefined {
  // Only plain English-alphabet text: letters of other scripts would be cut out of the middle of words.
  if (!/^[\x20-\x7E\u2013\u2018\u2019\t\n]*$/.test(message)) return undefined;
  const text = message
    // Placeholders read as their word: yup `${min}` → `min`, joi `{{#limit}}` → `limit`; `%s` says nothing.
    .replace(/\$\{\s*([^}]*?)\s*\}|\{\{\s*#?([^}]*?)\s*\}\}|\{\s*#?([^}]*?)\s*\}/g, (_, a?: string, b?: string, c?: string) => ` ${a ?? b ?? c ?? ""} `)
    .replace(/%[sdifoj]/g, " ")
    .replace(/(\d)\s*(?:\.\.\.?|-|\u2013)\s*(?=\d)/g, "$1 to ") // ranges: `1..100`, `1-100` → `1 to 100`
    .replace(/([A-Za-z])['\u2018\u2019]([A-Za-z])/g, "$1$2"); // don't → dont
  const all = text
    .split(/\s+/)
    .flatMap((token) => words(token))
    .map((word) => word.toLowerCase());
  // `1.5` would read as `15`: numbers that meet without a word between them name nothing.
  return all.some((word, i) => /^\d/.test(word) && /^\d/.test(all[i + 1] ?? "")) ? undefined : all;
}

/** Third person singular of a verb: `contain` → `contains`, `match` → `matches`, `have` → `has`. */
function thirdPerson(verb: string): string {
  if (verb === "be") return "is";
  if (verb === "have") return "has";
  if (verb === "do" || verb === "go") return `${verb}es`;
  if (/(?:s|x|z|ch|sh)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** `passwords`, `dates` read as plural subjects (`Passwords must match` → `passwordsMatch`); `address` does not. */
function plural(subject: readonly string[]): boolean {
  const last = subject[subject.length - 1];
  return last !== undefined && /[^su]s$/.test(last) && !/(?:ss|us|is)$/.test(last);
}

function content(parts: readonly string[]): string[] {
  return parts.filter((word) => !articles.has(word));
}

function stripSubjectFiller(parts: readonly string[]): string[] {
  return parts.filter((word) => !subjectFiller.has(word) && word !== "is" && word !== "are");
}

/** A requirement: `[subject] must|should|cannot|needs to … <verb> <rest>`. */
function fromRequirement(all: readonly string[]): string[] | undefined {
  let m = -1;
  for (let i = 0; i < Math.min(all.length, 5); i++) {
    const word = all[i]!;
    const next = all[i + 1];
    if (["must", "should", "shall", "can", "may"].includes(word) || negatedModals.has(word) || (["needs", "need", "has", "have"].includes(word) && next === "to")) {
      m = i;
      break;
    }
  }
  if (m < 0) return undefined;
  const modal = all[m]!;
  const subject = stripSubjectFiller(all.slice(0, m));
  let after = all.slice(m + 1);
  if (["needs", "need", "has", "have"].includes(modal)) after = after.slice(1);
  let negated = negatedModals.has(modal);
  if (after[0] === "not" || after[0] === "never") {
    negated = true;
    after = after.slice(1);
  }
  const only = after[0] === "only" && after.length > 1;
  if (only) after = after.slice(1);
  const [verb, ...rawRest] = after;
  if (verb === undefined || !/^[a-z]+$/.test(verb)) return undefined;
  const rest = [...(only ? ["only"] : []), ...content(rawRest)];
  if (verb === "be") return rest.length === 0 ? undefined : ["is", ...subject, ...(negated ? ["not"] : []), ...rest];
  if (negated) return [...subject, plural(subject) ? "do" : "does", "not", verb, ...rest];
  return [...subject, plural(subject) ? verb : thirdPerson(verb), ...rest];
}

/** A failure: `Invalid email`, `Email is invalid`, `Email is not valid`, `Not a valid email`. */
function fromFailure(all: readonly string[]): string[] | undefined {
  if (failureWords.has(all[0]!)) {
    const rest = stripSubjectFiller(all.slice(1));
    return rest.length === 0 ? undefined : ["is", "valid", ...rest];
  }
  const last = all[all.length - 1];
  if (last !== undefined && failureWords.has(last) && (all[all.length - 2] === "is" || all[all.length - 2] === "are")) {
    const subject = stripSubjectFiller(all.slice(0, -2));
    return subject.length === 0 ? undefined : ["is", "valid", ...subject];
  }
  const not = all.indexOf("not");
  if (not >= 0 && not <= 4) {
    let after = all.slice(not + 1);
    if (articles.has(after[0]!)) after = after.slice(1);
    if (after[0] !== "valid") return undefined;
    const named = [...stripSubjectFiller(all.slice(0, not)), ...stripSubjectFiller(after.slice(1))];
    return named.length === 0 ? undefined : ["is", "valid", ...named];
  }
  return undefined;
}

/** A denied verb: `Passwords do not match` → `passwordsMatch`, `Doesn't match the pattern` → `matchesPattern`. */
function fromDeniedVerb(all: readonly string[]): string[] | undefined {
  for (let i = 0; i < Math.min(all.length, 5); i++) {
    const word = all[i]!;
    const contracted = negatedAuxiliaries.has(word);
    if (!contracted && !(auxiliaries.has(word) && all[i + 1] === "not")) continue;
    const subject = stripSubjectFiller(all.slice(0, i));
    const [verb, ...rest] = all.slice(i + (contracted ? 1 : 2));
    if (verb === undefined || verb === "be") return undefined;
    // `Email does not match` → `emailMatches`; `Passwords do not match` → `passwordsMatch`.
    const pluralAuxiliary = word === "do" || word === "dont";
    const singular = subject.length === 0 || (!pluralAuxiliary && !plural(subject));
    return [...subject, singular ? thirdPerson(verb) : verb, ...content(rest)];
  }
  return undefined;
}

/** `Name is required` → `hasName`; `Email required` → `hasEmail`. */
function fromRequired(all: readonly string[]): string[] | undefined {
  if (all[all.length - 1] !== "required") return undefined;
  const subject = stripSubjectFiller(all.slice(0, -1));
  return subject.length === 0 ? undefined : ["has", ...subject];
}

/** `Too short`, `Name is too long`, `too many tags` → `isNotTooShort`, `isNameNotTooLong`, `isNotTooManyTags`. */
function fromExcess(all: readonly string[]): string[] | undefined {
  const too = all.indexOf("too");
  if (too < 0 || too > 4 || all[too + 1] === undefined) return undefined;
  return ["is", ...stripSubjectFiller(all.slice(0, too)), "not", "too", ...content(all.slice(too + 1))];
}

/** `Please enter a valid email` → `isValidEmail`; `Please select a country` → `hasCountry`. */
function fromRequest(all: readonly string[]): string[] | undefined {
  let index = all[0] === "please" ? 1 : 0;
  if (!requestVerbs.has(all[index]!)) return undefined;
  index++;
  let rest = all.slice(index).filter((word) => !subjectFiller.has(word) && !articles.has(word));
  while (rest[0] === "in" || rest[0] === "out" || rest[0] === "up") rest = rest.slice(1);
  if (rest.length === 0) return undefined;
  return rest[0] === "valid" ? ["is", ...rest] : ["has", ...rest];
}

/**
 * A short camelCase predicate name from a validation message, or undefined when the message does not
 * say clearly what holds when the check passes. Messages either state the requirement (`Must be a
 * positive number` → `isPositiveNumber`) or the failure (`Passwords do not match` → `passwordsMatch`,
 * `Invalid email` → `isValidEmail`); a bare failure without a negation (`Email taken`) is left alone,
 * since turning it into a name would state the opposite of what the check tests.
 */
export function nameFromMessage(message: string): string | undefined {
  const all = messageWords(message);
  if (!all || all.length === 0) return undefined;
  const parts = fromRequirement(all) ?? fromFailure(all) ?? fromDeniedVerb(all) ?? fromRequired(all) ?? fromExcess(all) ?? fromRequest(all);
  if (!parts) return undefined;
  const named = parts.filter((word) => word !== "");
  // Cut a long message at a phrase boundary (before `in`, `of`, …) within the word limit.
  let cut = Math.min(named.length, maxMessageWords);
  if (named.length > maxMessageWords) {
    for (let k = maxMessageWords; k >= 2; k--) {
      if (trailingFiller.has(named[k]!)) {
        cut = k;
        break;
      }
    }
  }
  const kept = named.slice(0, cut);
  const shorten = (): void => {
    while (kept.length > 2 && trailingFiller.has(kept[kept.length - 1]!)) kept.pop();
  };
  shorten();
  let name = camel(kept.join(" "));
  while (name.length > maxMessageName && kept.length > 2) {
    kept.pop();
    shorten();
    name = camel(kept.join(" "));
  }
  if (kept.length < 2 || name.length > maxMessageName || !/^[a-z][A-Za-z0-9]*$/.test(name) || reservedNames.has(name)) return undefined;
  return name;
}

// --- names from a check's own name -----------------------------------------------------------

/** Single words that read as a property of the value (`free` → `isFree`, not `isValidFree`). */
const adjectives = new Set(
  (
    "free unique positive negative required empty nonempty present defined safe strong secure future past adult even odd integer " +
    "finite numeric alphanumeric lowercase uppercase trimmed sorted distinct active enabled allowed available valid long short " +
    "new old same equal different known whole complete correct legal ascii latin"
  ).split(" "),
);
const adjectiveEnding = /(?:ive|able|ible|ous|less|ful|[^e]ed)$/;
/** Words a name starting with them already reads as a predicate (`has-items`, `no-spaces`). */
const predicateStarts = new Set(["is", "has", "can", "should", "are", "does", "do", "no", "not", "must", "allows", "only"]);
/** Verbs that end a test name (`passwords-match`, `email-exists`). */
const endingVerbs = new Set(["match", "matches", "exist", "exists", "equal", "equals", "contain", "contains", "differ", "differs", "overlap", "overlaps", "fits", "fit"]);

function isAdjective(word: string): boolean {
  return adjectives.has(word) || (word.length > 4 && adjectiveEnding.test(word));
}

/**
 * A predicate named by its check's own name: a test name reads as it is (`passwords-match`,
 * `is-adult`), with `is` before a property (`free`, `unique-email`) and `isValid` before a thing
 * (`email-domain`); a type's name (`Positive`, `DateFromString`) reads as a type guard.
 */
function predicateFromLabel(label: string): string {
  if (/^[A-Z][A-Za-z0-9]*$/.test(label)) return `is${label}`;
  const parts = words(label).map((word) => word.toLowerCase());
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  if (predicateStarts.has(first) || endingVerbs.has(last)) return camel(label);
  if (isAdjective(first) || isAdjective(last)) return camel(`is ${label}`);
  return `isValid${pascal(label)}`;
}

/** A message name for a non-predicate slot: `isPositive` → `checkPositive`, `hasName` → `validateName`. */
function verbFromMessage(verb: string, name: string): string {
  return `${verb}${name.replace(/^(?:is|has)(?=[A-Z0-9])/, "").replace(/^[a-z]/, (c) => c.toUpperCase())}`;
}

/** `(s) => s.trim()` → `trim`: a transform that is one method call on its parameter. */
function singleMethodOfParam(fn: TSESTree.Node): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.body.type === AST_NODE_TYPES.BlockStatement) return undefined;
  const param = fn.params[0];
  const body = unwrapExpression(fn.body);
  if (param?.type !== AST_NODE_TYPES.Identifier || body.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = body.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrapExpression(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== param.name) return undefined;
  return memberName(callee);
}

/** The key of an object-literal slot (`decode`, `encode`, `is`) the closure sits in, if any. */
function slotKey(fn: TSESTree.Node): string | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) return propertyKeyName(parent);
  return undefined;
}

const checkKinds: ReadonlySet<SlotSite["kind"]> = new Set(["predicate", "refinement", "validator"]);

function messageNameOf(site: SlotSite): string | undefined {
  const message = messageOf(site);
  return message === undefined ? undefined : nameFromMessage(message);
}

/** The name a hoisted closure or a withKey id gets, before de-duplication. */
export function baseNameFor(site: SlotSite): string {
  const labelled = labelOf(site);
  // A check's own name comes first; its message next; the fields it tests after that.
  const label = labelled?.fields === false ? labelled.text : undefined;
  const subject = labelled?.text ?? placeOf(site);
  const S = subject === undefined ? "" : pascal(subject);
  const key = slotKey(site.fn);
  if (key !== undefined && ["decode", "encode", "validator", "refiner", "coercer", "map", "adjust"].includes(key)) {
    return camel(`${key} ${S || "Value"}`);
  }
  // An option that already reads as a predicate names it (joi `{ isPresent }`).
  if (key !== undefined && site.kind === "predicate" && /^(?:is|has|can|should)[A-Z]/.test(key)) return key;
  const prefix = site.slot?.prefix;
  if (prefix !== undefined) return camel(`${prefix} ${S || "Condition"}`);
  // A check with no name of its own is named by its message when the message says what holds.
  const fromMessage = label === undefined && checkKinds.has(site.kind) ? messageNameOf(site) : undefined;
  switch (site.kind) {
    case "predicate": {
      if (label !== undefined) return predicateFromLabel(label);
      if (fromMessage !== undefined) return fromMessage;
      if (labelled?.fields) return `isValid${S}`;
      if (subject !== undefined && /^(is|has|can|should)[A-Z_-]/.test(subject)) return camel(subject);
      return `isValid${S}`;
    }
    case "refinement":
      return fromMessage !== undefined ? verbFromMessage("check", fromMessage) : `check${S || "Value"}`;
    case "validator":
      return fromMessage !== undefined ? verbFromMessage("validate", fromMessage) : `validate${S || "Value"}`;
    case "transform": {
      const method = singleMethodOfParam(site.fn);
      if (method !== undefined && /^[A-Za-z]\w*$/.test(method)) return camel(`${method} ${S || "Value"}`);
      return `transform${S || "Value"}`;
    }
    case "default":
      return `default${S || "Value"}`;
    case "message":
      return subject === undefined ? "messageFor" : `${camel(subject)}Message`;
    case "lazy":
    case "builder":
      return `build${S || "Schema"}`;
  }
}

/**
 * Qualifiers for a name that is taken already, best first: the field a named or messaged check sits
 * in (`ForEmail`), the function the closure is created in (`InSignupForm`), then the API it is passed
 * to (`ForRefine`).
 */
export function nameQualifiersFor(site: SlotSite): string[] {
  const qualifiers: string[] = [];
  // A name from the check's own name or message does not say where it sits: the field says it first
  // (`isRequiredForEmail` next to `isRequired`).
  const place = placeOf(site);
  if (place !== undefined && !baseNameFor(site).includes(pascal(place))) qualifiers.push(`For${pascal(place)}`);
  for (let node: TSESTree.Node | undefined = site.fn.parent; node; node = node.parent) {
    if (!isFunctionNode(node)) continue;
    const name =
      node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.id
        ? node.id.name
        : node.parent?.type === AST_NODE_TYPES.VariableDeclarator && node.parent.id.type === AST_NODE_TYPES.Identifier
          ? node.parent.id.name
          : undefined;
    if (name !== undefined) {
      qualifiers.push(`In${pascal(name)}`);
      break;
    }
  }
  qualifiers.push(`For${pascal(site.call.name)}`);
  return qualifiers;
}
