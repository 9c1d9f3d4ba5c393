// no-unbounded-cache: collections that grow but are not caches of the input, read on real packages
// (docs/rules/no-unbounded-cache.md#corpus) — diagnostics records ("warn once" sets, maps of
// deprecation wrappers), pools indexed by a nesting depth, registries that refuse duplicates — and,
// next to each, the look-alike that still grows with the input and stays reported.
import "../../setup-rule-tester.js";
import { type InvalidTestCase, RuleTester, type TestLanguageOptions } from "@typescript-eslint/rule-tester";
import rule, { type MessageIds, type Options } from "../../../rules/no-unbounded-cache.js";
import { reportedWithUnprovenKeys, silentByDefault, silentEvenWithUnprovenKeys } from "./unproven-keys.js";

const tester = new RuleTester();
const testedRule = rule as unknown as Parameters<typeof tester.run>[1];
const commonjs = { sourceType: "commonjs" } as TestLanguageOptions;
const reported = (line: number, column: number) => [{ messageId: "unboundedCollection" as const, line, column }];

/** Unproven keys (a bare parameter, a value the module cannot see): reported only with `reportUnprovenKeys`. */
const unproven: InvalidTestCase<MessageIds, Options>[] = [
    // --- diagnostics look-alikes ----------------------------------------------------------------------
    {
      name: "a memo that logs its misses still stores computed values: reported",
      code: `const sizes: Record<string, number> = {};\nexport function size(text: string) {\n  if (sizes[text] !== undefined) return sizes[text];\n  console.debug("miss", text);\n  sizes[text] = text.length;\n  return sizes[text];\n}`,
      errors: reported(1, 7),
    },
    {
      name: "a tracking Set that logs, with no lookup before the add: reported",
      code: `const ids = new Set<string>();\nexport function onRequest(req: { id: string }) {\n  ids.add(req.id);\n  console.log("request", req.id);\n}`,
      errors: reported(1, 7),
    },
    {
      name: "a flag object set without printing anything: reported",
      code: `const visited: Record<string, true> = {};\nexport function visit(url: string) {\n  if (visited[url]) return false;\n  visited[url] = true;\n  return true;\n}`,
      errors: reported(1, 7),
    },
    // --- pools look-alikes ------------------------------------------------------------------------------
    {
      name: "push on a missing slot indexed by a parameter: reported",
      code: `const rows: string[][] = [];\nexport function row(index: number) {\n  let found = rows[index];\n  if (found === undefined) {\n    found = [];\n    rows.push(found);\n  }\n  return found;\n}`,
      errors: reported(1, 7),
    },
    {
      name: "a push outside the missing-slot branch: reported",
      code: `const seen: string[] = [];\nlet depth = 0;\nexport function enter(name: string) {\n  depth++;\n  if (seen[depth] === undefined) console.log(depth);\n  seen.push(name.trim());\n  depth--;\n}`,
      errors: reported(1, 7),
    },
    // --- registry look-alikes ---------------------------------------------------------------------------
    {
      name: "an exported memo that returns (not throws) on a hit: reported",
      code: `const parsed: Record<string, string[]> = {};\nexport function parse(source: string) {\n  if (parsed[source]) return parsed[source];\n  parsed[source] = source.split(",");\n  return parsed[source];\n}`,
      errors: reported(1, 7),
    },
    {
      name: "a registry refusing duplicates is still reported with checkEscaping",
      code: `const names = new Set<string>();\nexport function define(name: string) {\n  if (names.has(name)) throw new Error(name);\n  names.add(name);\n}`,
      options: [{ checkEscaping: true }],
      errors: reported(1, 7),
    },
    {
      name: "a module-local function refusing duplicates, called per request: reported",
      code: `const open = new Set<string>();\nfunction claim(id: string) {\n  if (open.has(id)) throw new Error("busy");\n  open.add(id);\n}\nexport function handle(req: { id: string }) { claim(req.id); }`,
      errors: reported(1, 7),
    },
];

