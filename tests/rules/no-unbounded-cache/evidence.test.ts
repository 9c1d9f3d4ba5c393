// no-unbounded-cache: by default a growth is reported only with evidence that its keys (or items)
// are unbounded — identity (an object made per call), a per-call unique value (ids, times, a counter
// that only goes up), or request data (read from a parameter of a catalogued request or event
// handler). Next to each kind, the look-alikes that prove nothing: silent by default, reported with
// `reportUnprovenKeys: true`.
import "../../setup-rule-tester.js";
import {
  type InvalidTestCase,
  RuleTester,
  type TestLanguageOptions,
} from "@typescript-eslint/rule-tester";
import rule, {
  type MessageIds,
  type Options,
} from "../../../rules/no-unbounded-cache.js";
import { reportedWithUnprovenKeys, silentByDefault } from "./unproven-keys.js";

const tester = new RuleTester();
const testedRule = rule as unknown as Parameters<typeof tester.run>[1];
const commonjs = { sourceType: "commonjs" } as TestLanguageOptions;
const reported = (line: number, column: number) => [
  { messageId: "unboundedCollection" as const, line, column },
];

/** Reported by default: the keys are evidently unbounded. */
const evidenced: InvalidTestCase<MessageIds, Options>[] = [
  // --- identity -------------------------------------------------------------------------------------
  {
    name: "identity: an object literal made per call, held by a Set",
    code: `const jobs = new Set();\nexport function start(name: string) {\n  const job = { name, started: 0 };\n  jobs.add(job);\n  return jobs.size;\n}`,
    errors: reported(1, 7),
  },
  {
    name: "identity: a new instance pushed per call (arrays hold their items)",
    code: `class Entry { constructor(readonly text: string) {} }\nconst history: Entry[] = [];\nexport function record(text: string) { history.push(new Entry(text)); return history.length; }`,
    errors: reported(2, 7),
  },
  {
    name: "identity: the variable's last write before the add is a fresh object (webpack's nodeConsole)",
    code: `const byCompiler = new WeakMap();\nconst states = new Set();\nconst stateOf = (compiler) => {\n  let state = byCompiler.get(compiler);\n  if (state === undefined) {\n    state = { lines: 0 };\n    byCompiler.set(compiler, state);\n    states.add(state);\n  }\n  return state;\n};\nmodule.exports = (options) => stateOf(options.compiler);`,
    languageOptions: commonjs,
    errors: reported(2, 7),
  },
  {
    name: "identity: a parameter annotated with a local interface, keying computed values",
    code: `interface Session { user: string }\nconst expiries = new Map<Session, number>();\nexport function touch(session: Session) { expiries.set(session, compute(session)); return expiries.size; }\ndeclare function compute(s: Session): number;`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 2,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\ninterface Session { user: string }\nconst expiries = new LRUCache<Session, number>({ max: 1000 });\nexport function touch(session: Session) { expiries.set(session, compute(session)); return expiries.size; }\ndeclare function compute(s: Session): number;',
          },
        ],
      },
    ],
  },
  // --- per-call unique values -------------------------------------------------------------------------
  {
    name: "unique: the global crypto.randomUUID()",
    code: `const pending = new Map<string, number>();\nexport function begin() {\n  const id = crypto.randomUUID();\n  pending.set(id, 0);\n  return id;\n}`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 1,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst pending = new LRUCache<string, number>({ max: 1000 });\nexport function begin() {\n  const id = crypto.randomUUID();\n  pending.set(id, 0);\n  return id;\n}',
          },
        ],
      },
    ],
  },
  {
    name: "unique: randomUUID imported from node:crypto",
    code: `import { randomUUID } from "node:crypto";\nconst tokens = new Set<string>();\nexport function issue() { const token = randomUUID(); tokens.add(token); return token; }`,
    errors: reported(2, 7),
  },
  {
    name: "unique: randomBytes through require, made a string",
    code: `const crypto = require("crypto");\nconst nonces = {};\nexports.nonce = function () {\n  const value = crypto.randomBytes(16).toString("hex");\n  nonces[value] = 1;\n  return value;\n};`,
    languageOptions: commonjs,
    errors: reported(2, 7),
  },
  {
    name: "unique: nanoid() and uuid v4 (renamed import)",
    code: `import { nanoid } from "nanoid";\nimport { v4 as uuidv4 } from "uuid";\nconst a = new Map<string, number>();\nconst b = new Map<string, number>();\nexport function f() { a.set(nanoid(), 1); b.set(uuidv4(), 1); return a.size + b.size; }`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { nanoid } from "nanoid";\nimport { v4 as uuidv4 } from "uuid";\nimport { LRUCache } from "lru-cache";\nconst a = new LRUCache<string, number>({ max: 1000 });\nconst b = new Map<string, number>();\nexport function f() { a.set(nanoid(), 1); b.set(uuidv4(), 1); return a.size + b.size; }',
          },
        ],
      },
      {
        messageId: "unboundedCollection",
        line: 4,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { nanoid } from "nanoid";\nimport { v4 as uuidv4 } from "uuid";\nimport { LRUCache } from "lru-cache";\nconst a = new Map<string, number>();\nconst b = new LRUCache<string, number>({ max: 1000 });\nexport function f() { a.set(nanoid(), 1); b.set(uuidv4(), 1); return a.size + b.size; }',
          },
        ],
      },
    ],
  },
  {
    name: "unique: a template string built from Date.now() and Math.random()",
    code: `const uploads = new Map<string, string>();\nexport function upload(name: string) {\n  const key = \`\${Date.now()}-\${Math.random().toString(36).slice(2)}\`;\n  uploads.set(key, name);\n  return key;\n}`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 1,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst uploads = new LRUCache<string, string>({ max: 1000 });\nexport function upload(name: string) {\n  const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;\n  uploads.set(key, name);\n  return key;\n}',
          },
        ],
      },
    ],
  },
  {
    name: "unique: performance.now() from perf_hooks, and process.hrtime.bigint()",
    code: `import { performance } from "node:perf_hooks";\nconst marks = new Map<number, string>();\nconst ticks = new Set<bigint>();\nexport function mark(name: string) { marks.set(performance.now(), name); ticks.add(process.hrtime.bigint()); }`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 2,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { performance } from "node:perf_hooks";\nimport { LRUCache } from "lru-cache";\nconst marks = new LRUCache<number, string>({ max: 1000 });\nconst ticks = new Set<bigint>();\nexport function mark(name: string) { marks.set(performance.now(), name); ticks.add(process.hrtime.bigint()); }',
          },
        ],
      },
      ...reported(3, 7),
    ],
  },
  {
    name: "unique: a module-level counter that only goes up",
    code: `let nextId = 0;\nconst waiting: Record<number, () => void> = {};\nexport function wait(): Promise<void> {\n  return new Promise((resolve) => { waiting[++nextId] = () => resolve(); });\n}`,
    errors: reported(2, 7),
  },
  // --- request data ---------------------------------------------------------------------------------
  {
    name: 'request: the incident in an express route (`req.headers["x-request-id"]`)',
    code: `import express from "express";\nconst app = express();\nconst requests = new Map<string, number>();\napp.get("/orders/:id", async (req, res) => {\n  requests.set(String(req.headers["x-request-id"]), Date.now());\n  res.send(await load(req.params.id));\n});\ndeclare function load(id: string): Promise<string>;`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import express from "express";\nimport { LRUCache } from "lru-cache";\nconst app = express();\nconst requests = new LRUCache<string, number>({ max: 1000 });\napp.get("/orders/:id", async (req, res) => {\n  requests.set(String(req.headers["x-request-id"]), Date.now());\n  res.send(await load(req.params.id));\n});\ndeclare function load(id: string): Promise<string>;',
          },
        ],
      },
    ],
  },
  {
    name: "request: http.createServer's request handler (`req.url`)",
    code: `const http = require("node:http");\nconst seen = new Set();\nhttp.createServer((req, res) => {\n  seen.add(req.url);\n  res.end(String(seen.size));\n}).listen(8080);`,
    languageOptions: commonjs,
    errors: reported(2, 7),
  },
  {
    name: "request: a fastify route's `handler` option (`request.id`)",
    code: `import Fastify from "fastify";\nconst app = Fastify();\nconst started = new Map<string, number>();\napp.route({ method: "GET", url: "/", handler: async (request) => { started.set(request.id, Date.now()); return "ok"; } });`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import Fastify from "fastify";\nimport { LRUCache } from "lru-cache";\nconst app = Fastify();\nconst started = new LRUCache<string, number>({ max: 1000 });\napp.route({ method: "GET", url: "/", handler: async (request) => { started.set(request.id, Date.now()); return "ok"; } });',
          },
          {
            messageId: "deleteInFinally",
            output:
              'import Fastify from "fastify";\nconst app = Fastify();\nconst started = new Map<string, number>();\napp.route({ method: "GET", url: "/", handler: async (request) => { started.set(request.id, Date.now());\ntry { return "ok";\n} finally {\n  started.delete(request.id);\n} } });',
          },
        ],
      },
    ],
  },
  {
    name: "request: an exported Lambda handler (`event.requestContext.requestId`)",
    code: `const inflight = new Map();\nexport const handler = async (event) => {\n  inflight.set(event.requestContext.requestId, Date.now());\n  return { statusCode: 200 };\n};`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 1,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst inflight = new LRUCache({ max: 1000 });\nexport const handler = async (event) => {\n  inflight.set(event.requestContext.requestId, Date.now());\n  return { statusCode: 200 };\n};',
          },
          {
            messageId: "deleteInFinally",
            output:
              "const inflight = new Map();\nexport const handler = async (event) => {\n  inflight.set(event.requestContext.requestId, Date.now());\n  try {\n    return { statusCode: 200 };\n  } finally {\n    inflight.delete(event.requestContext.requestId);\n  }\n};",
          },
        ],
      },
    ],
  },
  {
    name: "request: the fetch method of the default-exported object (a header read by a call)",
    code: `const rays = new Set<string | null>();\nexport default {\n  async fetch(request: Request) {\n    rays.add(request.headers.get("cf-ray"));\n    return new Response("ok");\n  },\n};`,
    errors: reported(1, 7),
  },
  {
    name: "request: a socket.io connection handler (`socket.id`) and a destructured request body",
    code: `import { Server } from "socket.io";\nconst io = new Server();\nconst sockets = new Map();\nio.on("connection", (socket) => { sockets.set(socket.id, Date.now()); });\nconst orders = new Map();\nio.on("message", (message) => { const { orderId } = message.body; orders.set(orderId, 1); });`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { Server } from "socket.io";\nimport { LRUCache } from "lru-cache";\nconst io = new Server();\nconst sockets = new LRUCache({ max: 1000 });\nio.on("connection", (socket) => { sockets.set(socket.id, Date.now()); });\nconst orders = new Map();\nio.on("message", (message) => { const { orderId } = message.body; orders.set(orderId, 1); });',
          },
        ],
      },
      {
        messageId: "unboundedCollection",
        line: 5,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { Server } from "socket.io";\nimport { LRUCache } from "lru-cache";\nconst io = new Server();\nconst sockets = new Map();\nio.on("connection", (socket) => { sockets.set(socket.id, Date.now()); });\nconst orders = new LRUCache({ max: 1000 });\nio.on("message", (message) => { const { orderId } = message.body; orders.set(orderId, 1); });',
          },
        ],
      },
    ],
  },
  {
    name: 'request: a named function registered as a route, and server.on("request")',
    code: `const hits = new Map<string, number>();\nconst agents = new Set<string>();\nfunction handle(req: { ip: string }, res: unknown) { hits.set(req.ip, (hits.get(req.ip) ?? 0) + 1); }\nexport function serve(app: { post(path: string, fn: unknown): void }, server: { on(e: string, fn: (r: { headers: Record<string, string> }) => void): void }) {\n  app.post("/", handle);\n  server.on("request", (r) => agents.add(r.headers["user-agent"]!));\n}`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 1,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst hits = new LRUCache<string, number>({ max: 1000 });\nconst agents = new Set<string>();\nfunction handle(req: { ip: string }, res: unknown) { hits.set(req.ip, (hits.get(req.ip) ?? 0) + 1); }\nexport function serve(app: { post(path: string, fn: unknown): void }, server: { on(e: string, fn: (r: { headers: Record<string, string> }) => void): void }) {\n  app.post("/", handle);\n  server.on("request", (r) => agents.add(r.headers["user-agent"]!));\n}',
          },
        ],
      },
      ...reported(2, 7),
    ],
  },
];

