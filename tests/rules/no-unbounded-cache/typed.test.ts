// no-unbounded-cache with type information: a key whose type is a union of literals (or an enum) is
// bounded even when syntax cannot tell; a key whose type is an object gets the WeakMap suggestion.
import "../../setup-rule-tester.js";
import { fileURLToPath } from "node:url";
import { type InvalidTestCase, RuleTester } from "@typescript-eslint/rule-tester";
import rule, { type MessageIds, type Options } from "../../../rules/no-unbounded-cache.js";
import { reportedWithUnprovenKeys, silentByDefault, silentEvenWithUnprovenKeys } from "./unproven-keys.js";

const tsconfigRootDir = fileURLToPath(new URL("./__testfixtures__/", import.meta.url));
const tester = new RuleTester({ languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir } } });
const testedRule = rule as unknown as Parameters<typeof tester.run>[1];

/** Unproven keys (a bare parameter, a value the module cannot see): reported only with `reportUnprovenKeys`. */
const unproven: InvalidTestCase<MessageIds, Options>[] = [
    {
      name: "a key of type string is unbounded",
      filename: "file.ts",
      code: `declare const pick: () => string;\nconst m = new Map<string, number>();\nexport function f() { m.set(pick(), 1); }`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          data: {
            collection: "The module-level Map `m`",
            line: 3,
            growth: "`m.set(…)`",
            where: "on every call of `f`",
            entry: "entry",
          },
          suggestions: [
            {
              messageId: "useLruCache",
              data: { max: 1000 },
              output: `import { LRUCache } from "lru-cache";\n\ndeclare const pick: () => string;\nconst m = new LRUCache<string, number>({ max: 1000 });\nexport function f() { m.set(pick(), 1); }`,
            },
          ],
        },
      ],
    },
];

tester.run("no-unbounded-cache (type-aware)", testedRule, {
  valid: [
    ...silentEvenWithUnprovenKeys([
    {
      name: "a key typed, through an imported-looking alias, as a union of literals",
      filename: "file.ts",
      code: `declare const pick: () => "a" | "b" | "c";\nconst m = new Map<string, number>();\nexport function f() { const k = pick(); m.set(k, 1); }`,
    },
    {
      name: "a key of a literal-union type from a property",
      filename: "file.ts",
      code: `interface Req { method: "GET" | "POST" }\nconst byMethod = new Map<string, number>();\nexport function f(req: Req) { byMethod.set(req.method, 1); }`,
    },
    ]),
    ...silentByDefault(unproven),
  ],
  invalid: [
    {
      name: "object-typed keys used only through get/set: a WeakMap is suggested",
      filename: "file.ts",
      code: `interface Req { url: string }\nconst started = new Map<Req, number>();\nexport function begin(req: Req) { started.set(req, Date.now()); }\nexport function took(req: Req) { return Date.now() - (started.get(req) ?? 0); }`,
      output: null,
      errors: [
        {
          messageId: "unboundedCollection",
          data: {
            collection: "The module-level Map `started`",
            line: 3,
            growth: "`started.set(…)`",
            where: "on every call of `begin`",
            entry: "entry",
          },
          suggestions: [
            {
              messageId: "useLruCache",
              data: { max: 1000 },
              output: `import { LRUCache } from "lru-cache";\n\ninterface Req { url: string }\nconst started = new LRUCache<Req, number>({ max: 1000 });\nexport function begin(req: Req) { started.set(req, Date.now()); }\nexport function took(req: Req) { return Date.now() - (started.get(req) ?? 0); }`,
            },
            {
              messageId: "useWeakCollection",
              data: { name: "WeakMap" },
              output: `interface Req { url: string }\nconst started = new WeakMap<Req, number>();\nexport function begin(req: Req) { started.set(req, Date.now()); }\nexport function took(req: Req) { return Date.now() - (started.get(req) ?? 0); }`,
            },
          ],
        },
      ],
    },
    ...reportedWithUnprovenKeys(unproven),
  ],
});
