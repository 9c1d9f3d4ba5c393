// require-stable-key: the codemod's wrap output lints clean with the rule (representative inputs and
// every stable-predicates fixture, input migrated and output as committed).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { migrateSource } from "../../../lib/edits/migrate.js";
import rule from "../../../rules/require-stable-key.js";

function lintWithRule(code: string, filename: string) {
  const linter = new Linter({ configType: "flat" });
  return linter.verify(
    code,
    [
      {
        files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { "stable-schema": { rules: { "require-stable-key": rule } } as never },
        rules: { "stable-schema/require-stable-key": "error" },
      },
    ],
    { filename },
  );
}

const representative: Record<string, string> = {
  "handler.ts": `import { z } from "zod";
export function createUser(req: { body: unknown }, minAge: number, opts: { maxLen: number }) {
  const { maxLen } = opts;
  const User = z.object({
    name: z.string().refine((s) => s.length <= maxLen).transform((s) => s.trim()),
    age: z.number().refine((n) => n >= minAge && [1, 2].every((k) => k < minAge + maxLen)),
  });
  return User.parse(req.body);
}`,
  "form.tsx": `import * as yup from "yup";
export function Form({ reserved }: { reserved: string[] }) {
  const schema = yup.string().test("free", "taken", (name) => !reserved.includes(name ?? ""));
  return <input data-schema={String(schema)} />;
}`,
  "loop.ts": `import * as v from "valibot";
export function importRows(rows: { sku: string; prefix: string }[]) {
  for (const row of rows) {
    const Sku = v.pipe(v.string(), v.check((s) => s.startsWith(row.prefix)));
    v.parse(Sku, row.sku);
  }
}`,
  "generic.ts": `import { z } from "zod";
export function oneOf<T extends string>(values: readonly T[], input: unknown) {
  return z.string().refine((s): s is T => values.includes(s as T)).parse(input);
}`,
  "declared-below.ts": `import { z } from "zod";
export function f(input: unknown, p: number) {
  const s = z.number().refine((n) => n > limit);
  const limit = p * 2;
  return s.parse(input);
}`,
  "reassigned.ts": `import { z } from "zod";
export function f(input: unknown, p: number) {
  let min = p;
  const s = z.number().refine((n) => n > min);
  min += 1;
  return s.parse(input);
}`,
  "existing.ts": `import { z } from "zod";
import { withKey } from "stable-schema";
export function f(input: unknown, a: number, b: number) {
  const one = z.number().refine(withKey((n: number) => n > a, ["checkValue", a]));
  return z.number().refine((n) => n < b).and(one).parse(input);
}`,
};

const fixtureDir = fileURLToPath(new URL("../../codemods/__testfixtures__/stable-predicates/", import.meta.url));
const fixtureFiles = existsSync(fixtureDir) ? readdirSync(fixtureDir).filter((file) => /\.(input|output)\.[cm]?[jt]sx?$/.test(file)) : [];

describe("require-stable-key: the codemod's wrap output lints clean", () => {
  for (const [filename, code] of Object.entries(representative)) {
    it(`migrateSource(${filename})`, () => {
      const { output, sites } = migrateSource(code, { filename });
      expect(sites.length).toBeGreaterThan(0);
      const reports = lintWithRule(output, filename).map((m) => `${m.line}:${m.column} ${m.ruleId ?? "(parse)"} ${m.message}`);
      expect(reports).toEqual([]);
    });
  }

  it("wraps at least one closure in the representative inputs", () => {
    const wrapped = Object.entries(representative).flatMap(([filename, code]) =>
      migrateSource(code, { filename }).sites.filter((site) => site.action === "wrapped"),
    );
    expect(wrapped.length).toBeGreaterThanOrEqual(5);
  });

  it("leaves a closure whose capture is declared below it (the key would throw)", () => {
    const { sites } = migrateSource(representative["declared-below.ts"]!, { filename: "declared-below.ts" });
    expect(sites.map((site) => [site.action, site.reason])).toEqual([
      ["left", "it captures `limit`, which is declared below it: a key evaluated here would throw before `limit` is initialised"],
    ]);
  });

  for (const file of fixtureFiles) {
    const isOutput = file.includes(".output.");
    it(`${isOutput ? "fixture" : "migrateSource(fixture)"} ${file}`, () => {
      const code = readFileSync(`${fixtureDir}${file}`, "utf8");
      const output = isOutput ? code : migrateSource(code, { filename: file }).output;
      const reports = lintWithRule(output, file).map((m) => `${m.line}:${m.column} ${m.ruleId ?? "(parse)"} ${m.message}`);
      expect(reports).toEqual([]);
    });
  }
});
