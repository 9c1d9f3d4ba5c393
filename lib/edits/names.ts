// Names for hoisted constants and withKey ids: derived from context (`isValidAge`, `trimName`),
// deterministic, never colliding with anything in the file, never a reserved word or common global.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { isFunctionNode, memberName, propertyKeyName, stringLiteralValue, unwrapExpression } from "../analysis/ast.js";
import type { SlotSite } from "../analysis/trace.js";

const reserved = new Set(
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

export class NameRegistry {
  private readonly taken: Set<string>;
  private readonly ids: Set<string>;
  /** Per base, the first suffix not tried yet: names are only ever added, so the ones below it stay taken. */
  private readonly nextSuffix = new Map<string, number>();

  constructor(ast: TSESTree.Program, existingIds: Iterable<string> = []) {
    this.taken = usedNames(ast);
    this.ids = new Set(existingIds);
  }

  /** A fresh identifier based on `base`: `base`, `base2`, `base3`… */
  identifier(base: string): string {
    const root = reserved.has(base) ? `${base}Fn` : base;
    return this.fresh(`identifier:${root}`, root, (candidate) => !this.taken.has(candidate) && !reserved.has(candidate), this.taken);
  }

  /** A withKey id unique in the module. */
  id(base: string): string {
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

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function pascal(text: string): string {
  return words(text)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

function camel(text: string): string {
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
