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
  /**
   * Where the call carries the message shown when the check fails, for naming a hoisted closure when no
   * label names it (`.refine(fn, "Must be positive")` → `isPositive`): argument `arg` as a string, or one
   * of `keys` of an object literal there; `callable` also reads an arrow that returns a string
   * (`() => "…"`, valibot and TypeBox message functions); `chained` reads `.message("…")` called on the
   * call's result (joi). Never the function itself.
   */
  readonly message?: {
    readonly arg?: number;
    readonly keys?: readonly string[];
    readonly callable?: boolean;
    readonly chained?: readonly string[];
  };
  /** Parameters of the slot function that receive a schema (yup `.when(k, (vals, schema) => …)`): traced as schemas. */
  readonly schemaParams?: readonly number[];
  /**
   * The word a hoisted name starts with instead of the kind's (`when` for a yup condition: `whenNewsletter`
   * tests the `newsletter` field, while `isValid…` would claim it validates the field it sits in).
   */
  readonly prefix?: string;
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

/**
 * Where a built schema keeps the function of a slot when the runtime's structural comparison
 * (lib/runtime/stability.ts) cannot see it in the schema's plain data: the stability checks are
 * generated from these entries (scripts/gen-runtime-slots.mjs → lib/runtime/hidden-slots.ts).
 */
export interface BuiltForm {
  /** The API names (of this library's `apis`) whose slot function ends up here. */
  readonly apis: readonly string[];
  /** Path from a schema node to the object the match is read from (zod: its `_zod.def`). */
  readonly node: readonly string[];
  /** Own data properties of that object that identify the form. */
  readonly match: Readonly<Record<string, string>>;
  /** Own properties that must be absent (a zod custom check with `fn` is a refine, seen in the def). */
  readonly absent?: readonly string[];
  /**
   * What to compare. "function": the function at `path` from the schema node (the same object or
   * the same withKey key is stable). "getter": the value of the accessor `path` on the matched
   * object (read as the library reads it on every parse).
   */
  readonly compare: { readonly as: "function" | "getter"; readonly path: readonly string[] };
  /** Said when the builds differ there. */
  readonly note: string;
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
  | "typebox"
  | "ajv";

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
  /** Slot functions that built schemas hold out of sight of a structural comparison (see BuiltForm). */
  readonly built?: readonly BuiltForm[];
  /** What counts as building a schema (`no-schema-in-function`); absent = every builder and method call does. */
  readonly construction?: Construction;
  /** Calls that compile a schema or create a validator instance, costly to repeat (`no-schema-in-function`). */
  readonly compilers?: readonly Compiler[];
}

export interface Construction {
  /** Builder and method calls build schemas (false for ajv: only its compilers cost anything). */
  readonly builds: boolean;
  /** Calls that configure the library or read a schema, never a construction (`z.config`, `yup.setLocale`). */
  readonly except?: readonly string[];
  /** A regular expression for names that are never constructions (TypeBox guards `IsString`, `IsObject`, …). */
  readonly exceptPattern?: string;
  /** Namespace exports whose calls are not schemas (effect's `ParseResult.fail`, `SchemaGetter.transform`). */
  readonly exceptNamespaces?: readonly string[];
  /**
   * Calls that register the schema somewhere (zod `.register(r, …)`, `.meta({ id })`): built once instead of per call,
   * the registry sees one entry instead of many, so hoisting them is a suggestion, never an autofix.
   */
  readonly registrations?: readonly { readonly name: string; readonly key?: { readonly arg: number; readonly name: string } }[];
}

