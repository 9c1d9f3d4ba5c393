// The fix kinds of no-schema-in-function: hoist (autofix only when nothing can change), hoist-lazy,
// use-memo and schema-factory (suggestions). RuleTester applies fixes pass after pass, so `output` is
// the fixed point (a fixer that is not idempotent shows up as a repeated edit); every suggestion's
// output is asserted.
import { call, rule, tester } from "./helpers.js";

const rebuilt = (api: string, where: string) => ({ messageId: "schemaRebuilt" as const, data: { api, library: "zod ", where } });
const tdzNote = (name: string) => ` (\`${name}\` is an exported function declaration: a circular import can call it before the module body reaches the constant)`;

tester.run("no-schema-in-function: fixes", rule, {
  valid: [
    {
      name: "after the hoist the schema is module level: nothing left to report",
      code: `import { z } from "zod";\nconst userSchema = z.object({ name: z.string() });\nexport const h = (x: unknown) => userSchema.parse(x);`,
    },
    {
      name: "after the lazy hoist the `??=` right side runs once: nothing left to report",
      options: [{ hoist: "lazy" }],
      code: `import { z } from "zod";\nlet userSchema;\nconst getUserSchema = () => (userSchema ??= z.object({ a: z.string() }));\nexport const h = (x) => getUserSchema().parse(x);`,
      filename: "h.js",
    },
  ],
  invalid: [
    {
      name: "a const declaration moves as a whole and keeps its name; its references now read the module constant",
      code: `import { z } from "zod";

export const handler = (input: unknown) => {
  const userSchema = z.object({
    name: z.string().min(1),
  });
  return userSchema.parse(input);
};
`,
      output: `import { z } from "zod";

const userSchema = z.object({
  name: z.string().min(1),
});

export const handler = (input: unknown) => {
  return userSchema.parse(input);
};
`,
      errors: [rebuilt("z.object()", call("handler"))],
    },
    {
      name: "an inline schema gets a name from the function (handle/get/use… prefix dropped)",
      code: `import { z } from "zod";

export const handleSignup = (input: unknown) => z.object({ email: z.string().email() }).parse(input);
`,
      output: `import { z } from "zod";

const signupSchema = z.object({ email: z.string().email() });

export const handleSignup = (input: unknown) => signupSchema.parse(input);
`,
      errors: [rebuilt("z.object()", call("handleSignup"))],
    },
    {
      name: "a non-exported function declaration called only below: autofix (JS)",
      filename: "handler.js",
      code: `import { z } from "zod";

function handler(input) {
  const userSchema = z.object({ name: z.string() });
  return userSchema.parse(input);
}

export default { handler };
`,
      output: `import { z } from "zod";

const userSchema = z.object({ name: z.string() });

function handler(input) {
  return userSchema.parse(input);
}

export default { handler };
`,
      errors: [rebuilt("z.object()", call("handler"))],
    },
    {
      name: "an exported function declaration can run before the constant exists (circular import): suggestion only",
      code: `import { z } from "zod";

export function handler(input: unknown) {
  const userSchema = z.object({ name: z.string() });
  return userSchema.parse(input);
}
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.object()", call("handler")),
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "userSchema", note: tdzNote("handler") },
              output: `import { z } from "zod";

const userSchema = z.object({ name: z.string() });

export function handler(input: unknown) {
  return userSchema.parse(input);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a function declaration called from an exported function declaration: suggestion only, saying through which",
      code: `import { z } from "zod";

export function handler(input: unknown) {
  return $do(input);
}

function $do(input: unknown) {
  return z.void().parse(input);
}
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.void()", call("$do")),
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "doSchema", note: ` (\`$do\` is called from \`handler\`, and ${tdzNote("handler").slice(2, -1)})` },
              output: `import { z } from "zod";

export function handler(input: unknown) {
  return $do(input);
}

const doSchema = z.void();

function $do(input: unknown) {
  return doSchema.parse(input);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a function declaration called only from a const arrow: autofix",
      code: `import { z } from "zod";

function $do(input: unknown) {
  return z.void().parse(input);
}

export const handler = (input: unknown) => $do(input);
`,
      output: `import { z } from "zod";

const doSchema = z.void();

function $do(input: unknown) {
  return doSchema.parse(input);
}

export const handler = (input: unknown) => $do(input);
`,
      errors: [rebuilt("z.void()", call("$do"))],
    },
    {
      name: "zod .meta({ id }) registers the schema: suggestion only",
      code: `import { z } from "zod";

export const h = (x: unknown) => z.object({ a: z.string() }).meta({ id: "User" }).parse(x);
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.object()", call("h")),
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "hSchema", note: " (it registers the schema (`.meta()`): once instead of on every call)" },
              output: `import { z } from "zod";

const hSchema = z.object({ a: z.string() }).meta({ id: "User" });

export const h = (x: unknown) => hSchema.parse(x);
`,
            },
          ],
        },
      ],
    },
    {
      name: "a call that is not a schema construction would run once instead of per call: suggestion only",
      code: `import { z } from "zod";
import { randomUUID } from "node:crypto";

export const h = (x: unknown) => z.object({ id: z.string().default(randomUUID()) }).parse(x);
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.object()", call("h")),
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "hSchema", note: " (it calls `randomUUID()`: once at module load instead of on every call)" },
              output: `import { z } from "zod";
import { randomUUID } from "node:crypto";

const hSchema = z.object({ id: z.string().default(randomUUID()) });

export const h = (x: unknown) => hSchema.parse(x);
`,
            },
          ],
        },
      ],
    },
    {
      name: "hoist: lazy (JS): `let S; const getS = () => (S ??= …)`",
      filename: "h.js",
      options: [{ hoist: "lazy" }],
      code: `import { z } from "zod";

export const h = (x) => {
  const userSchema = z.object({ a: z.string() });
  return userSchema.parse(x);
};
`,
      output: `import { z } from "zod";

let userSchema2;
const getUserSchema = () => (userSchema2 ??= z.object({ a: z.string() }));

export const h = (x) => {
  const userSchema = getUserSchema();
  return userSchema.parse(x);
};
`,
      errors: [rebuilt("z.object()", call("h"))],
    },
    {
      name: "hoist: lazy (TS): the cache is typed by a build function",
      options: [{ hoist: "lazy" }],
      code: `import { z } from "zod";

export const h = (x: unknown) => z.object({ a: z.string() }).parse(x);
`,
      output: `import { z } from "zod";

function buildHSchema() {
  return z.object({ a: z.string() });
}
let hSchema: ReturnType<typeof buildHSchema> | undefined;
const getHSchema = () => (hSchema ??= buildHSchema());

export const h = (x: unknown) => getHSchema().parse(x);
`,
      errors: [rebuilt("z.object()", call("h"))],
    },
    {
      name: "fix: suggest offers the hoist as a suggestion",
      options: [{ fix: "suggest" }],
      code: `import { z } from "zod";

export const h = (x: unknown) => z.string().parse(x);
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.string()", call("h")),
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "hSchema", note: "" },
              output: `import { z } from "zod";

const hSchema = z.string();

export const h = (x: unknown) => hSchema.parse(x);
`,
            },
          ],
        },
      ],
    },
    {
      name: "useMemo in a component: extends the named react import, deps are the captured locals",
      code: `import { z } from "zod";
import { useState } from "react";

export function Field({ max }: { max: number }) {
  const [min] = useState(1);
  const schema = z.string().min(min).max(max);
  return <input data-s={String(schema)} />;
}
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.string()", call("Field")),
          suggestions: [
            {
              messageId: "useMemo",
              data: { deps: "[min, max]" },
              output: `import { z } from "zod";
import { useState, useMemo } from "react";

export function Field({ max }: { max: number }) {
  const [min] = useState(1);
  const schema = useMemo(() => z.string().min(min).max(max), [min, max]);
  return <input data-s={String(schema)} />;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "useMemo in a hook through the React namespace import",
      code: `import * as React from "react";
import { z } from "zod";

export function useField(max: number) {
  return z.string().max(max);
}
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.string()", call("useField")),
          suggestions: [
            {
              messageId: "useMemo",
              data: { deps: "[max]" },
              output: `import * as React from "react";
import { z } from "zod";

export function useField(max: number) {
  return React.useMemo(() => z.string().max(max), [max]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "useMemo adds the react import when there is none",
      code: `import { z } from "zod";

export function Field({ max }: { max: number }) {
  const schema = z.string().max(max);
  return <input data-s={String(schema)} />;
}
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.string()", call("Field")),
          suggestions: [
            {
              messageId: "useMemo",
              data: { deps: "[max]" },
              output: `import { z } from "zod";
import { useMemo } from "react";

export function Field({ max }: { max: number }) {
  const schema = useMemo(() => z.string().max(max), [max]);
  return <input data-s={String(schema)} />;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "no useMemo after an early return (the hook would be conditional), no hoist (captures)",
      code: `import { z } from "zod";

export function Field({ max }: { max: number }) {
  if (max < 0) return null;
  const schema = z.string().max(max);
  return <input data-s={String(schema)} />;
}
`,
      output: null,
      errors: [{ ...rebuilt("z.string()", call("Field")), suggestions: [] }],
    },
    {
      name: "schemaFactory elsewhere: primitives known from annotations and literal initialisers",
      code: `import { z } from "zod";

export const h = (input: unknown, max: number) => {
  const limit = 10;
  return z.string().max(max).min(limit).parse(input);
};
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.string()", call("h")),
          suggestions: [
            {
              messageId: "schemaFactory",
              data: { name: "getHSchema", note: "" },
              output: `import { z } from "zod";
import { schemaFactory } from "stable-schema";

const getHSchema = schemaFactory((max: number, limit: number) => z.string().max(max).min(limit));

export const h = (input: unknown, max: number) => {
  const limit = 10;
  return getHSchema(max, limit).parse(input);
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "where only parts depend on locals, the independent sub-schemas can be hoisted (next to the schemaFactory)",
      code: `import { z } from "zod";

export const h = (body: unknown, min: number) =>
  z.object({ email: z.string().email(), age: z.number().min(min) }).parse(body);
`,
      output: null,
      errors: [
        {
          ...rebuilt("z.object()", call("h")),
          suggestions: [
            {
              messageId: "schemaFactory",
              data: { name: "getHSchema", note: "" },
              output: `import { z } from "zod";
import { schemaFactory } from "stable-schema";

const getHSchema = schemaFactory((min: number) => z.object({ email: z.string().email(), age: z.number().min(min) }));

export const h = (body: unknown, min: number) =>
  getHSchema(min).parse(body);
`,
            },
            {
              messageId: "hoistParts",
              data: { names: "emailSchema", note: "" },
              output: `import { z } from "zod";

const emailSchema = z.string().email();

export const h = (body: unknown, min: number) =>
  z.object({ email: emailSchema, age: z.number().min(min) }).parse(body);
`,
            },
          ],
        },
      ],
    },
    {
      name: "no schemaFactory when a captured value's type is unknown (JS parameter)",
      filename: "h.js",
      code: `import { z } from "zod";

export const h = (input, max) => z.string().max(max).parse(input);
`,
      output: null,
      errors: [{ ...rebuilt("z.string()", call("h")), suggestions: [] }],
    },
    {
      name: "factory calls: schemaFactory for local arguments, a hoist suggestion for constant ones (it runs the factory at load)",
      code: `import { z } from "zod";

function build(limit: number) {
  return z.string().max(limit);
}

export const check = (limit: number, value: string) => build(limit).parse(value);
export const check10 = (value: string) => build(10).parse(value);
`,
      output: null,
      errors: [
        {
          messageId: "factoryCalled",
          data: { api: "build()", library: "", where: call("check") },
          suggestions: [
            {
              messageId: "schemaFactory",
              data: { name: "cachedBuild", note: "" },
              output: `import { z } from "zod";
import { schemaFactory } from "stable-schema";

function build(limit: number) {
  return z.string().max(limit);
}

const cachedBuild = schemaFactory((limit: number) => build(limit));

export const check = (limit: number, value: string) => cachedBuild(limit).parse(value);
export const check10 = (value: string) => build(10).parse(value);
`,
            },
          ],
        },
        {
          messageId: "factoryCalled",
          data: { api: "build()", library: "", where: call("check10") },
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "check10Schema", note: " (it calls `build(10)`: once at module load instead of on every call)" },
              output: `import { z } from "zod";

function build(limit: number) {
  return z.string().max(limit);
}

export const check = (limit: number, value: string) => build(limit).parse(value);
const check10Schema = build(10);

export const check10 = (value: string) => check10Schema.parse(value);
`,
            },
          ],
        },
      ],
    },
    {
      name: "a module-level binding declared below is not initialised where the constant would go: no hoist",
      code: `import { z } from "zod";

export const h = (x: unknown) => z.object({ item: Item }).parse(x);
const Item = z.string();
`,
      output: null,
      errors: [{ ...rebuilt("z.object()", call("h")), suggestions: [] }],
    },
    {
      name: "a captured local type: neither hoist nor schemaFactory",
      code: `import { z } from "zod";

export function h<T>(x: unknown) {
  type Local = { a: string };
  return z.custom<Local>().parse(x) as T;
}
`,
      output: null,
      errors: [{ ...rebuilt("z.custom()", call("h")), suggestions: [] }],
    },
    {
      name: "CRLF stays CRLF, the moved declaration is dedented",
      code: 'import { z } from "zod";\r\n\r\nexport const h = (x: unknown) => {\r\n  const itemSchema = z.object({\r\n    a: z.string(),\r\n  });\r\n  return itemSchema.parse(x);\r\n};\r\n',
      output: 'import { z } from "zod";\r\n\r\nconst itemSchema = z.object({\r\n  a: z.string(),\r\n});\r\n\r\nexport const h = (x: unknown) => {\r\n  return itemSchema.parse(x);\r\n};\r\n',
      errors: [rebuilt("z.object()", call("h"))],
    },
    {
      name: "ajv: compiling at module load is a suggestion (the instance's state may differ there)",
      code: `import Ajv from "ajv";

const ajv = new Ajv();

export function check(data: unknown) {
  const validate = ajv.compile({ type: "object" });
  return validate(data);
}
`,
      output: null,
      errors: [
        {
          messageId: "compileRepeated",
          data: { api: "ajv.compile()", label: "compiles a fresh schema object (ajv caches by object identity and keeps it)", where: call("check") },
          suggestions: [
            {
              messageId: "hoist",
              data: { name: "validate", note: " (it compiles at module load, against the instance's state at that point)" },
              output: `import Ajv from "ajv";

const ajv = new Ajv();

const validate = ajv.compile({ type: "object" });

export function check(data: unknown) {
  return validate(data);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
