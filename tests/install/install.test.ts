// Both packages as users get them: `npm pack`, then real installs into fresh projects (own
// package.json, no links, registry packages), checked with the projects' own tools. Run by .ci/run
// through `npm run test:install`; prints the install sizes it measures.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bin,
  countPackages,
  eslintJson,
  freshProject,
  npmInstall,
  ok,
  packBoth,
  readText,
  removeAll,
  repoRoot,
  run,
  treeBytes,
  type Tarballs,
  writeFiles,
} from "./helpers.js";

let tarballs: Tarballs;
const made: string[] = [];
const sizes: string[] = [];

function project(label: string, manifest: Record<string, unknown> = {}): string {
  const dir = freshProject(label, manifest);
  made.push(dir);
  return dir;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

beforeAll(() => {
  tarballs = packBoth();
  made.push(tarballs.dir);
});

afterAll(() => {
  if (sizes.length > 0) console.log(`install sizes:\n  ${sizes.join("\n  ")}`);
  removeAll(made);
});

// What a schema-using module looks like before the plugin has been applied: two inline closures in a
// handler (no-inline-predicate) and a withKey whose key misses a capture (require-stable-key).
const USERS_TS = `import { z } from "zod";
import { withKey } from "stable-schema";

export function parseUser(input: unknown, minAge: number) {
  const User = z.object({
    name: z.string().refine((s) => s.trim().length > 0),
    age: z.number().refine((n) => n >= minAge),
  });
  return User.parse(input);
}

export function minLength(min: number) {
  return z.string().refine(withKey((s: string) => s.length >= min, "probe/src/users#minLength"));
}
`;

const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    include: ["src"],
  },
  null,
  2,
)}\n`;

describe("stable-schema (the runtime) alone", () => {
  let dir: string;
  let added: number;
  let before: number;

  beforeAll(() => {
    dir = project("runtime-ts7", { type: "commonjs" });
    // A project on TypeScript 7 (no in-process API), the case that failed with ERESOLVE before.
    const ts = npmInstall(dir, ["typescript@7"]);
    expect(ts.status, ts.output).toBe(0);
    before = countPackages(path.join(dir, "node_modules"));
    const bytesBefore = treeBytes(path.join(dir, "node_modules"));
    const result = npmInstall(dir, [tarballs.runtime]);
    expect(result.status, result.output).toBe(0);
    added = result.added;
    sizes.push(`stable-schema: +${added} packages, +${mb(treeBytes(path.join(dir, "node_modules")) - bytesBefore)} (next to typescript@7)`);
  });

  it("installs next to typescript@7 without an error, adding at most 2 packages (itself and lru-cache)", () => {
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(2);
    expect(countPackages(path.join(dir, "node_modules")) - before).toBe(added);
  });

  it("loads through import (ESM) and require (CommonJS), with the same behaviour", () => {
    writeFiles(dir, {
      "esm.mjs": `import { withKey, keyOf, schemaKey } from "stable-schema";
const min = 2;
const a = withKey((s) => s.length >= min, ["probe/esm#min", min]);
const b = withKey((s) => s.length >= min, ["probe/esm#min", min]);
console.log(JSON.stringify({ same: a === b, key: typeof keyOf(a), schemaKey: typeof schemaKey({ a }) }));
`,
      "cjs.cjs": `const { withKey, keyOf, schemaKey } = require("stable-schema");
const min = 2;
const a = withKey((s) => s.length >= min, ["probe/cjs#min", min]);
const b = withKey((s) => s.length >= min, ["probe/cjs#min", min]);
console.log(JSON.stringify({ same: a === b, key: typeof keyOf(a), schemaKey: typeof schemaKey({ a }) }));
`,
    });
    const expected = { same: true, key: "string", schemaKey: "string" };
    expect(JSON.parse(ok(dir, process.execPath, ["esm.mjs"]))).toEqual(expected);
    expect(JSON.parse(ok(dir, process.execPath, ["cjs.cjs"]))).toEqual(expected);
  });

  it("type-checks with TypeScript 7's own compiler (ESM and CommonJS consumers)", () => {
    writeFiles(dir, {
      "src/esm.mts": `import { withKey, createSchemaCache, type WithKeyKey } from "stable-schema";
