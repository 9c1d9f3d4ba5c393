// With type information (parserOptions.projectService): calls of imported functions whose return type
// is a catalogue library's schema are schema-factory calls; hooks and non-schema functions stay silent.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RuleTester } from "@typescript-eslint/rule-tester";
import "../../setup-rule-tester.js";
import { call, rule } from "./helpers.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "__testfixtures__/typed");
const tester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } },
});
const filename = path.join(dir, "form.ts");

tester.run("no-schema-in-function: imported factories (typed)", rule, {
  valid: [
    {
      name: "a hook returning a schema, a non-schema import, and factory calls at module level",
      filename,
      code: `import { buildSchema, label, useFormSchema, makeItem } from "./factories.js";
export const Item = makeItem(10);
export const S = buildSchema(label);
export function Form() { const schema = useFormSchema(); return label(String(schema)); }`,
    },
  ],
  invalid: [
    {
      name: "zod and valibot factories called per call; the message names the factory and the library",
      filename,
      code: `import { buildSchema, makeItem } from "./factories.js";
export function validate(input: unknown, t: (key: string) => string, max: number) {
  return [buildSchema(t).safeParse(input), makeItem(max)];
}`,
      errors: [
        {
          messageId: "factoryCalled",
          data: { api: "buildSchema()", library: "zod ", where: call("validate") },
          line: 3,
          column: 11,
          suggestions: [],
        },
        {
          messageId: "factoryCalled",
          data: { api: "makeItem()", library: "valibot ", where: call("validate") },
          line: 3,
          column: 44,
          suggestions: [
            {
              messageId: "schemaFactory",
              data: { name: "cachedMakeItem", note: " (`validate` is an exported function declaration: a circular import can call it before the module body reaches the constant)" },
              output: `import { schemaFactory } from "stable-schema";
import { buildSchema, makeItem } from "./factories.js";
const cachedMakeItem = schemaFactory((max: number) => makeItem(max));

export function validate(input: unknown, t: (key: string) => string, max: number) {
  return [buildSchema(t).safeParse(input), cachedMakeItem(max)];
}`,
            },
          ],
        },
      ],
    },
    {
      name: "an imported factory that does more than build a schema: schemaFactory is offered with what could change",
      filename,
      code: `import { auditedItem } from "./factories.js";
export const check = (max: number) => auditedItem(max);`,
      errors: [
        {
          messageId: "factoryCalled",
          data: { api: "auditedItem()", library: "valibot ", where: call("check") },
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: "schemaFactory",
              data: { name: "cachedAuditedItem", note: " (`auditedItem` does more than return a schema expression)" },
              output: `import { schemaFactory } from "stable-schema";
import { auditedItem } from "./factories.js";
const cachedAuditedItem = schemaFactory((max: number) => auditedItem(max));

export const check = (max: number) => cachedAuditedItem(max);`,
            },
          ],
        },
      ],
    },
  ],
});
