// no-unbounded-cache, what must stay silent: registries filled at module initialisation, bounded keys
// (literals, enums, literal unions, `as const` members, loops over literal arrays), anything that
// prunes (delete, clear, splice/shift/pop, `length = 0`, reassignment, size caps), escaping
// collections without `checkEscaping`, weak collections, bounded caches, shadowed `Map`, per-call
// collections, classes with more than one instance, and bounded memoizers.
import "../../setup-rule-tester.js";
import { RuleTester, type TestLanguageOptions } from "@typescript-eslint/rule-tester";
import rule from "../../../rules/no-unbounded-cache.js";
import { silentEvenWithUnprovenKeys } from "./unproven-keys.js";

const tester = new RuleTester();
const testedRule = rule as unknown as Parameters<typeof tester.run>[1];
const commonjs = { sourceType: "commonjs" } as TestLanguageOptions;

tester.run("no-unbounded-cache (valid)", testedRule, {
  valid: [
    ...silentEvenWithUnprovenKeys([
    // --- registries filled at module initialisation ----------------------------------------------
    { name: "literal keys added at module level", code: `const handlers = new Map();\nhandlers.set("get", () => 1);\nhandlers.set("post", () => 2);\nexport const run = (m: string) => handlers.get(m)?.();` },
    {
      name: "a module-level for…of loop over imported data fills a registry once",
      code: `import { plugins } from "./plugins";\nconst byName = new Map();\nfor (const plugin of plugins) byName.set(plugin.name, plugin);\nexport function find(name: string) { return byName.get(name); }`,
    },
    {
      name: "Array#forEach at module level fills a registry once",
      code: `import { plugins } from "./plugins";\nconst byName: Record<string, unknown> = {};\nplugins.forEach((plugin) => { byName[plugin.name] = plugin; });\nexport const find = (name: string) => byName[name];`,
    },
    {
      name: "a registration helper called only from module level",
      code: `const registry = new Map();\nfunction register(name: string, value: number) { registry.set(name, value); }\nregister("a", 1);\nregister("b", 2);\nexport const lookup = (name: string) => registry.get(name);`,
    },
    {
      name: "a singleton's constructor runs once",
      code: `class Registry {\n  #items = new Map();\n  constructor(names: string[]) { for (const n of names) this.#items.set(n, n.length); }\n  get(n: string) { return this.#items.get(n); }\n}\nconst registry = new Registry(["a", "b"]);\nexport const get = (n: string) => registry.get(n);`,
    },
    {
      name: "a static block runs once",
      code: `import { names } from "./names";\nclass Codes {\n  static #byName = new Map<string, number>();\n  static { for (const n of names) Codes.#byName.set(n, n.length); }\n  static get(n: string) { return Codes.#byName.get(n); }\n}\nexport { Codes };`,
    },
    // --- bounded keys ------------------------------------------------------------------------------
    { name: "literal keys inside a function", code: `const flags = new Set();\nexport function ready() { flags.add("ready"); return flags.has("ready"); }` },
    { name: "a static member name on an object", code: `const state = {};\nexport function bump(n: number) { (state as any).count = n; }` },
    { name: "enum member keys", code: `enum Kind { A, B }\nconst byKind = new Map<Kind, number>();\nexport function f(n: number) { byKind.set(n > 0 ? Kind.A : Kind.B, n); }` },
    { name: "a parameter typed as a union of literals", code: `type Mode = "light" | "dark";\nconst themes = new Map();\nexport function theme(mode: Mode) { themes.set(mode, { mode }); return themes.get(mode); }` },
    { name: "a parameter typed as an enum", code: `enum Level { Low, High }\nconst seen: Record<number, boolean> = {};\nexport function mark(level: Level) { seen[level] = true; }` },
    { name: "an `as const` object member", code: `const Kind = { A: "a", B: "b" } as const;\nconst m = new Map();\nexport function f(x: boolean) { m.set(x ? Kind.A : Kind.B, 1); }` },
    {
      name: "a property declared with a literal-union type (found through the parameter's interface)",
      code: `type LibraryId = "zod" | "yup";\ninterface Library { readonly id: LibraryId; name: string }\nconst indexes = new Map<LibraryId, number>();\nexport function index(library: Library) { indexes.set(library.id, 1); return indexes.get(library.id); }`,
    },
    { name: "a loop over a literal array", code: `const m = new Map();\nexport function f() { for (const k of ["a", "b"]) m.set(k, 1); }` },
    { name: "boolean keys", code: `const byFlag = new Map();\nexport function f(a: number, b: number) { byFlag.set(a > b, a); }` },
    // --- pruned ----------------------------------------------------------------------------------------
    {
      name: "the incident fixed: the entry is deleted in finally",
      code: `const requests = new Map<string, number>();\nexport async function handle(req: { id: string }) {\n  requests.set(req.id, Date.now());\n  try { await work(); } finally { requests.delete(req.id); }\n}\ndeclare function work(): Promise<void>;`,
    },
    { name: "cleared elsewhere in the module", code: `const cache = new Map();\nexport function get(k: string) { cache.set(k, 1); }\nexport function reset() { cache.clear(); }` },
    { name: "a size cap that evicts the oldest", code: `const cache = new Map();\nexport function put(k: string, v: number) {\n  if (cache.size >= 100) cache.delete(cache.keys().next().value);\n  cache.set(k, v);\n}` },
    { name: "a size cap that refuses to add", code: `const MAX = 100;\nconst cache = new Map();\nexport function put(k: string, v: number) { if (cache.size < MAX) cache.set(k, v); }` },
    { name: "a size cap with an early return", code: `const seen = new Set();\nexport function see(k: string) {\n  if (seen.size > 1000) return;\n  seen.add(k);\n}` },
    { name: "reassignment empties it", code: `let cache = new Map();\nexport function get(k: string) { cache.set(k, 1); }\nexport function reset() { cache = new Map(); }` },
    { name: "delete obj[key]", code: `const pending: Record<string, number> = {};\nexport function start(id: string) { pending[id] = 1; }\nexport function end(id: string) { delete pending[id]; }` },
    { name: "an array used as a queue (push and shift)", code: `const queue: number[] = [];\nexport function enqueue(n: number) { queue.push(n); }\nexport function next() { return queue.shift(); }` },
    { name: "an array truncated with length = 0", code: `const log: string[] = [];\nexport function add(s: string) { log.push(s); }\nexport function flush() { const out = log.join(""); log.length = 0; return out; }` },
    { name: "a buffer pruned with splice", code: `const buffer: string[] = [];\nexport function add(s: string) { buffer.push(s); if (buffer.length > 10) buffer.splice(0, 5); }` },
    { name: "Reflect.deleteProperty prunes", code: `const pending: Record<string, number> = {};\nexport function start(id: string) { pending[id] = 1; }\nexport function end(id: string) { Reflect.deleteProperty(pending, id); }` },
    { name: "a static field cleared through the class", code: `class Store {\n  static cache = new Map();\n  static get(k: string) { this.cache.set(k, 1); }\n}\nexport function reset() { Store.cache.clear(); }\nexport { Store };` },
    // --- escapes (reported only with checkEscaping) --------------------------------------------------
    { name: "exported: its importers may prune it", code: `export const cache = new Map();\nexport function get(k: string) { cache.set(k, 1); }` },
    { name: "exported through a specifier", code: `const cache = new Map();\nexport function get(k: string) { cache.set(k, 1); }\nexport { cache };` },
    { name: "passed to another function", code: `import { track } from "./track";\nconst cache = new Map();\ntrack(cache);\nexport function get(k: string) { cache.set(k, 1); }` },
    { name: "returned", code: `const cache = new Map();\nexport function get(k: string) { cache.set(k, 1); return cache; }` },
    { name: "module.exports", code: `const cache = {};\nfunction get(k) { cache[k] = 1; }\nmodule.exports = { cache, get };`, languageOptions: commonjs },
    // --- never reported --------------------------------------------------------------------------------
    {
      name: "weak collections",
      code: `const meta = new WeakMap();\nconst seen = new WeakSet();\nconst registry = new FinalizationRegistry(() => {});\nexport function f(o: object) { meta.set(o, 1); seen.add(o); registry.register(o, 1); return new WeakRef(o); }`,
    },
    {
      name: "bounded caches from the catalogue",
      code: `import { LRUCache } from "lru-cache";\nimport QuickLRU from "quick-lru";\nimport { lru } from "tiny-lru";\nimport { LRUMap } from "mnemonist";\nimport { createSchemaCache } from "stable-schema";\nconst a = new LRUCache({ max: 10 });\nconst b = new QuickLRU({ maxSize: 10 });\nconst c = lru(10);\nconst d = new LRUMap(10);\nconst e = createSchemaCache();\nexport function f(k: string) { a.set(k, 1); b.set(k, 1); c.set(k, 1); d.set(k, 1); e.get(k, () => 1); }`,
    },
    { name: "a Map that is not the global one", code: `import { Map } from "immutable";\nlet m = new Map();\nexport function f(k: string) { m.set(k, 1); }` },
    { name: "a local class named Set", code: `class Set { add(_x: unknown) {} }\nconst s = new Set();\nexport function f(k: string) { s.add(k); }` },
    { name: "a dedup set inside one call", code: `export function unique(xs: string[]) { const seen = new Set(); for (const x of xs) seen.add(x); return seen.size; }` },
    { name: "a collection with initial content is not an empty cache", code: `const defaults = { a: 1 };\nexport function set(k: string, v: number) { (defaults as any)[k] = v; }` },
    {
      name: "instance fields of a class instantiated per call",
      code: `class Batch { items = new Map(); add(k: string) { this.items.set(k, 1); } }\nexport function run(ks: string[]) { const b = new Batch(); for (const k of ks) b.add(k); }`,
    },
    { name: "instance fields of an exported class", code: `export class Store { cache = new Map(); get(k: string) { this.cache.set(k, 1); } }` },
    // --- memoizers -----------------------------------------------------------------------------------------
    { name: "memoizee with max", code: `import memoize from "memoizee";\nexport const f = memoize((k: string) => k.length, { max: 100 });` },
    { name: "memoizee with maxAge", code: `import memoize from "memoizee";\nexport const f = memoize((k: string) => k.length, { maxAge: 1000 });` },
    { name: "memoize with maxAge", code: `import memoize from "memoize";\nexport const f = memoize((k: string) => k.length, { maxAge: 1000 });` },
    { name: "memoize with a bounded cache", code: `import memoize from "memoize";\nimport QuickLRU from "quick-lru";\nexport const f = memoize((k: string) => k.length, { cache: new QuickLRU({ maxSize: 100 }) });` },
    { name: "micro-memoize keeps one entry by default", code: `import memoize from "micro-memoize";\nexport const f = memoize((k: string) => k.length);` },
    { name: "micro-memoize with a finite maxSize", code: `import memoize from "micro-memoize";\nexport const f = memoize((k: string) => k.length, { maxSize: 50 });` },
    { name: "fast-memoize with a custom cache", code: `import memoize from "fast-memoize";\nimport { cacheFactory } from "./cache";\nexport const f = memoize((k: string) => k.length, { cache: cacheFactory });` },
    { name: "lodash memoize of a function without parameters", code: `import { memoize } from "lodash";\nexport const config = memoize(() => ({ a: 1 }));` },
    { name: "lodash memoize of a literal-typed parameter", code: `import memoize from "lodash/memoize";\nexport const f = memoize((mode: "a" | "b") => mode.length);` },
    { name: "lodash memoize whose cache the module clears", code: `import _ from "lodash";\nexport const f = _.memoize((k: string) => k.length);\nexport function reset() { f.cache.clear?.(); }` },
    { name: "lodash memoize with a bounded Cache class", code: `import _ from "lodash";\nimport { LRUCache } from "lru-cache";\n_.memoize.Cache = LRUCache as never;\nexport const f = _.memoize((k: string) => k.length);` },
    { name: "a memoizer created per call is not long-lived", code: `import memoize from "lodash/memoize";\nexport function f(xs: string[]) { const len = memoize((s: string) => s.length); return xs.map((x) => len(x)); }` },
    { name: "memoize with memoizeClear", code: `import memoize, { memoizeClear } from "memoize";\nexport const f = memoize((k: string) => k.length);\nexport function reset() { memoizeClear(f); }` },
    { name: "an options object the rule cannot read", code: `import memoize from "memoizee";\nimport { options } from "./options";\nexport const f = memoize((k: string) => k.length, options);` },
    { name: "a local function named memoize", code: `function memoize<T>(fn: T) { return fn; }\nexport const f = memoize((k: string) => k.length);` },
    ]),
  ],
  invalid: [],
});