/** Look-alikes: nothing shows their keys to be unbounded. Silent by default, reported with `reportUnprovenKeys`. */
const unproven: InvalidTestCase<MessageIds, Options>[] = [
  {
    name: "a parameter named req of a function no route registers: names are no evidence",
    code: `const requests = new Map<string, number>();\nexport async function handle(req: { id: string }) { requests.set(req.id, Date.now()); await work(); }\ndeclare function work(): Promise<void>;`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 1,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst requests = new LRUCache<string, number>({ max: 1000 });\nexport async function handle(req: { id: string }) { requests.set(req.id, Date.now()); await work(); }\ndeclare function work(): Promise<void>;',
          },
          {
            messageId: "deleteInFinally",
            output:
              "const requests = new Map<string, number>();\nexport async function handle(req: { id: string }) { requests.set(req.id, Date.now());\ntry { await work();\n} finally {\n  requests.delete(req.id);\n} }\ndeclare function work(): Promise<void>;",
          },
        ],
      },
    ],
  },
  {
    name: "a module-level object as key: one object, however often it is added",
    code: `const TOKEN = {};\nconst owners = new Map();\nexport function claim(owner: string) { owners.set(TOKEN, owner); return owners.get(TOKEN); }`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 2,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst TOKEN = {};\nconst owners = new LRUCache({ max: 1000 });\nexport function claim(owner: string) { owners.set(TOKEN, owner); return owners.get(TOKEN); }',
          },
        ],
      },
    ],
  },
  {
    name: "`this` in a method: the instance may be one object",
    code: `const seen = new Set();\nexport class Service {\n  run() { seen.add(this); return seen.size; }\n}`,
    errors: reported(1, 7),
  },
  {
    name: 'an object as a property name is the string "[object Object]"',
    code: `const flags: Record<string, number> = {};\nexport function flag(name: string) { const entry = { name }; flags[entry as never] = 1; }`,
    errors: reported(1, 7),
  },
  {
    name: "Date.parse and a counter that is also reset are not unique",
    code: `const byTime = new Map<number, string>();\nlet n = 0;\nconst byN = new Map<number, string>();\nexport function f(s: string) { byTime.set(Date.parse(s), s); byN.set(++n, s); if (n > 9) n = 0; }`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 1,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst byTime = new LRUCache<number, string>({ max: 1000 });\nlet n = 0;\nconst byN = new Map<number, string>();\nexport function f(s: string) { byTime.set(Date.parse(s), s); byN.set(++n, s); if (n > 9) n = 0; }',
          },
        ],
      },
      {
        messageId: "unboundedCollection",
        line: 3,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nconst byTime = new Map<number, string>();\nlet n = 0;\nconst byN = new LRUCache<number, string>({ max: 1000 });\nexport function f(s: string) { byTime.set(Date.parse(s), s); byN.set(++n, s); if (n > 9) n = 0; }',
          },
        ],
      },
    ],
  },
  {
    name: "a listener of an event the catalogue does not list (`close`), and a route's callback that is not a handler's parameter",
    code: `import { EventEmitter } from "node:events";\nconst codes = new Set<number>();\nconst bus = new EventEmitter();\nbus.on("close", (code: number) => { codes.add(code); });\nconst names = new Map<string, number>();\nexport function route(app: { get(p: string, f: () => void): void }, name: string) { app.get("/", () => { names.set(name, 1); }); }`,
    errors: [
      ...reported(2, 7),
      {
        messageId: "unboundedCollection",
        line: 5,
        column: 7,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { EventEmitter } from "node:events";\nimport { LRUCache } from "lru-cache";\nconst codes = new Set<number>();\nconst bus = new EventEmitter();\nbus.on("close", (code: number) => { codes.add(code); });\nconst names = new LRUCache<string, number>({ max: 1000 });\nexport function route(app: { get(p: string, f: () => void): void }, name: string) { app.get("/", () => { names.set(name, 1); }); }',
          },
        ],
      },
    ],
  },
  {
    name: "a value from configuration (tailwind-style memo of user selectors)",
    code: `let cache = new Map();\nfunction parse(selector: string) {\n  if (!cache.has(selector)) cache.set(selector, selector.split(" "));\n  return cache.get(selector);\n}\nexport function expand(config: { selectors: string[] }) { return config.selectors.map((s) => parse(s)); }`,
    errors: [
      {
        messageId: "unboundedCollection",
        line: 1,
        column: 5,
        suggestions: [
          {
            messageId: "useLruCache",
            output:
              'import { LRUCache } from "lru-cache";\n\nlet cache = new LRUCache({ max: 1000 });\nfunction parse(selector: string) {\n  if (!cache.has(selector)) cache.set(selector, selector.split(" "));\n  return cache.get(selector);\n}\nexport function expand(config: { selectors: string[] }) { return config.selectors.map((s) => parse(s)); }',
          },
        ],
      },
    ],
  },
];

tester.run("no-unbounded-cache (evidence)", testedRule, {
  valid: silentByDefault(unproven),
  invalid: [...evidenced, ...reportedWithUnprovenKeys(unproven)],
});
