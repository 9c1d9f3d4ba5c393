// Names for hoisted constants and withKey ids: derived from context (`isValidAge`, `trimName`),
// deterministic, never colliding with anything in the file, never a reserved word or common global.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, isTransparentWrapper, memberName, propertyKeyName, stringLiteralValue, unwrapExpression } from "../analysis/ast.js";
import { nearestFunction } from "../analysis/bindings.js";
import { plainName } from "../analysis/repetition.js";
import type { SchemaExpression } from "../analysis/schema-expressions.js";
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

/** The thing the closure is about: the check's own name, an object key, a variable. */
function subjectOf(site: SlotSite): string | undefined {
  const call = site.call.node;
  // The call's own name for its check (catalogue `label`): yup `.test("is-adult", …)`, `.test({ name })`.
  const label = site.slot?.label;
  const labelled = label ? call.arguments[label.arg] : undefined;
  if (label && labelled && unwrapExpression(labelled) !== site.fn) {
    const direct = stringLiteralValue(labelled);
    if (direct !== undefined) return direct;
    const options = unwrapExpression(labelled);
    // yup `.when(["country", "zip"], { is })`: the fields the condition tests.
    if (options.type === AST_NODE_TYPES.ArrayExpression) {
      const names = options.elements.map((element) => (element ? stringLiteralValue(element) : undefined));
      if (names.length > 0 && names.every((name) => name !== undefined)) return names.join(" ");
    }
    if (label.key !== undefined && options.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of options.properties) {
        if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === label.key) {
          const value = stringLiteralValue(property.value);
          if (value !== undefined) return value;
        }
      }
    }
  }
  // Walk out from the closure: the nearest object key or variable names what it is about. The
  // property the closure itself sits in (`test:`, `decode:`) is a slot, not a subject.
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

/** The name a hoisted closure or a withKey id gets, before de-duplication. */
export function baseNameFor(site: SlotSite): string {
  const subject = subjectOf(site);
  const S = subject === undefined ? "" : pascal(subject);
  const key = slotKey(site.fn);
  if (key !== undefined && ["decode", "encode", "validator", "refiner", "coercer", "map", "adjust"].includes(key)) {
    return camel(`${key} ${S || "Value"}`);
  }
  const prefix = site.slot?.prefix;
  if (prefix !== undefined) return camel(`${prefix} ${S || "Condition"}`);
  switch (site.kind) {
    case "predicate": {
      if (subject !== undefined && /^(is|has|can|should)[A-Z_-]/.test(subject)) return camel(subject);
      return `isValid${S}`;
    }
    case "refinement":
      return `check${S || "Value"}`;
    case "validator":
      return `validate${S || "Value"}`;
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
 * Qualifiers for a name that is taken already, best first: the function the closure is created in
 * (`InSignupForm`), then the API it is passed to (`ForRefine`).
 */
export function nameQualifiersFor(site: SlotSite): string[] {
  const qualifiers: string[] = [];
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
