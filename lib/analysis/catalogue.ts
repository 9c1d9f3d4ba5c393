// The schema-API catalogue: which library calls take functions, in which argument, and what they
// are for. Data only — the analysis reads it, rules never test method names themselves.
// Each entry is checked against the library's .d.ts and sources; CONTRIBUTING.md ("Schema APIs") says
// what the entries encode and how to add a library.

/**
 * P predicate · R refinement (ctx/issue API) · V custom validator · T transform · D default or
 * fallback thunk · L lazy thunk (recursion) · B builder callback that returns a schema · M message.
 */
export type SlotKind =
  | "predicate"
  | "refinement"
  | "validator"
  | "transform"
  | "default"
  | "lazy"
  | "builder"
  | "message";

/** How often a thunk slot runs: once per schema (memoised) or on every parse. */
export type Runs = "once" | "every-parse";

export interface Slot {
  /** Argument index; -1 is the last argument; "*" is every argument. */
  readonly arg: number | "*";
  /** Function-valued properties of an object literal in that argument ("*" = every property). */
  readonly keys?: readonly string[] | "*";
  readonly kind: SlotKind;
  /** An inline closure here matters for caching when the call runs repeatedly. */
  readonly flag: boolean;
  /** For thunks (lazy, builder): how often the function runs once the schema exists. */
  readonly runs?: Runs;
  /**
   * Where the call names its check, for naming a hoisted closure: argument `arg` when it is a string
   * (and not the function itself), or property `key` of an object literal in that argument.
   */
  readonly label?: { readonly arg: number; readonly key?: string };
  /** Parameters of the slot function that receive a schema (yup `.when(k, (vals, schema) => …)`): traced as schemas. */
  readonly schemaParams?: readonly number[];
  /** The slot applies only when argument `arg` is one of these string literals (arktype `type(def, ":", fn)`). */
  readonly when?: { readonly arg: number; readonly values: readonly string[] };
}

/** Where a name is looked up: a member of the library namespace / a named export, or a method on a schema. */
export type ApiOn = "builder" | "method";

export interface ApiEntry {
  readonly names: readonly string[];
  readonly on: ApiOn | "both";
  readonly slots: readonly Slot[];
}

export type LibraryId =
  | "zod"
  | "valibot"
  | "yup"
  | "arktype"
  | "effect"
  | "joi"
  | "superstruct"
  | "io-ts"
  | "typebox";

export interface LibraryEntry {
  readonly id: LibraryId;
  readonly label: string;
  /** Module specifiers, exact. */
  readonly modules: readonly string[];
  /** Module specifier prefixes (`zod/` covers `zod/v4/mini`). */
  readonly modulePrefixes?: readonly string[];
  /** Named exports that are namespaces of builders (`import { z } from "zod"`). */
  readonly namespaceExports: readonly string[];
  /** Whether `import x from "lib"` (and `require("lib")`) is the namespace. */
  readonly defaultIsNamespace: boolean;
  /** `[def, ":", fn]` tuples inside definitions (arktype). */
  readonly tupleOperators?: Readonly<Record<string, { readonly kind: SlotKind; readonly flag: boolean }>>;
  readonly apis: readonly ApiEntry[];
  /** Packages besides `modules` whose declarations make a type belong to the library (type-aware tracing). */
  readonly typePackages?: readonly string[];
  /** Calls whose result is data, not a schema (`parse`, `validate`): tracing stops there. */
  readonly terminals?: readonly string[];
  /**
   * Barrel modules that also re-export unrelated modules (`effect` exports `Stream`, `Array`, `Effect`
   * next to `Schema`): only their `namespaceExports` lead to schemas, so `Stream.filter(fn)` stays silent.
   */
  readonly barrelModules?: readonly string[];
  /**
   * Modules of the library whose exports take a schema and return data (`Value.Decode(T, x)` from
   * `@sinclair/typebox/value` decodes a value; `Type.Decode(T, fn)` builds a schema): not traced.
   */
  readonly dataModules?: readonly string[];
}

