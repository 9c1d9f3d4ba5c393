// no-unbounded-cache, what must be reported: the incident's request-id map, memo maps, Sets, arrays,
// objects, static fields, singletons' fields, loops, escaping collections with the option, every
// memoizer form of the catalogue; with every suggestion's output (LRUCache with its import in the
// file's style, WeakMap, delete in finally). Suggestions are never autofixes: `output` is null.
import "../../setup-rule-tester.js";
import { type InvalidTestCase, RuleTester, type TestLanguageOptions } from "@typescript-eslint/rule-tester";
import rule, { type MessageIds, type Options } from "../../../rules/no-unbounded-cache.js";
import { reportedWithUnprovenKeys, silentByDefault } from "./unproven-keys.js";

const tester = new RuleTester();
const testedRule = rule as unknown as Parameters<typeof tester.run>[1];
const commonjs = { sourceType: "commonjs" } as TestLanguageOptions;

/** Unproven keys (a bare parameter, a value the module cannot see): reported only with `reportUnprovenKeys`. */
const unproven: InvalidTestCase<MessageIds, Options>[] = [
    {
      name: "a property declared as string is unbounded (the interface is read, not guessed)",
      filename: "file.ts",
      code: `interface Library { readonly id: "zod" | "yup"; name: string }\nconst indexes = new Map<string, number>();\nexport function index(library: Library) { indexes.set(library.name, 1); return indexes.get(library.name); }`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 2,
          column: 7,
          data: { collection: "The module-level Map `indexes`", line: 3, growth: "`indexes.set(…)`", where: "on every call of `index`", entry: "entry" },
          suggestions: [
            {
              messageId: "useLruCache",
              data: { max: 1000 },
              output: `import { LRUCache } from "lru-cache";\n\ninterface Library { readonly id: "zod" | "yup"; name: string }\nconst indexes = new LRUCache<string, number>({ max: 1000 });\nexport function index(library: Library) { indexes.set(library.name, 1); return indexes.get(library.name); }`,
            },
          ],
        },
      ],
    },
    {
      name: "a memo Map keyed by an unbounded parameter",
      filename: "file.ts",
      code: `import { format } from "./format";

const cache = new Map();
export function formatted(locale: string) {
  let f = cache.get(locale);
  if (!f) {
    f = format(locale);
    cache.set(locale, f);
  }
  return f;
}
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 3,
          column: 7,
          data: {"collection":"The module-level Map `cache`","line":8,"growth":"`cache.set(…)`","where":"on every call of `formatted`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";
import { format } from "./format";

const cache = new LRUCache({ max: 1000 });
export function formatted(locale: string) {
  let f = cache.get(locale);
  if (!f) {
    f = format(locale);
    cache.set(locale, f);
  }
  return f;
}
` },
          ],
        },
      ],
    },
    {
      name: "a declared Map type is renamed with the constructor; the import takes a fresh local name when LRUCache is taken",
      filename: "file.ts",
      code: `import { LRUCache as Other } from "other";
import { a } from "a";
const cache: Map<string, number> = new Map<string, number>();
export const get = (k: string) => { cache.set(k, k.length); return cache.get(k); };
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 3,
          column: 7,
          data: {"collection":"The module-level Map `cache`","line":4,"growth":"`cache.set(…)`","where":"on every call of `get`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache as Other } from "other";
import { a } from "a";
import { LRUCache as LRUCache2 } from "lru-cache";
const cache: LRUCache2<string, number> = new LRUCache2<string, number>({ max: 1000 });
export const get = (k: string) => { cache.set(k, k.length); return cache.get(k); };
` },
          ],
        },
      ],
    },
    {
      name: "an existing lru-cache import is reused",
      filename: "file.ts",
      code: `import { LRUCache } from "lru-cache";
const cache = new Map();
export const get = (k: string) => { cache.set(k, 1); };
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 2,
          column: 7,
          data: {"collection":"The module-level Map `cache`","line":3,"growth":"`cache.set(…)`","where":"on every call of `get`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";
const cache = new LRUCache({ max: 1000 });
export const get = (k: string) => { cache.set(k, 1); };
` },
          ],
        },
      ],
    },
    {
      name: "CommonJS: the suggestion adds a require in the file's style",
      filename: "file.js",
      languageOptions: commonjs,
      code: `'use strict'
const { join } = require('node:path')
const cache = new Map()
function resolve (p) {
  cache.set(p, join(p))
  return cache.get(p)
}
module.exports = { resolve }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 3,
          column: 7,
          data: {"collection":"The module-level Map `cache`","line":5,"growth":"`cache.set(…)`","where":"on every call of `resolve`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `'use strict'
const { join } = require('node:path')
const { LRUCache } = require('lru-cache')
const cache = new LRUCache({ max: 1000 })
function resolve (p) {
  cache.set(p, join(p))
  return cache.get(p)
}
module.exports = { resolve }
` },
          ],
        },
      ],
    },
    {
      name: "a Set that tracks ids",
      filename: "file.ts",
      code: `const seen = new Set<string>();
export function see(id: string) { seen.add(id); return seen.has(id); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level Set `seen`","line":2,"growth":"`seen.add(…)`","where":"on every call of `see`","entry":"item"},
          suggestions: [],
        },
      ],
    },
    {
      name: "an array that only grows (arrays do not deduplicate)",
      filename: "file.ts",
      code: `const history: string[] = [];
export function record(event: string) { history.push(event + "!"); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level array `history`","line":2,"growth":"`history.push(…)`","where":"on every call of `record`","entry":"item"},
          suggestions: [],
        },
      ],
    },
    {
      name: "an object used as a counter map",
      filename: "file.ts",
      code: `const cache: Record<string, number> = {};
export function count(key: string) { cache[key] = (cache[key] ?? 0) + 1; }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level object `cache`","line":2,"growth":"`cache[…] = …`","where":"on every call of `count`","entry":"key"},
          suggestions: [],
        },
      ],
    },
    {
      name: "Object.create(null) as a dictionary",
      filename: "file.ts",
      code: `const cache = Object.create(null);
export function put(k: string, v: number) { cache[k] = v * 2; }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level object `cache`","line":2,"growth":"`cache[…] = …`","where":"on every call of `put`","entry":"key"},
          suggestions: [],
        },
      ],
    },
    {
      name: "Object.assign with unknown keys",
      filename: "file.ts",
      code: `const defaults = {};
export function set(extra: Record<string, unknown>) { Object.assign(defaults, extra); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level object `defaults`","line":2,"growth":"`Object.assign(defaults, …)`","where":"on every call of `set`","entry":"key"},
          suggestions: [],
        },
      ],
    },
    {
      name: "a static class field, through this and the class binding",
      filename: "file.ts",
      code: `class Store {
  static cache = new Map<string, number>();
  static get(k: string) {
    this.cache.set(k, k.length);
    return Store.cache.get(k);
  }
}
export const get = (k: string) => Store.get(k);
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 2,
          column: 10,
          data: {"collection":"The static Map `Store.cache`","line":4,"growth":"`Store.cache.set(…)`","where":"on every call of `Store.get`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";

class Store {
  static cache = new LRUCache<string, number>({ max: 1000 });
  static get(k: string) {
    this.cache.set(k, k.length);
    return Store.cache.get(k);
  }
}
export const get = (k: string) => Store.get(k);
` },
          ],
        },
      ],
    },
    {
      name: "an instance field (set in the constructor) of a class instantiated once at module level",
      filename: "file.ts",
      code: `class Client {
  constructor() {
    this.pending = {};
  }
  send(id, body) {
    this.pending[id] = { body, at: Date.now() };
  }
}
const client = new Client();
module.exports = (id, body) => client.send(id, body);
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 3,
          column: 5,
          data: {"collection":"The object `this.pending` of the only `Client` instance","line":6,"growth":"`this.pending[…] = …`","where":"on every call of `Client.send`","entry":"key"},
          suggestions: [],
        },
      ],
    },
    {
      name: "an exported Map with checkEscaping",
      filename: "file.ts",
      options: [{"checkEscaping":true}],
      code: `export const cache = new Map();
export function get(k: string) { cache.set(k, 1); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 14,
          data: {"collection":"The module-level Map `cache`","line":2,"growth":"`cache.set(…)`","where":"on every call of `get`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";

export const cache = new LRUCache({ max: 1000 });
export function get(k: string) { cache.set(k, 1); }
` },
          ],
        },
      ],
    },
    {
      name: "a loop inside a function",
      filename: "file.ts",
      code: `const lines = new Set();
export function read(text: string) { for (const line of text.split("\\n")) lines.add(line); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level Set `lines`","line":2,"growth":"`lines.add(…)`","where":"on every iteration of the `for…of` loop at line 2","entry":"item"},
          suggestions: [],
        },
      ],
    },
    {
      name: "a module-level for await loop runs for every event",
      filename: "file.ts",
      code: `import { events } from "./events";
const seen = new Map();
for await (const event of events) seen.set(event.id, event);
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 2,
          column: 7,
          data: {"collection":"The module-level Map `seen`","line":3,"growth":"`seen.set(…)`","where":"on every iteration of the `for await…of` loop at line 3","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";
import { events } from "./events";
const seen = new LRUCache({ max: 1000 });
for await (const event of events) seen.set(event.id, event);
` },
          ],
        },
      ],
    },
    {
      name: "a registration API is reported with checkEscaping",
      filename: "file.ts",
      options: [{"checkEscaping":true}],
      code: `const plugins = new Map();
export function register(name: string, plugin: unknown) { plugins.set(name, plugin); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level Map `plugins`","line":2,"growth":"`plugins.set(…)`","where":"on every call of `register`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";

const plugins = new LRUCache({ max: 1000 });
export function register(name: string, plugin: unknown) { plugins.set(name, plugin); }
` },
          ],
        },
      ],
    },
    {
      name: "growth in the constructor of a class instantiated per call",
      filename: "file.ts",
      code: `const ids = [];
class Job { constructor(id) { ids.push(id); } }
export function run(id) { return new Job(id); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level array `ids`","line":2,"growth":"`ids.push(…)`","where":"on every call of the constructor of `Job`","entry":"item"},
          suggestions: [],
        },
      ],
    },
];

tester.run("no-unbounded-cache (invalid)", testedRule, {
  valid: silentByDefault(unproven),
  invalid: [
    {
      name: "the incident: a module-level Map keyed by request id in an exported `handler`, added to and read, never deleted",
      filename: "file.ts",
      code: `const requests = new Map<string, { started: number }>();

export async function handler(req: { id: string }) {
  requests.set(req.id, { started: Date.now() });
  await work(req);
  log(requests.get(req.id));
}

declare function work(r: unknown): Promise<void>;
declare function log(x: unknown): void;
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level Map `requests`","line":4,"growth":"`requests.set(…)`","where":"on every call of `handler`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";

const requests = new LRUCache<string, { started: number }>({ max: 1000 });

export async function handler(req: { id: string }) {
  requests.set(req.id, { started: Date.now() });
  await work(req);
  log(requests.get(req.id));
}

declare function work(r: unknown): Promise<void>;
declare function log(x: unknown): void;
` },
            { messageId: "deleteInFinally", data: {"fn":"`handler`"}, output: `const requests = new Map<string, { started: number }>();

export async function handler(req: { id: string }) {
  requests.set(req.id, { started: Date.now() });
  try {
    await work(req);
    log(requests.get(req.id));
  } finally {
    requests.delete(req.id);
  }
}

declare function work(r: unknown): Promise<void>;
declare function log(x: unknown): void;
` },
          ],
        },
      ],
    },
    {
      name: "object keys (this) and only get/set: a WeakMap is suggested",
      filename: "file.ts",
      code: `const created = new Map();
export class Widget {
  constructor() {
    created.set(this, Date.now());
  }
  age() { return Date.now() - created.get(this); }
}
`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          line: 1,
          column: 7,
          data: {"collection":"The module-level Map `created`","line":4,"growth":"`created.set(…)`","where":"on every call of the constructor of `Widget`","entry":"entry"},
          suggestions: [
            { messageId: "useLruCache", data: {"max":1000}, output: `import { LRUCache } from "lru-cache";

const created = new LRUCache({ max: 1000 });
export class Widget {
  constructor() {
    created.set(this, Date.now());
  }
  age() { return Date.now() - created.get(this); }
}
` },
            { messageId: "useWeakCollection", data: {"name":"WeakMap"}, output: `const created = new WeakMap();
export class Widget {
  constructor() {
    created.set(this, Date.now());
  }
  age() { return Date.now() - created.get(this); }
}
` },
          ],
        },
      ],
    },
    {
      name: "lodash memoize, named import",
      filename: "file.ts",
      code: `import { memoize } from "lodash";
export const load = memoize((id: string) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"lodash `memoize`","fn":"the function memoized as `load`","hint":"lodash's cache never evicts; clear `.cache` or use a bounded memoizer"},
          suggestions: [],
        },
      ],
    },
    {
      name: "lodash memoize through the default export",
      filename: "file.ts",
      code: `import _ from "lodash";
export const load = _.memoize((id: string) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"lodash `memoize`","fn":"the function memoized as `load`","hint":"lodash's cache never evicts; clear `.cache` or use a bounded memoizer"},
          suggestions: [],
        },
      ],
    },
    {
      name: "lodash/memoize, memoizing a declared function",
      filename: "file.ts",
      code: `import memoize from "lodash/memoize";
function loadUser(id: string) { return fetch(id); }
export const load = memoize(loadUser);
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 3,
          column: 21,
          data: {"api":"lodash `memoize`","fn":"`loadUser`","hint":"lodash's cache never evicts; clear `.cache` or use a bounded memoizer"},
          suggestions: [],
        },
      ],
    },
    {
      name: "lodash.memoize through require",
      filename: "file.js",
      languageOptions: commonjs,
      code: `const memoize = require("lodash.memoize");
module.exports = memoize((id) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 18,
          data: {"api":"lodash `memoize`","fn":"the memoized function","hint":"lodash's cache never evicts; clear `.cache` or use a bounded memoizer"},
          suggestions: [],
        },
      ],
    },
    {
      name: "lodash-es",
      filename: "file.ts",
      code: `import { memoize } from "lodash-es";
export const load = memoize((id: string) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"lodash `memoize`","fn":"the function memoized as `load`","hint":"lodash's cache never evicts; clear `.cache` or use a bounded memoizer"},
          suggestions: [],
        },
      ],
    },
    {
      name: "require(\"lodash\").memoize through a namespace variable",
      filename: "file.js",
      languageOptions: commonjs,
      code: `const _ = require("lodash");
exports.load = _.memoize((id) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 16,
          data: {"api":"lodash `memoize`","fn":"the memoized function","hint":"lodash's cache never evicts; clear `.cache` or use a bounded memoizer"},
          suggestions: [],
        },
      ],
    },
    {
      name: "const { memoize } = require(\"lodash\")",
      filename: "file.js",
      languageOptions: commonjs,
      code: `const { memoize } = require("lodash");
exports.load = memoize((id) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 16,
          data: {"api":"lodash `memoize`","fn":"the memoized function","hint":"lodash's cache never evicts; clear `.cache` or use a bounded memoizer"},
          suggestions: [],
        },
      ],
    },
    {
      name: "sindresorhus memoize without maxAge or cache",
      filename: "file.ts",
      code: `import memoize from "memoize";
export const load = memoize((id: string) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"`memoize`","fn":"the function memoized as `load`","hint":"pass `maxAge` or a bounded `cache` (e.g. `new QuickLRU({ maxSize })`)"},
          suggestions: [],
        },
      ],
    },
    {
      name: "sindresorhus memoize with an unbounded Map as cache",
      filename: "file.ts",
      code: `import memoize from "memoize";
export const load = memoize((id: string) => fetch(id), { cache: new Map() });
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"`memoize`","fn":"the function memoized as `load`","hint":"pass `maxAge` or a bounded `cache` (e.g. `new QuickLRU({ maxSize })`)"},
          suggestions: [],
        },
      ],
    },
    {
      name: "memoizee without max",
      filename: "file.ts",
      code: `import memoize from "memoizee";
export const load = memoize((id: string) => fetch(id), { promise: true });
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"`memoizee`","fn":"the function memoized as `load`","hint":"pass `max`"},
          suggestions: [],
        },
      ],
    },
    {
      name: "fast-memoize",
      filename: "file.ts",
      code: `import memoize from "fast-memoize";
export const load = memoize((id: string) => fetch(id));
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"`fast-memoize`","fn":"the function memoized as `load`","hint":"pass a bounded `cache` (its default cache never evicts)"},
          suggestions: [],
        },
      ],
    },
    {
      name: "micro-memoize with maxSize: Infinity",
      filename: "file.ts",
      code: `import memoize from "micro-memoize";
export const load = memoize((id: string) => fetch(id), { maxSize: Infinity });
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 21,
          data: {"api":"`micro-memoize`","fn":"the function memoized as `load`","hint":"give `maxSize` a finite number"},
          suggestions: [],
        },
      ],
    },
    {
      name: "a memoizer in a static class field",
      filename: "file.ts",
      code: `import memoize from "memoizee";
export class Api { static load = memoize((id: string) => fetch(id)); }
`,
      output: null,
      errors: [
        {
          messageId: "unboundedMemoizer",
          line: 2,
          column: 34,
          data: {"api":"`memoizee`","fn":"the function memoized as `load`","hint":"pass `max`"},
          suggestions: [],
        },
      ],
    },
    ...reportedWithUnprovenKeys(unproven),
  ],
});
