// Wrong code the migration must never write (issue 10, cases 6, 7, 8): the codemod (migrateSource via
// processSource) and `eslint --fix` with the plugin's `recommended` config, on the same inputs.
import path from "node:path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { processSource } from "../../codemods/lib/process.js";
import { MigratedTextParseError, parseSource, SourceParseError } from "../../lib/edits/migrate.js";
import plugin from "../../plugin.js";

const OPTIONS = { withKeyImport: { module: "stable-schema", name: "withKey" } };
/** Under the working directory, so the flat config applies to it (the file is never written). */
const file = (name: string): string => path.join(process.cwd(), "src", name);

const linter = new Linter({ configType: "flat" });
function config(sourceType: "module" | "commonjs"): Linter.Config[] {
  return [
    { files: ["**/*.{js,cjs,ts}"], languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType } },
    ...(plugin.configs.recommended as Linter.Config[]),
  ];
}

/** `eslint --fix` with `recommended`, then every suggestion a user could apply, one at a time. */
function eslintFix(text: string, filename: string, sourceType: "module" | "commonjs" = "module"): { output: string; messages: Linter.LintMessage[] } {
  const fixed = linter.verifyAndFix(text, config(sourceType), { filename });
  const fatal = fixed.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`eslint --fix wrote a file that does not parse: ${fatal.message}\n${fixed.output}`);
  return { output: fixed.output, messages: fixed.messages };
}

describe("case 6: a hoist before a decorated class goes above its decorators", () => {
  const DECORATED = [
    `import { z } from "zod";`,
    `function Dec(): ClassDecorator { return () => {}; }`,
    ``,
    `@Dec()`,
    `export class A {`,
    `  f = z.string().refine((s: string) => s.length > 1);`,
    `}`,
    ``,
  ].join("\n");

  it("case 6: the codemod hoists above `@Dec()` and the output parses", () => {
    const result = processSource(file("deco.ts"), DECORATED, OPTIONS);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe("changed");
    expect(result.output).toContain(`const isValid = (s: string) => s.length > 1;\n\n@Dec()\nexport class A {`);
    expect(() => parseSource(result.output!, { filename: file("deco.ts") })).not.toThrow();
  });

  it("case 6: eslint --fix with recommended writes a file that parses, with the same hoist", () => {
    const { output } = eslintFix(DECORATED, file("deco.ts"));
    expect(output).toBe(processSource(file("deco.ts"), DECORATED, OPTIONS).output);
  });

  it("case 6: `export default` with decorators, and a decorator after `export`, too", () => {
    for (const head of ["@Dec()\nexport default class A {", "export @Dec() class A {", "@Dec() @Dec()\nclass A {"]) {
      const text = DECORATED.replace("@Dec()\nexport class A {", head);
      const result = processSource(file("deco.ts"), text, OPTIONS);
      expect(result.status, `${head}: ${result.error?.message}`).toBe("changed");
      expect(result.output!.indexOf("const isValid")).toBeLessThan(result.output!.indexOf("@Dec()"));
    }
  });

  it("case 6: text our own edits produced that does not parse is reported as a stable-schema bug, not at the user's file", () => {
    const bug = new MigratedTextParseError(new SourceParseError("Decorators are not valid here.", file("deco.ts"), 4, 0));
    const result = processSource(file("deco.ts"), DECORATED, OPTIONS, undefined, () => {
      throw bug;
    });
    expect(result.status).toBe("failed");
    expect(result.error).toEqual({
      message: "stable-schema bug: the migrated text does not parse (4:1: Decorators are not valid here.); the file was left unchanged — please report it",
    });
  });
});

