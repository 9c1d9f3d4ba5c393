// The rule's autofix (hoist: every hoist of the file in one fix) and suggestions (hoist this closure,
// wrap in withKey):
// RuleTester applies fixes pass after pass, so `output` is the fixed point (a fixer that is not
// idempotent shows up as a repeated edit), and every suggestion's output is asserted.
import "../../setup-rule-tester.js";
import { RuleTester } from "@typescript-eslint/rule-tester";
import noInlinePredicate, { type MessageIds, type Options } from "../../../rules/no-inline-predicate.js";

const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils: same shape, other types.
const rule = noInlinePredicate as unknown as Parameters<typeof tester.run<MessageIds, Options>>[1];
// RuleTester's default file is react.tsx in the working directory: ids name the module from there.
const id = (name: string) => `eslint-plugin-stable-schema/react#${name}`;

tester.run("no-inline-predicate: fixes", rule, {
  valid: [
    {
      name: "after the autofix the hoisted function is module level: nothing left to report",
      code: `import { z } from "zod";
const isValid = (n: number) => n > 0;
export const handler = (input: unknown) => z.number().refine(isValid).parse(input);`,
    },
  ],
  invalid: [
    {
      name: "JS file: a closure that captures nothing is hoisted to a function declaration above a function declaration (TDZ-safe)",
      filename: "handler.js",
      code: `import { z } from "zod";
export function handler(input) {
  return z.number().refine((n) => n > 0).parse(input);
}`,
      output: `import { z } from "zod";
function isValid(n) { return n > 0; }

export function handler(input) {
  return z.number().refine(isValid).parse(input);
}`,
      errors: [
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "isValid", form: "function" },
              output: `import { z } from "zod";
function isValid(n) { return n > 0; }

export function handler(input) {
  return z.number().refine(isValid).parse(input);
}`,
            },
          ],
        },
      ],
    },
    {
      name: "JS file: inside an arrow assigned to a const the hoist is a const; names come from the schema key; the autofix hoists both in one pass, each suggestion one",
      filename: "handler.js",
      code: `import { z } from "zod";
export const handler = (input) => {
  const body = z.object({ name: z.string().transform((s) => s.trim()), age: z.number().refine((n) => n >= 18) });
  return body.parse(input);
};`,
      output: `import { z } from "zod";
const trimName = (s) => s.trim();

const isValidAge = (n) => n >= 18;

export const handler = (input) => {
  const body = z.object({ name: z.string().transform(trimName), age: z.number().refine(isValidAge) });
  return body.parse(input);
};`,
      errors: [
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "trimName", form: "constant" },
              output: `import { z } from "zod";
const trimName = (s) => s.trim();

export const handler = (input) => {
  const body = z.object({ name: z.string().transform(trimName), age: z.number().refine((n) => n >= 18) });
  return body.parse(input);
};`,
            },
          ],
        },
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "isValidAge", form: "constant" },
              output: `import { z } from "zod";
const isValidAge = (n) => n >= 18;

export const handler = (input) => {
  const body = z.object({ name: z.string().transform((s) => s.trim()), age: z.number().refine(isValidAge) });
  return body.parse(input);
};`,
            },
          ],
        },
      ],
    },
    {
      name: "TS file without type information: an unannotated parameter cannot be hoisted; the suggestion wraps with a string key",
      code: `import { z } from "zod";
export function handler(input: unknown) {
  return z.number().refine((n) => n > 0).parse(input);
}`,
      output: null,
      errors: [
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "wrap",
              data: { key: `"${id("isValid")}"` },
              output: `import { z } from "zod";
import { withKey } from "stable-schema";
export function handler(input: unknown) {
  return z.number().refine(withKey((n) => n > 0, "${id("isValid")}")).parse(input);
}`,
            },
          ],
        },
      ],
    },
    {
      name: "TS file: annotated parameters need nothing from the checker, so the closure is hoisted",
      code: `import { z } from "zod";
export const handler = (input: unknown) => z.string().refine((s: string) => s.length > 0).parse(input);`,
      output: `import { z } from "zod";
const isValid = (s: string) => s.length > 0;

export const handler = (input: unknown) => z.string().refine(isValid).parse(input);`,
      errors: [
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "isValid", form: "constant" },
              output: `import { z } from "zod";
const isValid = (s: string) => s.length > 0;

export const handler = (input: unknown) => z.string().refine(isValid).parse(input);`,
            },
          ],
        },
      ],
    },
    {
      name: "a capture becomes part of the key; an existing value import from the runtime is extended",
      code: `import { z } from "zod";
import { schemaKey } from "stable-schema";
export function handler(input: unknown, min: number) {
  void schemaKey;
  return z.number().refine((n) => n > min).parse(input);
}`,
      output: null,
      errors: [
        {
          messageId: "inlineRepeated",
          data: {
            kind: "predicate",
            api: ".refine()",
            where: "on every call of `handler`",
            captures: " (captures `min`)",
          },
          suggestions: [
            {
              messageId: "wrap",
              data: { key: `["${id("isValid")}", min]` },
              output: `import { z } from "zod";
import { schemaKey, withKey } from "stable-schema";
export function handler(input: unknown, min: number) {
  void schemaKey;
  return z.number().refine(withKey((n) => n > min, ["${id("isValid")}", min])).parse(input);
}`,
            },
          ],
        },
      ],
    },
    {
      name: "an arrow that uses the enclosing this has neither a fix nor a suggestion",
      code: `import { z } from "zod";
export class Limits {
  max = 3;
  check(input: unknown) { return z.number().refine((n) => n <= this.max).parse(input); }
}`,
      output: null,
      errors: [{ messageId: "inlineRepeated", suggestions: [] }],
    },
    {
      name: 'fix: "suggest" turns the hoist into a suggestion and leaves the code alone under --fix',
      filename: "handler.js",
      options: [{ fix: "suggest" }],
      code: `import { z } from "zod";
export const handler = (input) => z.number().refine((n) => n > 0).parse(input);`,
      output: null,
      errors: [
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "isValid", form: "constant" },
              output: `import { z } from "zod";
const isValid = (n) => n > 0;

export const handler = (input) => z.number().refine(isValid).parse(input);`,
            },
          ],
        },
      ],
    },
    {
      name: "the hoisted name comes from the check's own name when the call gives one (catalogue label: superstruct refine, yup test)",
      filename: "handler.js",
      code: `import { refine, string } from "superstruct";
import * as yup from "yup";
export const handler = (input) => { const checks = [refine(string(), "non-empty", (v) => v.length > 0), yup.string().test({ name: "is-slug", test: (v) => /^[a-z-]+$/.test(v ?? "") })]; return checks.length + input; };`,
      output: `import { refine, string } from "superstruct";
import * as yup from "yup";
const checkNonEmpty = (v) => v.length > 0;

const isSlug = (v) => /^[a-z-]+$/.test(v ?? "");

export const handler = (input) => { const checks = [refine(string(), "non-empty", checkNonEmpty), yup.string().test({ name: "is-slug", test: isSlug })]; return checks.length + input; };`,
      errors: [
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "checkNonEmpty", form: "constant" },
              output: `import { refine, string } from "superstruct";
import * as yup from "yup";
const checkNonEmpty = (v) => v.length > 0;

export const handler = (input) => { const checks = [refine(string(), "non-empty", checkNonEmpty), yup.string().test({ name: "is-slug", test: (v) => /^[a-z-]+$/.test(v ?? "") })]; return checks.length + input; };`,
            },
          ],
        },
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "isSlug", form: "constant" },
              output: `import { refine, string } from "superstruct";
import * as yup from "yup";
const isSlug = (v) => /^[a-z-]+$/.test(v ?? "");

export const handler = (input) => { const checks = [refine(string(), "non-empty", (v) => v.length > 0), yup.string().test({ name: "is-slug", test: isSlug })]; return checks.length + input; };`,
            },
          ],
        },
      ],
    },
    {
      name: 'fix: "none" reports only',
      filename: "handler.js",
      options: [{ fix: "none" }],
      code: `import { z } from "zod";
export const handler = (input) => z.number().refine((n) => n > 0).parse(input);`,
      output: null,
      errors: [{ messageId: "inlineRepeated", suggestions: [] }],
    },
    {
      name: "two closures in one statement are hoisted in one pass with distinct names; a suggestion alone keeps the name planned with the others",
      filename: "handler.js",
      code: `import { z } from "zod";
export const handler = (input) => z.tuple([z.number().refine((n) => n > 0), z.number().refine((n) => n < 9)]).parse(input);`,
      output: `import { z } from "zod";
const isValid = (n) => n > 0;

const isValid2 = (n) => n < 9;

export const handler = (input) => z.tuple([z.number().refine(isValid), z.number().refine(isValid2)]).parse(input);`,
      errors: [
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "isValid", form: "constant" },
              output: `import { z } from "zod";
const isValid = (n) => n > 0;

export const handler = (input) => z.tuple([z.number().refine(isValid), z.number().refine((n) => n < 9)]).parse(input);`,
            },
          ],
        },
        {
          messageId: "inlineRepeated",
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "isValid2", form: "constant" },
              output: `import { z } from "zod";
const isValid2 = (n) => n < 9;

export const handler = (input) => z.tuple([z.number().refine((n) => n > 0), z.number().refine(isValid2)]).parse(input);`,
            },
          ],
        },
      ],
    },
  ],
});