const P = "predicate";
const R = "refinement";
const V = "validator";
const T = "transform";
const D = "default";
const L = "lazy";
const B = "builder";
const M = "message";

const decodeEncode = ["decode", "encode"] as const;

export const catalogue: readonly LibraryEntry[] = [
  {
    id: "zod",
    label: "zod",
    modules: ["zod"],
    modulePrefixes: ["zod/"],
    typePackages: ["@zod/core", "@zod/mini"],
    namespaceExports: ["z", "core"],
    defaultIsNamespace: true,
    terminals: ["parse", "safeParse", "parseAsync", "safeParseAsync", "spa", "decode", "encode", "safeDecode", "safeEncode", "decodeAsync", "encodeAsync", "safeDecodeAsync", "safeEncodeAsync", "toJSONSchema", "treeifyError", "prettifyError", "flattenError", "formatError", "isValid"],
    apis: [
      { names: ["refine"], on: "both", slots: [{ arg: 0, kind: P, flag: true }, { arg: 1, keys: ["when"], kind: P, flag: true }] },
      { names: ["custom"], on: "builder", slots: [{ arg: 0, kind: P, flag: true }, { arg: 1, keys: ["when"], kind: P, flag: true }] },
      { names: ["superRefine", "check", "with"], on: "both", slots: [{ arg: "*", kind: R, flag: true }] },
      { names: ["refinement"], on: "method", slots: [{ arg: 0, kind: P, flag: true }] }, // zod 3
      { names: ["transform", "overwrite"], on: "both", slots: [{ arg: 0, kind: T, flag: true }] },
      { names: ["preprocess"], on: "builder", slots: [{ arg: 0, kind: T, flag: true }] },
      { names: ["codec"], on: "builder", slots: [{ arg: 2, keys: decodeEncode, kind: T, flag: true }] },
      { names: ["default", "prefault", "catch"], on: "both", slots: [{ arg: 0, kind: D, flag: false }] },
      { names: ["lazy"], on: "builder", slots: [{ arg: 0, kind: L, flag: false, runs: "once" }] },
    ],
  },
  {
    id: "valibot",
    label: "valibot",
    modules: ["valibot"],
    namespaceExports: [],
    defaultIsNamespace: false,
    terminals: ["parse", "safeParse", "parseAsync", "safeParseAsync", "is", "assert", "getDefault", "getDefaults", "getFallback", "getFallbacks", "flatten", "summarize"],
    apis: [
      {
        names: ["check", "checkAsync", "guard", "custom", "customAsync", "checkItems", "checkItemsAsync", "someItem", "everyItem"],
        on: "builder",
        slots: [{ arg: 0, kind: P, flag: true }],
      },
      { names: ["partialCheck", "partialCheckAsync"], on: "builder", slots: [{ arg: 1, kind: P, flag: true }] },
      { names: ["rawCheck", "rawCheckAsync"], on: "builder", slots: [{ arg: 0, kind: R, flag: true }] },
      {
        names: ["transform", "transformAsync", "rawTransform", "rawTransformAsync", "mapItems", "filterItems", "findItem", "sortItems", "reduceItems"],
        on: "builder",
        slots: [{ arg: 0, kind: T, flag: true }],
      },
      { names: ["lazy", "lazyAsync"], on: "builder", slots: [{ arg: 0, kind: B, flag: false, runs: "every-parse" }] },
      {
        names: ["optional", "optionalAsync", "nullable", "nullableAsync", "nullish", "nullishAsync", "undefinedable", "exactOptional", "fallback", "fallbackAsync"],
        on: "builder",
        slots: [{ arg: 1, kind: D, flag: false }],
      },
    ],
  },
  {
    id: "yup",
    label: "yup",
    modules: ["yup"],
    namespaceExports: [],
    defaultIsNamespace: true,
    terminals: ["validate", "validateSync", "validateAt", "validateSyncAt", "isValid", "isValidSync", "cast", "describe", "getDefault", "isType"],
    apis: [
      {
        names: ["test"],
        on: "method",
        slots: [
          { arg: -1, kind: P, flag: true, label: { arg: 0, key: "name" } },
          { arg: 0, keys: ["test"], kind: P, flag: true, label: { arg: 0, key: "name" } },
        ],
      },
      { names: ["transform", "transformKeys"], on: "method", slots: [{ arg: 0, kind: T, flag: true }] },
      { names: ["compact"], on: "method", slots: [{ arg: 0, kind: P, flag: true }] },
      {
        names: ["when"],
        on: "method",
        slots: [
          { arg: 1, keys: ["is"], kind: P, flag: true },
          { arg: 1, keys: ["then", "otherwise"], kind: B, flag: false, runs: "every-parse", schemaParams: [0] },
          { arg: 1, kind: B, flag: false, runs: "every-parse", schemaParams: [1] },
        ],
      },
      { names: ["mixed"], on: "builder", slots: [{ arg: 0, kind: P, flag: true }, { arg: 0, keys: ["check"], kind: P, flag: true }] },
      { names: ["ref"], on: "builder", slots: [{ arg: 1, keys: ["map"], kind: T, flag: true }] },
      { names: ["lazy"], on: "builder", slots: [{ arg: 0, kind: B, flag: false, runs: "every-parse" }] },
      { names: ["default"], on: "method", slots: [{ arg: 0, kind: D, flag: false }] },
    ],
  },
  {
    id: "arktype",
    label: "arktype",
    modules: ["arktype"],
    modulePrefixes: ["arktype/"],
    typePackages: ["@ark/schema", "@ark/type", "@ark/util"],
    namespaceExports: [],
    defaultIsNamespace: false,
    terminals: ["assert", "allows", "from", "toJsonSchema", "describe"],
    tupleOperators: { ":": { kind: P, flag: true }, "=>": { kind: T, flag: true }, "=": { kind: D, flag: true } },
    apis: [
      {
        names: ["type"],
        on: "builder",
        slots: [
          { arg: 2, when: { arg: 1, values: [":"] }, kind: P, flag: true },
          { arg: 2, when: { arg: 1, values: ["=>"] }, kind: T, flag: true },
        ],
      },
      { names: ["narrow", "filter"], on: "method", slots: [{ arg: 0, kind: P, flag: true }] },
      { names: ["pipe", "morph", "try"], on: "both", slots: [{ arg: "*", kind: T, flag: true }] },
      { names: ["default"], on: "method", slots: [{ arg: 0, kind: D, flag: true }] },
      { names: ["configure"], on: "method", slots: [{ arg: 0, keys: ["message", "expected", "actual", "problem"], kind: M, flag: true }] },
      { names: ["match"], on: "builder", slots: [{ arg: 0, keys: "*", kind: T, flag: true }] },
      { names: ["case"], on: "both", slots: [{ arg: 1, kind: T, flag: true }] },
      { names: ["match"], on: "method", slots: [{ arg: 0, keys: "*", kind: T, flag: true }] },
    ],
  },
  {
    id: "effect",
    label: "effect Schema",
    modules: ["effect", "@effect/schema"],
    modulePrefixes: ["effect/Schema", "@effect/schema/"],
    namespaceExports: ["Schema", "SchemaGetter", "SchemaTransformation", "ParseResult"],
    defaultIsNamespace: false,
    barrelModules: ["effect"],
    terminals: ["decodeUnknown", "decodeUnknownSync", "decodeUnknownEither", "decodeUnknownPromise", "decodeUnknownOption", "decodeUnknownExit", "decodeUnknownEffect", "decode", "decodeSync", "decodeEither", "decodePromise", "decodeOption", "decodeExit", "decodeEffect", "encode", "encodeSync", "encodeEither", "encodePromise", "encodeUnknown", "encodeUnknownSync", "encodeUnknownEither", "encodeUnknownPromise", "encodeEffect", "validate", "validateSync", "validateEither", "validatePromise", "is", "asserts", "make", "makeUnsafe"],
    apis: [
      { names: ["filter", "declare", "refine", "makeFilter"], on: "builder", slots: [{ arg: 0, kind: P, flag: true }] },
      { names: ["declare"], on: "builder", slots: [{ arg: 1, keys: decodeEncode, kind: V, flag: true }] },
      { names: ["filterEffect", "checkEffect"], on: "builder", slots: [{ arg: 0, kind: R, flag: true }] },
      // effect 3 (and @effect/schema)
      {
        names: ["transform", "transformOrFail", "optionalToRequired", "requiredToOptional", "optionalToOptional"],
        on: "builder",
        slots: [{ arg: 2, keys: decodeEncode, kind: T, flag: true }],
      },
      // effect 4 (SchemaGetter, SchemaTransformation)
      {
        names: ["transform", "transformOrFail", "transformOptional", "transformEffect", "middlewareDecoding", "middlewareEncoding", "catchDecoding", "catchEncoding"],
        on: "builder",
        slots: [{ arg: 0, kind: T, flag: true }, { arg: 0, keys: decodeEncode, kind: T, flag: true }],
      },
      { names: ["suspend"], on: "builder", slots: [{ arg: 0, kind: L, flag: false, runs: "once" }] },
    ],
  },
  {
    id: "joi",
    label: "joi",
    modules: ["joi"],
    namespaceExports: [],
    defaultIsNamespace: true,
    terminals: ["validate", "validateAsync", "attempt", "assert", "describe", "isSchema"],
    apis: [
      { names: ["custom", "external"], on: "both", slots: [{ arg: 0, kind: V, flag: true }] },
      { names: ["unique"], on: "method", slots: [{ arg: 0, kind: P, flag: true }] },
      { names: ["ref", "expression", "x", "in"], on: "builder", slots: [{ arg: 1, keys: ["adjust"], kind: T, flag: true }] },
      { names: ["default"], on: "method", slots: [{ arg: 0, kind: D, flag: false }] },
    ],
  },
  {
    id: "superstruct",
    label: "superstruct",
    modules: ["superstruct"],
    namespaceExports: [],
    defaultIsNamespace: false,
    terminals: ["assert", "create", "is", "mask", "validate"],
    apis: [
      { names: ["refine"], on: "builder", slots: [{ arg: 2, kind: R, flag: true, label: { arg: 1 } }] },
      { names: ["define"], on: "builder", slots: [{ arg: 1, kind: V, flag: true, label: { arg: 0 } }] },
      { names: ["coerce"], on: "builder", slots: [{ arg: 2, kind: T, flag: true }] },
      { names: ["Struct"], on: "builder", slots: [{ arg: 0, keys: ["validator", "refiner", "coercer"], kind: V, flag: true }] },
      { names: ["dynamic"], on: "builder", slots: [{ arg: 0, kind: B, flag: false, runs: "every-parse" }] },
      { names: ["lazy"], on: "builder", slots: [{ arg: 0, kind: L, flag: false, runs: "once" }] },
      { names: ["defaulted"], on: "builder", slots: [{ arg: 1, kind: D, flag: false }] },
    ],
  },
  {
    id: "io-ts",
    label: "io-ts",
    modules: ["io-ts"],
    modulePrefixes: ["io-ts/"],
    namespaceExports: [],
    defaultIsNamespace: true,
    terminals: ["decode", "encode", "is", "validate"],
    apis: [
      { names: ["brand", "refinement"], on: "builder", slots: [{ arg: 1, kind: P, flag: true }] },
      { names: ["refine"], on: "builder", slots: [{ arg: 0, kind: P, flag: true }] },
      { names: ["parse"], on: "builder", slots: [{ arg: 0, kind: V, flag: true }] },
      { names: ["map", "contramap"], on: "builder", slots: [{ arg: 0, kind: T, flag: true }] },
      {
        names: ["Type"],
        on: "builder",
        slots: [{ arg: 1, kind: P, flag: true }, { arg: 2, kind: V, flag: true }, { arg: 3, kind: T, flag: true }],
      },
      { names: ["recursion"], on: "builder", slots: [{ arg: 1, kind: L, flag: false, runs: "once" }] },
      { names: ["lazy"], on: "builder", slots: [{ arg: 1, kind: L, flag: false, runs: "once" }] },
    ],
  },
  {
    id: "typebox",
    label: "TypeBox",
    modules: ["@sinclair/typebox", "typebox"],
    modulePrefixes: ["@sinclair/typebox/", "typebox/"],
    namespaceExports: ["Type"],
    defaultIsNamespace: true,
    terminals: ["Check", "Parse", "Errors", "Clean", "Default", "Compile", "Cast", "Create", "Assert"],
    dataModules: ["@sinclair/typebox/value", "typebox/value"],
    apis: [
      { names: ["Decode", "Encode"], on: "method", slots: [{ arg: 0, kind: T, flag: true }] },
      // typebox 1.x
      { names: ["Decode", "Encode"], on: "builder", slots: [{ arg: 1, kind: T, flag: true }] },
      { names: ["Refine"], on: "builder", slots: [{ arg: 1, kind: P, flag: true }, { arg: 2, kind: M, flag: false }] },
      { names: ["Recursive"], on: "builder", slots: [{ arg: 0, kind: L, flag: false, runs: "once" }] },
    ],
  },
];

