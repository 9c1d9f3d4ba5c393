// Type information: receivers that syntax cannot trace, and annotations for hoisted closures.
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../plugin.js";
import { migrateSource } from "../../lib/edits/migrate.js";
import ts from "typescript";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "__testfixtures__", "typed");
const file = path.join(dir, "handler.ts");
const text = fs.readFileSync(file, "utf8");

function lint(withTypes: boolean) {
  const linter = new Linter({ configType: "flat", cwd: dir });
  return linter.verify(
    text,
    [
      {
        files: ["**/*.ts"],
        languageOptions: {
          parser: tseslint.parser,
          parserOptions: withTypes ? { project: "./tsconfig.json", tsconfigRootDir: dir } : {},
        },
        plugins: { "stable-schema": plugin as never },
        rules: { "stable-schema/no-inline-predicate": "error" },
      },
    ],
    { filename: file },
  );
}

describe("type-aware receivers", () => {
  it("without types, an imported schema cannot be traced: no reports", () => {
    expect(lint(false)).toEqual([]);
  });

  it("with types, calls on an imported schema are reported, a same-named local method is not", () => {
    const messages = lint(true);
    expect(messages.map((m) => [m.line, m.messageId])).toEqual([
      [3, "inlineRepeated"],
      [4, "inlineRepeated"],
      [5, "inlineRepeated"],
    ]);
    // the closure without captures gets an autofix (annotated from the contextual type); the others a withKey suggestion
    expect(messages[0]!.fix).toBeDefined();
    expect(messages[1]!.fix).toBeUndefined();
    expect(messages[1]!.suggestions?.[0]?.desc).toBe(
      'Wrap in `withKey()` with the key ["eslint-plugin-stable-schema/tests/analysis/__testfixtures__/typed/handler#isValid", min].',
    );
  });

  it("hoists with a printed annotation, and leaves a non-portable ctx type to withKey", () => {
    const program = ts.createProgram([file, path.join(dir, "schemas.ts")], {
      strict: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
    });
    const result = migrateSource(text, { filename: file, programs: [program] });
    expect(result.output).toContain("function isValid(n: number) { return n > 0; }");
    // wrapped closures are annotated too when the type is portable (overloaded generic calls lose it)
    expect(result.output).toContain(
      'age.refine(withKey((n: number) => n > min, ["eslint-plugin-stable-schema/tests/analysis/__testfixtures__/typed/handler#isValid", min]))',
    );
    expect(result.output).toContain("age.superRefine(withKey((n, ctx) =>");
    expect(result.sites.map((s) => s.action)).toEqual(["hoisted", "wrapped", "wrapped"]);
    // idempotence: the migrated text, with the program rebuilt from it, has nothing left to change
    const again = migrateSource(result.output, { filename: file, programs: [program] });
    expect(again.changed).toBe(false);
    expect(again.output).toBe(result.output);
  });
});
