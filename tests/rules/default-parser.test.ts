// Plain JavaScript with ESLint's default parser (espree + eslint-scope), on ESLint 10 and 9: no
// typescript-eslint parser, so references carry no isValueReference flag. Captures must still be values
// (a withKey key that left them out would be unsound).
import { Linter as Linter10 } from "eslint";
import { Linter as Linter9 } from "eslint9";
import { describe, expect, it } from "vitest";
import plugin from "../../plugin.js";

const code = `import { z } from "zod";
export function withMin(input, min) {
  return z.number().refine((n) => n > min).parse(input);
}
export function positive(input) {
  return z.number().refine((n) => n > 0).parse(input);
}
`;

/** The part of ESLint's Linter both majors share (their type declarations differ in overloads). */
interface AnyLinter {
  verify(code: string, config: never, filename: string): { line: number; message: string; fix?: unknown; suggestions?: { desc: string }[] }[];
  verifyAndFix(code: string, config: never, filename: string): { output: string };
}

for (const [version, linter] of [
  ["10", new Linter10({ configType: "flat" }) as unknown as AnyLinter],
  ["9", new Linter9({ configType: "flat" }) as unknown as AnyLinter],
] as const) {
  describe(`default parser, ESLint ${version}`, () => {
    const config = [
      {
        files: ["**/*.js"],
        plugins: { "stable-schema": plugin as never },
        rules: { "stable-schema/no-inline-predicate": "error" as const, "stable-schema/require-stable-key": "error" as const },
      },
    ];

    it("reports both closures and names the captured value as a value", () => {
      const messages = linter.verify(code, config as never, "src/handler.js");
      expect(messages.map((m) => [m.line, m.message])).toEqual([
        [3, "Inline predicate passed to `.refine()` is recreated on every call of `withMin` (captures `min`); its schema gets a new cache key each time."],
        [6, "Inline predicate passed to `.refine()` is recreated on every call of `positive`; its schema gets a new cache key each time."],
      ]);
    });

    it("hoists the capture-free closure (no annotation needed in JS) and suggests a key that covers `min`", () => {
      const messages = linter.verify(code, config as never, "src/handler.js");
      expect(messages[0]!.fix).toBeUndefined();
      expect(messages[0]!.suggestions?.[0]?.desc).toMatch(/^Wrap in `withKey\(\)` with the key \[".*#isValid", min\]\.$/);
      const fixed = linter.verifyAndFix(code, config as never, "src/handler.js");
      expect(fixed.output).toContain("function isValid(n) {\n  return n > 0;\n}\n\nexport function positive(input) {");
      expect(fixed.output).toContain("z.number().refine(isValid).parse(input)");
    });

    it("require-stable-key sees the capture too", () => {
      const keyed = `import { withKey } from "stable-schema";
export const atLeast = (min) => withKey((n) => n >= min, "atLeast");
`;
      const messages = linter.verify(keyed, config as never, "src/keys.js");
      expect(messages.map((m) => m.message)).toHaveLength(1);
      expect(messages[0]!.message).toContain("`min`");
      expect(linter.verifyAndFix(keyed, config as never, "src/keys.js").output).toContain('["atLeast", min]');
    });
  });
}
