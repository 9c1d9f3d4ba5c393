// Evidence that a cache's keys are unbounded, for `no-unbounded-cache`: which values are unique per
// call (ids and times), and which APIs register request and event handlers whose parameters carry
// per-request data. Data only — unbounded-cache/evidence.ts reads it and never tests a name itself.
import type { ModuleExport } from "./cache-catalogue.js";

/** Global functions whose every call returns a new value (`["Date", "now"]` is `Date.now()`). */
export const uniqueGlobalCalls: readonly (readonly string[])[] = [
  ["crypto", "randomUUID"],
  ["crypto", "getRandomValues"],
  ["Date", "now"],
  ["performance", "now"],
  ["process", "hrtime"],
  ["Math", "random"],
];

/** Members of a unique global call that are unique too (`process.hrtime.bigint()`). */
export const uniqueGlobalMemberCalls: readonly (readonly string[])[] = [["process", "hrtime", "bigint"]];

/** Module exports whose every call returns a new id. */
export const uniqueValueFactories: readonly ModuleExport[] = [
  ...["crypto", "node:crypto"].map((module) => ({ module, exports: ["randomUUID", "randomBytes", "default", "*"], members: ["randomUUID", "randomBytes"] })),
  { module: "nanoid", exports: ["nanoid"] },
  { module: "uuid", exports: ["v1", "v4", "v6", "v7", "default", "*"], members: ["v1", "v4", "v6", "v7"] },
  ...["uuid/v1", "uuid/v4"].map((module) => ({ module, exports: ["default"] })),
  { module: "@paralleldrive/cuid2", exports: ["createId"] },
  { module: "ulid", exports: ["ulid"] },
  ...["perf_hooks", "node:perf_hooks"].map((module) => ({ module, exports: ["performance"] })),
];

/** Members that are unique when called on an imported unique value (`performance.now()` from `perf_hooks`). */
export const uniqueFactoryMembers: readonly string[] = ["now"];

/**
 * Calls that register a request or event handler: a function passed to a method of this name (on any
 * receiver) runs once per request, and its parameters carry that request's data. For event methods
 * (`on`, `addEventListener`) the first argument must be one of `events`.
 */
export interface HandlerRegistration {
  readonly methods: readonly string[];
  /** The event names, when the method takes one first (`server.on("request", cb)`). */
  readonly events?: readonly string[];
}

export const handlerRegistrations: readonly HandlerRegistration[] = [
  // express, koa-router, hono, fastify (shorthand routes and `route({ handler })` below), connect.
  { methods: ["get", "post", "put", "patch", "delete", "all", "use", "head", "options", "route"] },
  // node:http(s)/http2 `createServer(cb)`.
  { methods: ["createServer", "createSecureServer"] },
  // `server.on("request", cb)`, `addEventListener("fetch", cb)`, sockets.
  { methods: ["on", "once", "addListener", "addEventListener"], events: ["request", "fetch", "message", "connection", "upgrade", "stream"] },
];

/** Properties of an options object passed to a registration method that hold the handler (fastify `route({ handler })`). */
export const handlerOptionProperties: readonly string[] = ["handler"];

/** Module exports that serverless platforms call once per event (`export const handler = async (event) => …`). */
export const handlerExports: readonly string[] = ["handler"];

/** Methods of the default-exported object that a runtime calls per request (`export default { fetch(request) }`). */
export const defaultExportHandlerMethods: readonly string[] = ["fetch", "queue", "scheduled"];