/** The library a module specifier belongs to, honouring the user's module map first. */
export function libraryForModule(specifier: string, modules?: Readonly<Record<string, string>>): LibraryEntry | undefined {
  const mapped = modules?.[specifier];
  if (mapped !== undefined) {
    return catalogue.find((library) => library.id === mapped || library.modules.includes(mapped));
  }
  return catalogue.find(
    (library) =>
      library.modules.includes(specifier) || (library.modulePrefixes ?? []).some((prefix) => specifier.startsWith(prefix)),
  );
}

type Index = Map<string, Slot[]>;
const indexes = new Map<LibraryId, { builder: Index; method: Index }>();

function buildIndex(library: LibraryEntry): { builder: Index; method: Index } {
  const builder: Index = new Map();
  const method: Index = new Map();
  for (const api of library.apis) {
    for (const name of api.names) {
      for (const target of api.on === "both" ? [builder, method] : [api.on === "builder" ? builder : method]) {
        target.set(name, [...(target.get(name) ?? []), ...api.slots]);
      }
    }
  }
  return { builder, method };
}

/** Function slots of `name` in `library`, looked up as a builder (namespace member) or a method. */
export function slotsOf(library: LibraryEntry, on: ApiOn, name: string): readonly Slot[] | undefined {
  let index = indexes.get(library.id);
  if (!index) {
    index = buildIndex(library);
    indexes.set(library.id, index);
  }
  return index[on].get(name);
}

const kindNames: Record<SlotKind, string> = {
  predicate: "predicate",
  refinement: "refinement",
  validator: "validator",
  transform: "transform",
  default: "default thunk",
  lazy: "lazy thunk",
  builder: "schema builder",
  message: "message function",
};

export function describeKind(kind: SlotKind): string {
  return kindNames[kind];
}

/** Every module specifier the catalogue knows, plus the mapped ones: the prefilter's vocabulary. */
export function knownModuleSpecifiers(modules?: Readonly<Record<string, string>>): string[] {
  return [
    ...catalogue.flatMap((library) => [...library.modules, ...(library.modulePrefixes ?? [])]),
    ...Object.keys(modules ?? {}),
  ];
}