export interface Compiler {
  readonly names: readonly string[];
  /** `new Ajv()` or a call (`ajv.compile(s)`, `TypeCompiler.Compile(s)`, `Compile(s)`). */
  readonly on: "new" | "call";
  /**
   * What the call returns: an `instance` is traced further (`ajv.compile` on it is a schema call), a
   * `validator` is data (its `Check`, `Decode` are uses).
   */
  readonly result: "instance" | "validator";
  /**
   * The argument holding the schema when the library caches compiled schemas by its identity (ajv): reported only
   * when that argument is fresh (an object literal, or a value built in the same function). Absent: always reported.
   */
  readonly freshArg?: number;
  /** How the message names it. */
  readonly label: string;
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
/** zod's message: `.refine(fn, "…")`, `{ message: "…" }` (deprecated) or `{ error: "…" }`. */
const zodMessage = { arg: 1, keys: ["message", "error"] } as const;
/** arktype's error-message functions in meta (`.configure`, `type(def, "@", meta)`). */
const arktypeMessageKeys = ["message", "expected", "actual", "problem"] as const;

export const catalogue: readonly LibraryEntry[] = [
  {
    id: "zod",
    label: "zod",
    modules: ["zod"],
    modulePrefixes: ["zod/"],
    typePackages: ["@zod/core", "@zod/mini"],
    namespaceExports: ["z", "core"],
    defaultIsNamespace: true,
    construction: {
      builds: true,
      except: ["config", "registry", "locales", "setErrorMap", "getErrorMap", "ZodError", "isOptional", "isNullable", "unwrap", "clone"],
      registrations: [{ name: "register" }, { name: "meta", key: { arg: 0, name: "id" } }],
    },
    terminals: ["parse", "safeParse", "parseAsync", "safeParseAsync", "spa", "decode", "encode", "safeDecode", "safeEncode", "decodeAsync", "encodeAsync", "safeDecodeAsync", "safeEncodeAsync", "toJSONSchema", "treeifyError", "prettifyError", "flattenError", "formatError", "isValid", "validate", "validateAsync"],
    apis: [
      // `.refine(fn, "message" | { message, error, when, path, abort, params })`; `error` may also be a message function.
      { names: ["refine"], on: "both", slots: [{ arg: 0, kind: P, flag: true, message: zodMessage }, { arg: 1, keys: ["when"], kind: P, flag: true }] },
      { names: ["custom"], on: "builder", slots: [{ arg: 0, kind: P, flag: true, message: zodMessage }, { arg: 1, keys: ["when"], kind: P, flag: true }] },
      { names: ["superRefine", "check", "with"], on: "both", slots: [{ arg: "*", kind: R, flag: true }] },
      // `.superRefine(fn, { when })` (4.x), `z.check(fn, { when })` (mini).
      { names: ["superRefine", "check"], on: "both", slots: [{ arg: 1, keys: ["when"], kind: P, flag: true }] },
      // `z.stringFormat("sku", fn, params?)`: a custom string format checked by `fn`.
      { names: ["stringFormat"], on: "builder", slots: [{ arg: 1, kind: P, flag: true, label: { arg: 0 } }] },
      // Formats whose params keep the check def's `when` (the other built-in checks omit it).
      { names: ["int64", "uint64", "instanceof"], on: "builder", slots: [{ arg: -1, keys: ["when"], kind: P, flag: true }] },
      // `z.withParser(schema, parser)` (4.6): a clone whose fast path runs `parser` on every parse.
      { names: ["withParser"], on: "builder", slots: [{ arg: 1, kind: V, flag: true }] },
      { names: ["refinement"], on: "method", slots: [{ arg: 0, kind: P, flag: true, message: { arg: 1, keys: ["message"] } }] }, // zod 3
      // zod 3 `z.effect(schema, { type: "refinement", refinement })` / `z.transformer(schema, { type: "transform", transform })`.
      {
        names: ["effect", "transformer"],
        on: "builder",
        slots: [{ arg: 1, keys: ["refinement"], kind: R, flag: true }, { arg: 1, keys: ["transform"], kind: T, flag: true }],
      },
      { names: ["transform", "overwrite"], on: "both", slots: [{ arg: 0, kind: T, flag: true }] },
      { names: ["preprocess"], on: "builder", slots: [{ arg: 0, kind: T, flag: true }] },
      { names: ["codec"], on: "builder", slots: [{ arg: 2, keys: decodeEncode, kind: T, flag: true }] },
      { names: ["default", "prefault", "catch"], on: "method", slots: [{ arg: 0, kind: D, flag: false }] },
      // `z._default(inner, fn)`, `z.prefault(inner, fn)`, `z.catch(inner, fn)`: the thunk comes second.
      { names: ["_default", "prefault", "catch"], on: "builder", slots: [{ arg: 1, kind: D, flag: false }] },
      { names: ["lazy"], on: "builder", slots: [{ arg: 0, kind: L, flag: false, runs: "once" }] },
      // `.apply((schema) => …)` calls the function at once with the schema (4.x).
      { names: ["apply"], on: "method", slots: [{ arg: 0, kind: B, flag: false, runs: "once", schemaParams: [0] }] },
    ],
    built: [
      {
        apis: ["superRefine", "check", "with"],
        node: ["_zod", "def"],
        match: { check: "custom" },
        absent: ["fn"],
        compare: { as: "function", path: ["_zod", "check"] },
        note: "a zod custom check runs the function in `_zod.check` (superRefine wraps it in a closure created on every build, so such builds never compare equal: build the schema once)",
      },
      {
        apis: ["default"],
        node: ["_zod", "def"],
        match: { type: "default" },
        compare: { as: "getter", path: ["defaultValue"] },
        note: "zod default values",
      },
      {
        apis: ["prefault"],
        node: ["_zod", "def"],
        match: { type: "prefault" },
        compare: { as: "getter", path: ["defaultValue"] },
        note: "zod prefault values",
      },
    ],
  },
  {
    id: "valibot",
    label: "valibot",
    modules: ["valibot"],
    namespaceExports: [],
    defaultIsNamespace: false,
    construction: {
      builds: true,
      except: ["setGlobalConfig", "getGlobalConfig", "deleteGlobalConfig", "setGlobalMessage", "getGlobalMessage", "deleteGlobalMessage", "setSchemaMessage", "getSchemaMessage", "deleteSchemaMessage", "setSpecificMessage", "getSpecificMessage", "deleteSpecificMessage", "getDotPath", "isOfKind", "isOfType", "isValiError", "ValiError", "unwrap"],
    },
    terminals: ["parse", "safeParse", "parseAsync", "safeParseAsync", "is", "assert", "getDefault", "getDefaults", "getFallback", "getFallbacks", "flatten", "summarize"],
    apis: [
      {
        names: ["check", "checkAsync", "guard", "custom", "customAsync", "checkItems", "checkItemsAsync", "someItem", "everyItem"],
        on: "builder",
        slots: [{ arg: 0, kind: P, flag: true, message: { arg: 1, callable: true } }],
      },
      // `partialCheck(paths, fn, message)`: the paths name the fields the check reads.
      { names: ["partialCheck", "partialCheckAsync"], on: "builder", slots: [{ arg: 1, kind: P, flag: true, label: { arg: 0 }, message: { arg: 2, callable: true } }] },
      { names: ["rawCheck", "rawCheckAsync"], on: "builder", slots: [{ arg: 0, kind: R, flag: true }] },
      {
        names: ["transform", "transformAsync", "rawTransform", "rawTransformAsync", "mapItems", "filterItems", "findItem", "sortItems", "reduceItems"],
        on: "builder",
        slots: [{ arg: 0, kind: T, flag: true }],
      },
      // `v.parseJson({ reviver })`, `v.stringifyJson({ replacer })`: called on every parse.
      { names: ["parseJson", "stringifyJson"], on: "builder", slots: [{ arg: 0, keys: ["reviver", "replacer"], kind: T, flag: true }] },
      { names: ["lazy", "lazyAsync"], on: "builder", slots: [{ arg: 0, kind: B, flag: false, runs: "every-parse" }] },
      {
        names: ["optional", "optionalAsync", "nullable", "nullableAsync", "nullish", "nullishAsync", "undefinedable", "exactOptional", "fallback", "fallbackAsync"],
        on: "builder",
        slots: [{ arg: 1, kind: D, flag: false }],
      },
    ],
    built: [
      {
        apis: ["rawCheck", "rawCheckAsync"],
        node: [],
        match: { type: "raw_check" },
        compare: { as: "function", path: ["~run"] },
        note: "valibot keeps a rawCheck function inside `~run`, a closure created on every build, so such builds never compare equal (build the schema once)",
      },
      {
        apis: ["rawTransform", "rawTransformAsync"],
        node: [],
        match: { type: "raw_transform" },
        compare: { as: "function", path: ["~run"] },
        note: "valibot keeps a rawTransform function inside `~run`, a closure created on every build, so such builds never compare equal (build the schema once)",
      },
    ],
  },
  {
    id: "yup",
    label: "yup",
    modules: ["yup"],
    namespaceExports: [],
    defaultIsNamespace: true,
    construction: { builds: true, except: ["setLocale", "addMethod", "reach", "getIn", "isSchema", "ValidationError", "printValue"] },
    terminals: ["validate", "validateSync", "validateAt", "validateSyncAt", "isValid", "isValidSync", "cast", "describe", "getDefault", "isType"],
    apis: [
      {
        names: ["test"],
        on: "method",
        slots: [
          // test(fn), test(name, fn), test(name, message, fn); the message may be a function of the params.
          { arg: -1, kind: P, flag: true, label: { arg: 0, key: "name" }, message: { arg: 1, callable: true } },
          { arg: 0, keys: ["test"], kind: P, flag: true, label: { arg: 0, key: "name" }, message: { arg: 0, keys: ["message"], callable: true } },
        ],
      },
      { names: ["transform", "transformKeys"], on: "method", slots: [{ arg: 0, kind: T, flag: true }] },
      { names: ["compact"], on: "method", slots: [{ arg: 0, kind: P, flag: true }] },
      {
        // yup 1.x overloads: when(builder), when(keys, builder), when({ is, then, otherwise }),
        // when(keys, { is, then, otherwise }). `is` tests the fields named by `keys`.
        names: ["when"],
        on: "method",
        slots: [
          { arg: 1, keys: ["is"], kind: P, flag: true, label: { arg: 0 }, prefix: "when" },
          { arg: 1, keys: ["then", "otherwise"], kind: B, flag: false, runs: "every-parse", schemaParams: [0] },
          { arg: 1, kind: B, flag: false, runs: "every-parse", schemaParams: [1] },
          { arg: 0, keys: ["is"], kind: P, flag: true, prefix: "when" },
          { arg: 0, keys: ["then", "otherwise"], kind: B, flag: false, runs: "every-parse", schemaParams: [0] },
          { arg: 0, kind: B, flag: false, runs: "every-parse", schemaParams: [1] },
        ],
      },
      { names: ["mixed"], on: "builder", slots: [{ arg: 0, kind: P, flag: true }, { arg: 0, keys: ["check"], kind: P, flag: true, label: { arg: 0, key: "type" } }] },
      { names: ["ref"], on: "builder", slots: [{ arg: 1, keys: ["map"], kind: T, flag: true }] },
      { names: ["lazy"], on: "builder", slots: [{ arg: 0, kind: B, flag: false, runs: "every-parse" }] },
      { names: ["default"], on: "method", slots: [{ arg: 0, kind: D, flag: false }] },
      // `schema.withMutation((s) => …)` calls the function at once with the schema.
      { names: ["withMutation"], on: "method", slots: [{ arg: 0, kind: B, flag: false, runs: "once", schemaParams: [0] }] },
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
          // `type(def, "@", { message: (ctx) => … })`: meta functions are registered like the others.
          { arg: 2, when: { arg: 1, values: ["@"] }, keys: arktypeMessageKeys, kind: M, flag: true },
        ],
      },
      { names: ["narrow", "filter"], on: "method", slots: [{ arg: 0, kind: P, flag: true }] },
      { names: ["pipe", "morph", "try"], on: "both", slots: [{ arg: "*", kind: T, flag: true }] },
      { names: ["default"], on: "method", slots: [{ arg: 0, kind: D, flag: true }] },
      { names: ["configure"], on: "method", slots: [{ arg: 0, keys: arktypeMessageKeys, kind: M, flag: true }] },
      { names: ["match"], on: "builder", slots: [{ arg: 0, keys: "*", kind: T, flag: true }] },
      { names: ["case"], on: "both", slots: [{ arg: 1, kind: T, flag: true }] },
      { names: ["match"], on: "method", slots: [{ arg: 0, keys: "*", kind: T, flag: true }] },
      // `match.at("kind", { "'a'": fn, default: fn })`, `match.in<T>().at(key, cases)`.
      { names: ["at"], on: "both", slots: [{ arg: 1, keys: "*", kind: T, flag: true }] },
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
    construction: { builds: true, exceptNamespaces: ["SchemaGetter", "SchemaTransformation", "ParseResult"], except: ["format"] },
    terminals: ["decodeUnknown", "decodeUnknownSync", "decodeUnknownEither", "decodeUnknownPromise", "decodeUnknownOption", "decodeUnknownExit", "decodeUnknownEffect", "decode", "decodeSync", "decodeEither", "decodePromise", "decodeOption", "decodeExit", "decodeEffect", "encode", "encodeSync", "encodeEither", "encodePromise", "encodeUnknown", "encodeUnknownSync", "encodeUnknownEither", "encodeUnknownPromise", "encodeEffect", "validate", "validateSync", "validateEither", "validatePromise", "is", "asserts", "make", "makeUnsafe"],
    apis: [
      // Annotations name the check (`identifier`) and carry its message (a string in 4.x, a function in 3.x).
      {
        names: ["filter", "declare", "refine", "makeFilter"],
        on: "builder",
        slots: [{ arg: 0, kind: P, flag: true, label: { arg: 1, key: "identifier" }, message: { arg: 1, keys: ["message"], callable: true } }],
      },
      { names: ["declare"], on: "builder", slots: [{ arg: 1, keys: decodeEncode, kind: V, flag: true }] },
      // `filterEffect(f)` (data-last) and `filterEffect(self, f)` (data-first, 3.x).
      { names: ["filterEffect", "checkEffect"], on: "builder", slots: [{ arg: 0, kind: R, flag: true }, { arg: 1, kind: R, flag: true }] },
      {
        names: ["transform", "transformOrFail", "optionalToRequired", "requiredToOptional", "optionalToOptional"],
        on: "builder",
        // data-first `transform(from, to, { decode, encode })`; `transform(to, { … })` is the data-last form.
        slots: [{ arg: 2, keys: decodeEncode, kind: T, flag: true }, { arg: 1, keys: decodeEncode, kind: T, flag: true }],
      },
      // 3.x: `withConstructorDefault(() => v)`, `optionalWith(s, { default: () => v })` (data-last and data-first).
      { names: ["withConstructorDefault", "withDecodingDefault"], on: "builder", slots: [{ arg: 0, kind: D, flag: false }, { arg: 1, kind: D, flag: false }] },
      { names: ["optionalWith"], on: "builder", slots: [{ arg: 0, keys: ["default"], kind: D, flag: false }, { arg: 1, keys: ["default"], kind: D, flag: false }] },
      // effect 4 (SchemaGetter, SchemaTransformation)
      {
        names: [
          "transform",
          "transformOrFail",
          "transformOptional",
          "transformOptionalEffect",
          "transformEffect",
          "middlewareDecoding",
          "middlewareEncoding",
          "catchDecoding",
          "catchEncoding",
          "catchDecodingWithContext",
          "catchEncodingWithContext",
        ],
        on: "builder",
        slots: [{ arg: 0, kind: T, flag: true }, { arg: 0, keys: decodeEncode, kind: T, flag: true }],
      },
      // `SchemaGetter.fail(f)` builds the issue on every decode. (`SchemaGetter.map(f)` is not listed: entries are
      // per library, and 3.x `ParseResult.map(result, f)` runs its callback at once and keeps nothing.)
      { names: ["fail"], on: "builder", slots: [{ arg: 0, kind: V, flag: true }] },
      // `new SchemaTransformation.Middleware(decode, encode)`.
      { names: ["Middleware"], on: "builder", slots: [{ arg: "*", kind: T, flag: true }] },
      // JSON reviver/replacer: 3.x `Schema.parseJson(schema?, options)`, 4.x `Schema.fromJsonString(schema, options)`,
      // `SchemaGetter.parseJson/stringifyJson(options)`, `SchemaTransformation.fromJsonString(options)`.
      {
        names: ["parseJson", "stringifyJson", "fromJsonString"],
        on: "builder",
        slots: [{ arg: 0, keys: ["reviver", "replacer"], kind: T, flag: true }, { arg: 1, keys: ["reviver", "replacer"], kind: T, flag: true }],
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
    construction: { builds: true, except: ["isRef", "isExpression", "isError", "ValidationError"] },
    terminals: ["validate", "validateAsync", "attempt", "assert", "describe", "isSchema"],
    apis: [
      // `.custom(fn, description)`; `.message("…")` after it overrides the rule's message.
      { names: ["custom", "external"], on: "both", slots: [{ arg: 0, kind: V, flag: true, label: { arg: 1 }, message: { chained: ["message"] } }] },
      { names: ["unique"], on: "method", slots: [{ arg: 0, kind: P, flag: true }] },
      // Object dependencies: `.and("a", "b", { isPresent })`, `.with("a", ["b"], { isPresent })`.
      { names: ["and", "nand", "or", "oxor", "xor"], on: "method", slots: [{ arg: -1, keys: ["isPresent"], kind: P, flag: true }] },
      { names: ["with", "without"], on: "method", slots: [{ arg: 2, keys: ["isPresent"], kind: P, flag: true }] },
      // `.fork(paths, (schema) => …)` calls the adjuster at once with each sub-schema.
      { names: ["fork"], on: "method", slots: [{ arg: 1, kind: B, flag: false, runs: "once", schemaParams: [0] }] },
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
    construction: { builds: true, except: ["StructError"] },
    terminals: ["assert", "create", "is", "mask", "validate"],
    apis: [
      { names: ["refine"], on: "builder", slots: [{ arg: 2, kind: R, flag: true, label: { arg: 1 } }] },
      // `struct(name, fn)` is the deprecated name of `define`.
      { names: ["define", "struct"], on: "builder", slots: [{ arg: 1, kind: V, flag: true, label: { arg: 0 } }] },
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
      { names: ["brand", "refinement"], on: "builder", slots: [{ arg: 1, kind: P, flag: true, label: { arg: 2 } }] },
      // `D.refine(fn, id)`, `C.refine(fn, id)`, `G.refine(fn)`; `D.fromRefinement(fn, expected)` (also TaskDecoder).
      { names: ["refine", "fromRefinement"], on: "builder", slots: [{ arg: 0, kind: P, flag: true, label: { arg: 1 } }] },
      { names: ["parse"], on: "builder", slots: [{ arg: 0, kind: V, flag: true }] },
      { names: ["map", "contramap"], on: "builder", slots: [{ arg: 0, kind: T, flag: true }] },
      // `C.imap(decode, encode)`; `C.make({ decode }, { encode })` from inline decoder and encoder objects.
      { names: ["imap"], on: "builder", slots: [{ arg: "*", kind: T, flag: true }] },
      { names: ["make"], on: "builder", slots: [{ arg: 0, keys: ["decode"], kind: V, flag: true }, { arg: 1, keys: ["encode"], kind: T, flag: true }] },
      {
        names: ["Type"],
        on: "builder",
        slots: [{ arg: 1, kind: P, flag: true, label: { arg: 0 } }, { arg: 2, kind: V, flag: true, label: { arg: 0 } }, { arg: 3, kind: T, flag: true, label: { arg: 0 } }],
      },
      { names: ["recursion"], on: "builder", slots: [{ arg: 1, kind: L, flag: false, runs: "once" }] },
      // `D.lazy(id, f)`, `C.lazy(id, f)`; `G.lazy(f)`, `E.lazy(f)`, `Eq.lazy(f)` (memoised).
      { names: ["lazy"], on: "builder", slots: [{ arg: 1, kind: L, flag: false, runs: "once" }, { arg: 0, kind: L, flag: false, runs: "once" }] },
      // `D.alt(() => other)(decoder)`: the thunk runs on every decode the first decoder fails.
      { names: ["alt"], on: "builder", slots: [{ arg: 0, kind: B, flag: false, runs: "every-parse" }] },
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
    dataModules: ["@sinclair/typebox/value", "typebox/value", "@sinclair/typebox/system", "typebox/system", "@sinclair/typebox/errors", "typebox/error"],
    // Guards (`Type.IsString(x)`, `KindGuard.IsObject(x)`) answer a question about a schema; they build nothing.
    construction: { builds: true, exceptPattern: "^Is[A-Z]", exceptNamespaces: ["TypeGuard", "KindGuard", "ValueGuard", "TypeRegistry", "FormatRegistry", "TypeSystemPolicy", "Locale", "Settings"] },
    // TypeBox caches nothing: `TypeCompiler.Compile(T)` (0.34) and `Compile(T)` from `typebox/compile` (1.x) generate
    // code with `new Function` on every call, whatever `T` is.
    compilers: [{ names: ["Compile"], on: "call", result: "validator", label: "compiles a validator (TypeBox caches nothing)" }],
    apis: [
      { names: ["Decode", "Encode"], on: "method", slots: [{ arg: 0, kind: T, flag: true }] },
      // typebox 1.x
      { names: ["Decode", "Encode"], on: "builder", slots: [{ arg: 1, kind: T, flag: true }] },
      { names: ["Refine"], on: "builder", slots: [{ arg: 1, kind: P, flag: true, message: { arg: 2, callable: true } }, { arg: 2, kind: M, flag: false }] },
      { names: ["Recursive"], on: "builder", slots: [{ arg: 0, kind: L, flag: false, runs: "once" }] },
      // `Type.Mapped(keys, (K) => …)` (0.34) calls the mapping function at once.
      { names: ["Mapped"], on: "builder", slots: [{ arg: 1, kind: B, flag: false, runs: "once" }] },
    ],
  },
  {
    id: "ajv",
    label: "ajv",
    modules: ["ajv"],
    modulePrefixes: ["ajv/"],
    namespaceExports: [],
    defaultIsNamespace: false,
    // JSON Schema objects hold no functions: nothing to flag for closures, only compiles that repeat.
    apis: [],
    construction: { builds: false },
    terminals: ["getSchema", "errorsText", "addSchema", "addMetaSchema", "removeSchema", "addKeyword", "addFormat", "addVocabulary", "validateSchema"],
    compilers: [
      {
        names: ["default", "Ajv", "Ajv2019", "Ajv2020", "AjvJTD"],
        on: "new",
        result: "instance",
        label: "creates a validator instance (its compile cache starts empty)",
      },
      {
        // The compile cache is a strong Map keyed by the schema object's identity: a fresh object never hits it
        // and stays retained for the life of the instance.
        names: ["compile", "compileAsync", "validate", "compileParser", "compileSerializer"],
        on: "call",
        result: "validator",
        freshArg: 0,
        label: "compiles a fresh schema object (ajv caches by object identity and keeps it)",
      },
    ],
  },
];

/** The library a module specifier belongs to, honouring the user's module map first. */
export function libraryForModule(specifier: string, modules?: Readonly<Record<string, string>>): LibraryEntry | undefined {
  // Own entries only: a specifier like "constructor" must not find Object.prototype members.
  const mapped = modules && Object.hasOwn(modules, specifier) ? modules[specifier] : undefined;
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

/** The compiler entry `name` matches in `library`, if any. */
export function compilerOf(library: LibraryEntry, on: "new" | "call", name: string): Compiler | undefined {
  return library.compilers?.find((compiler) => compiler.on === on && compiler.names.includes(name));
}

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
