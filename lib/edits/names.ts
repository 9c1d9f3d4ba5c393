// Names for hoisted constants and withKey ids: derived from context (`isValidAge`, `trimName`),
// deterministic, never colliding with anything in the file, never a reserved word or common global.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, isTransparentWrapper, memberName, propertyKeyName, stringLiteralValue, unwrapExpression } from "../analysis/ast.js";
import { nearestFunction } from "../analysis/bindings.js";
import { plainName } from "../analysis/repetition.js";
import type { SchemaExpression } from "../analysis/schema-expressions.js";
import type { SlotSite } from "../analysis/trace.js";
import { nameFromMessage } from "./message-names.js";
import { camel, pascal, reservedNames, words } from "./words.js";

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

/** The name a hoisted schema starts from: the variable it was assigned to, a property key, or the enclosing function. */
export function schemaBaseName(expression: SchemaExpression): string {
  const suffix = expression.kind === "compile" && expression.compiler?.on === "call" ? "Validator" : "Schema";
  let node: TSESTree.Node = expression.node;
  while (node.parent && isTransparentWrapper(node.parent, node)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const name = parent.id.name;
    if (name.length > 1 && !/^(?:schema|validator|validate|type)$/i.test(name)) return /(?:Schema|Validator|Type|Struct|Codec)$/.test(name) ? name : `${name}${suffix}`;
  }
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) {
    const key = propertyKeyName(parent);
    if (key !== undefined && key.length > 1 && !/^(?:schema|resolver|validationSchema|validate|validator)$/i.test(key)) return camel(`${key} ${suffix}`);
  }
  const fn = nearestFunction(expression.node);
  const fnName = fn ? plainName(fn) : undefined;
  if (fnName !== undefined) return camel(`${fnName.replace(/^(?:handle|get|use|on|create|build|make)(?=[A-Z])/, "")} ${suffix}`);
  return camel(suffix);
}