describe("case 7: no hoist or wrap where names resolve at run time (direct eval, with)", () => {
  const cases: Array<[string, string, string, "module" | "commonjs"]> = [
    [
      "a direct eval inside the closure",
      file("eval.js"),
      `import { z } from "zod";\nexport function f(min, x) {\n  return z.string().refine((s) => eval("s.length > min")).parse(x);\n}\n`,
      "module",
    ],
    [
      "a closure inside `with`",
      file("with.cjs"),
      `const { z } = require("zod");\nfunction f(obj, x) {\n  with (obj) {\n    return z.string().refine((s) => s.length > min).parse(x);\n  }\n}\nmodule.exports = f;\n`,
      "commonjs",
    ],
    [
      "a direct eval in an enclosing function (it can declare or assign what the closure reads)",
      file("eval-outer.cjs"),
      `const { z } = require("zod");\nfunction f(code, x) {\n  eval(code);\n  return z.string().refine((s) => s.length > min).parse(x);\n}\nmodule.exports = f;\n`,
      "commonjs",
    ],
  ];

  it.each(cases)("case 7: %s is left, with the reason, by the codemod", (_label, file, text) => {
    const result = processSource(file, text, OPTIONS);
    expect(result.status).toBe("unchanged");
    expect(result.sites).toHaveLength(1);
    expect(result.sites[0]!.action).toBe("left");
    expect(result.sites[0]!.reason).toMatch(/`with` statement|direct `eval`/);
  });

  it.each(cases)("case 7: %s gets no autofix and no suggestion from eslint --fix", (_label, file, text, sourceType) => {
    const { output, messages } = eslintFix(text, file, sourceType);
    expect(output).toBe(text);
    const reported = messages.filter((m) => m.ruleId === "stable-schema/no-inline-predicate");
    expect(reported).toHaveLength(1);
    expect(reported[0]!.suggestions ?? []).toEqual([]);
    expect(reported[0]!.message).toMatch(/uses (`with`|a direct `eval`)/);
  });

  it("case 7: an indirect eval, which sees only globals, does not block a hoist", () => {
    const text = `import { z } from "zod";\nexport function f(code, x) {\n  (0, eval)(code);\n  return z.string().refine((s) => s.length > 0).parse(x);\n}\n`;
    expect(processSource(file("indirect.js"), text, OPTIONS).sites[0]!.action).toBe("hoisted");
  });
});

describe("case 8: lexical `this` through computed class keys, member decorators and `extends`", () => {
  const outer = (body: string) => `import { z } from "zod";\nexport function make(this: { k: string }, x: unknown) {\n  return z.custom((v) => ${body}).parse(x);\n}\n`;

  it.each([
    ["a computed method key", "class { [this.k]() { return v; } }"],
    ["a computed field key", "class { [this.k] = v; }"],
    ["`extends`", "class extends (this.base) { v = v; }"],
  ])("case 8: %s reads the outer `this`: neither hoisted nor wrapped", (_label, body) => {
    const result = processSource(file("this.ts"), outer(body), OPTIONS);
    expect(result.sites[0]).toMatchObject({ action: "left", reason: "it uses `this` of the enclosing function, which differs between calls" });
  });

  it("case 8: `this` inside a class member body is the class's own and blocks nothing", () => {
    const text = `import { z } from "zod";\nexport function make(x: unknown) {\n  return z.custom((v) => class { k = 1; m() { return this.k; } }).parse(x);\n}\n`;
    expect(processSource(file("own-this.ts"), text, OPTIONS).sites[0]!.action).not.toBe("left");
  });
});

describe("case 12 (the codemod side): a closure capturing a new object per call is not wrapped", () => {
  it.each([
    ["an object literal", "const opts = { min };", "opts.min"],
    ["an array literal", "const limits = [min];", "limits[0]"],
    ["a `new` expression", "const range = new Set([min]);", "range.size"],
    ["a local function", "const lower = (v: number) => v > min;", "lower(n) && 1"],
  ])("case 12: %s: left with 'can never hit', no withKey written", (_label, declaration, use) => {
    const text = `import { z } from "zod";\nexport function f(min: number, x: unknown) {\n  ${declaration}\n  return z.number().refine((n) => ${use} > 0).parse(x);\n}\n`;
    const result = processSource(file("fresh.ts"), text, OPTIONS);
    expect(result.status).toBe("unchanged");
    expect(result.output).toBeUndefined();
    expect(result.sites[0]).toMatchObject({ action: "left" });
    expect(result.sites[0]!.reason).toContain("a new object on every call: a withKey key compares it by identity and can never hit");
    const { output } = eslintFix(text, file("fresh.ts"));
    expect(output).toBe(text);
  });

  it("case 12: a captured primitive const is still wrapped (it can hit)", () => {
    const text = `import { z } from "zod";\nexport function f(min: number, x: unknown) {\n  const lower = min * 2;\n  return z.number().refine((n) => n > lower).parse(x);\n}\n`;
    expect(processSource(file("prim.ts"), text, OPTIONS).sites[0]!.action).toBe("wrapped");
  });
});
