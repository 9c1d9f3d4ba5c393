// ESLint 9 compatibility: the rule runs through ESLint 9's Linter (flat config) with the
// typescript-eslint parser, reports the same message, and honours settings and options.
import * as parser from "@typescript-eslint/parser";
import { Linter } from "eslint9";
import { describe, expect, it } from "vitest";
import rule from "../../rules/no-inline-predicate.js";

const linter = new Linter({ configType: "flat" });

function lint(code: string, extra: { settings?: Record<string, unknown>; options?: Record<string, unknown>; filename?: string } = {}) {
  return linter.verify(
    code,
    [
      {
        files: ["**/*.ts", "**/*.tsx", "**/*.cjs"],
        languageOptions: { parser: parser as unknown as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { "stable-schema": { rules: { "no-inline-predicate": rule as never } } },
        rules: { "stable-schema/no-inline-predicate": ["error", { fix: "none", ...extra.options }] },
        settings: extra.settings ?? {},
      },
    ],
    extra.filename ?? "file.ts",
  );
}

describe("no-inline-predicate under ESLint 9", () => {
  it("reports an inline refine in a function with the full message", () => {
    const messages = lint(`import { z } from "zod";
export function handler(input: unknown, min: number) { return z.string().refine((s) => s.length > min).parse(input); }`);
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line, m.message])).toEqual([
      [
        "stable-schema/no-inline-predicate",
        "inlineRepeated",
        2,
        "Inline predicate passed to `.refine()` is recreated on every call of `handler` (captures `min`); its schema gets a new cache key each time.",
      ],
    ]);
  });

  it("stays silent on look-alikes and module level", () => {
    expect(lint(`import { toast } from "sonner";
import { z } from "zod";
export const A = z.string().refine((s) => s.length > 0);
export function f(xs: number[]) { toast.custom(() => null); return xs.filter((x) => x > 0); }`)).toEqual([]);
  });

  it("reads settings (module map) and options (scope: all)", () => {
    const mapped = lint(`import { z } from "@/lib/zod";\nexport function f() { return z.string().refine((s) => !!s).parse(""); }`, {
      settings: { "stable-schema": { modules: { "@/lib/zod": "zod" } } },
    });
    expect(mapped.map((m) => m.messageId)).toEqual(["inlineRepeated"]);
    const all = lint(`import { z } from "zod";\nexport const A = z.string().refine((s) => !!s);`, { options: { scope: "all" } });
    expect(all.map((m) => m.messageId)).toEqual(["inlineModule"]);
  });

  it("traces require() in a .cjs file (sourceType commonjs declares require as a global)", () => {
    const messages = lint(`const { z } = require("zod");\nfunction f(input) { return z.string().refine((s) => !!s).parse(input); }\nmodule.exports = { f };`, {
      filename: "file.cjs",
    });
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([["inlineRepeated", 2]]);
  });
});