const key: WithKeyKey = ["probe/esm#positive", 0];
export const positive = withKey((n: number) => n > 0, key);
export const cache = createSchemaCache<string>({ max: 10 });
const ok: boolean = positive(1);
void ok;
`,
      "src/cjs.cts": `import { withKey } from "stable-schema";
export const short = withKey((s: string) => s.length < 10, "probe/cjs#short");
const ok: boolean = short("a");
void ok;
`,
      "tsconfig.json": TSCONFIG.replace('"skipLibCheck": true', '"skipLibCheck": false'),
    });
    ok(dir, bin(dir, "tsc"), ["-p", "tsconfig.json"]);
  });
});

describe("stable-schema under Jest's own module system (CommonJS)", () => {
  it("a Jest suite that requires the runtime runs", () => {
    const dir = project("runtime-jest", { scripts: { test: "jest --ci" } });
    const result = npmInstall(dir, [tarballs.runtime, "jest@30"]);
    expect(result.status, result.output).toBe(0);
    writeFiles(dir, {
      "key.test.js": `const { withKey, keyOf, createSchemaCache } = require("stable-schema");
test("withKey interns equal closures", () => {
  const make = (min) => withKey((s) => s.length >= min, ["probe/jest#min", min]);
  expect(make(2)).toBe(make(2));
  expect(make(2)).not.toBe(make(3));
  expect(keyOf(make(2))).toMatch(/probe\\/jest#min/);
});
test("createSchemaCache counts", () => {
  const cache = createSchemaCache({ max: 2 });
  cache.get({ type: "string" }, () => 1);
  cache.get({ type: "string" }, () => 2);
  expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
});
`,
    });
    const jest = run(dir, bin(dir, "jest"), ["--ci"]);
    expect(jest.status, `${jest.stdout}\n${jest.stderr}`).toBe(0);
    expect(jest.stderr).toMatch(/Tests:\s+2 passed/);
  });
});

interface Combo {
  label: string;
  eslint: string;
  typescript: string;
  configs: Array<"mjs" | "cjs" | "ts">;
}

// ESLint 9.0.x (the oldest the plugin claims), latest 9.x, latest 10.x; TypeScript 5.0, 5.9, 6.0;
// typescript-eslint 8 latest everywhere.
const combos: Combo[] = [
  { label: "eslint9.0-ts5.0", eslint: "eslint@~9.0.0", typescript: "typescript@~5.0.0", configs: ["mjs", "cjs"] },
  { label: "eslint9-ts5.9", eslint: "eslint@^9", typescript: "typescript@~5.9.0", configs: ["mjs", "cjs", "ts"] },
  { label: "eslint10-ts6.0", eslint: "eslint@^10", typescript: "typescript@~6.0.0", configs: ["mjs", "cjs", "ts"] },
];

const CONFIGS = {
  mjs: {
    file: "eslint.config.mjs",
    text: `import stableSchema from "eslint-plugin-stable-schema";
import tseslint from "typescript-eslint";

export default [
  { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
  ...stableSchema.configs.recommended,
];
`,
  },
  cjs: {
    file: "eslint.config.cjs",
    text: `const stableSchema = require("eslint-plugin-stable-schema");
const tseslint = require("typescript-eslint");

module.exports = [
  { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
  ...stableSchema.configs.recommended,
];
`,
  },
  ts: {
    file: "eslint.config.ts",
    text: `import { defineConfig } from "eslint/config";
import type { Linter } from "eslint";
import stableSchema from "eslint-plugin-stable-schema";
import tseslint from "typescript-eslint";

// Both typings users write: a Linter.Config[] annotation, and ESLint's own defineConfig().
const annotated: Linter.Config[] = [...stableSchema.configs.recommended];
const strict: Linter.Config[] = stableSchema.configs.strict;
void strict;

export default defineConfig(
  { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
  annotated,
  { files: ["never/**"], extends: [stableSchema.configs.recommended] },
);
`,
  },
} as const;

const EXPECTED_REPORTS = [
  { ruleId: "stable-schema/no-inline-predicate", line: 6 },
  { ruleId: "stable-schema/no-inline-predicate", line: 7 },
  { ruleId: "stable-schema/require-stable-key", line: 13 },
];

describe.each(combos)("eslint-plugin-stable-schema with $eslint, $typescript, typescript-eslint 8", (combo) => {
  let dir: string;

  beforeAll(() => {
    dir = project(combo.label, { type: "module" });
    // The project's own tools first, then the plugin: what the plugin adds is measured on its own.
    const tools = npmInstall(dir, [tarballs.runtime, combo.eslint, combo.typescript, "typescript-eslint@^8", "zod@^4", "jiti@^2"]);
    expect(tools.status, tools.output).toBe(0);
    const bytesBefore = treeBytes(path.join(dir, "node_modules"));
    const result = npmInstall(dir, [tarballs.plugin]);
    expect(result.status, result.output).toBe(0);
    sizes.push(
      `eslint-plugin-stable-schema (${combo.label}): +${result.added} packages, +${mb(treeBytes(path.join(dir, "node_modules")) - bytesBefore)} ` +
        `over ${combo.eslint} + ${combo.typescript} + typescript-eslint (project total ${countPackages(path.join(dir, "node_modules"))} packages)`,
    );
    writeFiles(dir, { "src/users.ts": USERS_TS, "tsconfig.json": TSCONFIG });
  });

  it.each(combo.configs)("recommended reports as documented from eslint.config.%s", (kind) => {
    const config = CONFIGS[kind];
    writeFiles(dir, { [config.file]: config.text });
    try {
      const reports = eslintJson(dir, ["src/users.ts"], ["--config", config.file]);
      const messages = reports[path.join("src", "users.ts")] ?? [];
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual(EXPECTED_REPORTS);
    } finally {
      run(dir, "rm", ["-f", config.file]);
    }
  });

  // ESLint reads eslint.config.ts and has defineConfig() from 9.22 on: checked where the combo has them.
  if (combo.configs.includes("ts")) it("eslint.config.ts type-checks (defineConfig and Linter.Config[])", () => {
    writeFiles(dir, {
      [CONFIGS.ts.file]: CONFIGS.ts.text,
      "tsconfig.config.json": `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true }, files: ["eslint.config.ts"] }, null, 2)}\n`,
      "check-cjs.cts": `import stableSchema = require("eslint-plugin-stable-schema");
