// Names from a check's failure message: `"Must be a positive number"` → `isPositiveNumber`,
// `"Passwords do not match"` → `passwordsMatch`. Only messages whose phrasing says what holds when the
// check passes are used; a bare failure (`"Email taken"`) gives no name.
import { camel, reservedNames, words } from "./words.js";

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