tester.run("no-unbounded-cache (not caches)", testedRule, {
  valid: [
    ...silentEvenWithUnprovenKeys([
    // --- diagnostics records ----------------------------------------------------------------------
    {
      name: "a warn-once Set: looked up, then the message printed and remembered",
      code: `const shown = new Set<string>();\nexport function warnOnce(message: string) {\n  if (!shown.has(message)) {\n    console.warn(message);\n    shown.add(message);\n  }\n}`,
    },
    {
      name: "a warn-once flag object with an early return",
      code: `const warned: Record<string, boolean> = {};\nexport function deprecated(option: string) {\n  if (warned[option]) return;\n  warned[option] = true;\n  process.emitWarning(\`\${option} is deprecated\`);\n}`,
    },
    {
      name: "a warn-once Set printed through a logger method, the add under an if without braces",
      code: `import { log } from "./log";\nconst seen = new Set();\nexport function notice(key: string, messages: string[]) {\n  if (seen.has(key)) return;\n  if (key) seen.add(key);\n  messages.forEach((m) => log.warn(m));\n}`,
    },
    {
      name: "a map of util.deprecate wrappers, one per deprecation message",
      code: `const util = require("util");\nconst deprecations = new Map();\nfunction deprecate(message, code) {\n  const cached = deprecations.get(message);\n  if (cached !== undefined) return cached;\n  const fn = util.deprecate(() => {}, message, code);\n  deprecations.set(message, fn);\n  return fn;\n}\nmodule.exports = deprecate;`,
      languageOptions: commonjs,
    },
    {
      name: "util.deprecate imported by name from node:util",
      code: `import { deprecate } from "node:util";\nconst wrappers = new Map<string, () => void>();\nexport function warnFor(message: string) { wrappers.set(message, deprecate(() => {}, message)); return wrappers.get(message); }`,
    },
    // --- pools indexed by nesting depth --------------------------------------------------------------
    {
      name: "a pool with one spare per nesting depth: push fills the missing slot at the depth",
      code: `class Tree {}\nconst spares: Tree[] = [];\nlet depth = 0;\nexport function run(f: () => void) {\n  let spare: Tree | undefined;\n  if (depth !== 0) {\n    spare = spares[depth - 1];\n    if (spare === undefined) {\n      spare = new Tree();\n      spares.push(spare);\n    }\n  }\n  depth++;\n  try { f(); } finally { depth--; }\n  return spare;\n}`,
    },
    {
      name: "the missing-slot test as one conjunct of the branch's condition",
      code: `const spares: object[] = [];\nlet level = 0;\nexport function nest(f: () => void) {\n  if (level !== 0 && spares[level - 1] === undefined) spares.push({});\n  level++;\n  f();\n  level--;\n}`,
    },
    {
      name: "a Map keyed by an in-flight count (incremented and decremented)",
      code: `let active = 0;\nconst byLevel = new Map<number, string>();\nexport async function handle(work: () => Promise<void>) {\n  active += 1;\n  byLevel.set(active, "busy");\n  try { await work(); } finally { active -= 1; }\n}`,
    },
    // --- registries that refuse duplicates -----------------------------------------------------------
    {
      name: "a static register method that throws when the key is already registered",
      code: `const NOT_SERIALIZABLE = {};\nconst serializers = new Map();\nexport class Serializer {\n  static registerNotSerializable(Constructor: Function) {\n    if (serializers.has(Constructor)) throw new Error(\`\${Constructor.name} is already registered\`);\n    serializers.set(Constructor, NOT_SERIALIZABLE);\n  }\n  static lookup(Constructor: Function) { return serializers.get(Constructor); }\n}`,
    },
    {
      name: "an exported register function that refuses a key it has (with a derived key)",
      code: `const handlers = new Map<string, () => void>();\nexport function registerLegacy(request: string, name: string, handler: { run(): void }) {\n  const key = \`\${request}/\${name}\`;\n  if (handlers.has(key)) {\n    throw new Error(\`\${key} is already registered\`);\n  }\n  handlers.set(key, () => handler.run());\n}`,
    },
    ]),
    ...silentByDefault(unproven),
  ],
  invalid: [
    {
      name: "a counter that only goes up is an id, not a depth: reported",
      code: `let next = 0;\nconst jobs: Record<number, string> = {};\nexport function start(name: string) { next++; jobs[next] = name; return next; }`,
      errors: reported(2, 7),
    },
    ...reportedWithUnprovenKeys(unproven),
  ],
});