import type { Linter } from "eslint";
const configs: Linter.Config[] = stableSchema.configs.recommended;
export = configs;
`,
      "tsconfig.cjs.json": `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true }, files: ["check-cjs.cts"] }, null, 2)}\n`,
    });
    try {
      ok(dir, bin(dir, "tsc"), ["-p", "tsconfig.config.json"]);
      ok(dir, bin(dir, "tsc"), ["-p", "tsconfig.cjs.json"]);
    } finally {
      run(dir, "rm", ["-f", CONFIGS.ts.file]);
    }
  });

  it("eslint --fix output type-checks, and what remains is reported, not broken", () => {
    writeFiles(dir, { [CONFIGS.mjs.file]: CONFIGS.mjs.text, "src/users.ts": USERS_TS });
    ok(dir, bin(dir, "tsc"), ["-p", "tsconfig.json"]); // the input type-checks
    const fix = run(dir, bin(dir, "eslint"), ["--fix", "src/users.ts"]);
    expect([0, 1], fix.stdout + fix.stderr).toContain(fix.status);
    const fixed = readText(dir, "src/users.ts");
    expect(fixed).not.toBe(USERS_TS);
    ok(dir, bin(dir, "tsc"), ["-p", "tsconfig.json"]);
    const again = run(dir, bin(dir, "eslint"), ["--fix", "src/users.ts"]);
    expect(readText(dir, "src/users.ts"), again.stderr).toBe(fixed); // a fixed point
  });

  it("the codemod CLI runs from the plugin's bin and its output type-checks", () => {
    writeFiles(dir, { "src/users.ts": USERS_TS });
    const migrate = run(dir, bin(dir, "stable-schema"), ["migrate", "src", "--force"]);
    expect(migrate.status, migrate.stdout + migrate.stderr).toBe(0);
    expect(readText(dir, "src/users.ts")).toContain('withKey((n) => n >= minAge, ["probe-');
    ok(dir, bin(dir, "tsc"), ["-p", "tsconfig.json"]);
  });
});

describe("eslint-plugin-stable-schema in a project whose TypeScript is 7", () => {
  let dir: string;
  let install: ReturnType<typeof npmInstall>;

  beforeAll(() => {
    dir = project("plugin-ts7", { type: "module" });
    const tools = npmInstall(dir, ["typescript@7", "eslint@^10", tarballs.runtime, "zod@^4"]);
    expect(tools.status, tools.output).toBe(0);
    const bytesBefore = treeBytes(path.join(dir, "node_modules"));
    install = npmInstall(dir, [tarballs.plugin]);
    sizes.push(`eslint-plugin-stable-schema (typescript@7, eslint 10, no typescript-eslint): +${install.added} packages, +${mb(treeBytes(path.join(dir, "node_modules")) - bytesBefore)}`);
  });

  it("installs without ERESOLVE", () => {
    expect(install.status, install.output).toBe(0);
    expect(install.output).not.toMatch(/ERESOLVE/);
  });

  it("lints JavaScript without type information", () => {
    writeFiles(dir, {
      "eslint.config.js": `import stableSchema from "eslint-plugin-stable-schema";\nexport default [...stableSchema.configs.recommended];\n`,
      "src/users.js": USERS_TS.replace("input: unknown, minAge: number", "input, minAge").replace("min: number", "min").replace("(s: string)", "(s)"),
    });
    const reports = eslintJson(dir, ["src/users.js"]);
    expect((reports[path.join("src", "users.js")] ?? []).map(({ ruleId, line }) => ({ ruleId, line }))).toEqual(EXPECTED_REPORTS);
  });

  it("migrates JavaScript without typescript-eslint; TypeScript files and --project say why not, in one line", () => {
    writeFiles(dir, {
      "src/users.ts": USERS_TS,
      "tsconfig.json": TSCONFIG,
    });
    const migrate = run(dir, bin(dir, "stable-schema"), ["migrate", "src", "--force"]);
    expect(migrate.status).toBe(1); // the .ts file could not be migrated
    const output = migrate.stdout + migrate.stderr;
    expect(readText(dir, "src/users.js")).toContain("withKey((n) => n >= minAge");
    expect(readText(dir, "src/users.ts")).toBe(USERS_TS);
    expect(output).toMatch(/src\/users\.ts: not migrated: parsing TypeScript needs @typescript-eslint\/parser and TypeScript 4\.8–6\.0, and the installed TypeScript 7\.\d+\.\d+ has no in-process compiler API/);
    const project = run(dir, bin(dir, "stable-schema"), ["migrate", "src", "--force", "--project", "tsconfig.json"]);
    expect(project.status).not.toBe(0);
    const lines = (project.stdout + project.stderr).split("\n").filter((line) => /in-process compiler API/.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--project needs type information, which needs TypeScript 4\.8–6\.0: the installed TypeScript 7/);
  });
});

describe("publint and @arethetypeswrong/cli on both tarballs", () => {
  it.each(["plugin", "runtime"] as const)("%s: publint is clean", (which) => {
    const result = run(repoRoot, bin(repoRoot, "publint"), ["run", tarballs[which], "--strict"]);
    console.log(`publint ${path.basename(tarballs[which])}:\n${result.stdout}${result.stderr}`);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/warning|error|suggestion/i);
  });

  it.each(["plugin", "runtime"] as const)("%s: attw finds no problem", (which) => {
    const result = run(repoRoot, bin(repoRoot, "attw"), [tarballs[which], "--format", "table-flipped"]);
    console.log(`attw ${path.basename(tarballs[which])}:\n${result.stdout}${result.stderr}`);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/No problems found/);
  });
});
