// The profiler on the example app, through the Node loader hook after tsx (as a user runs it):
// it finds every schema no-schema-in-function reports plus the one the rules cannot see (an imported
// factory called per request), with exact build counts; expectNoSchemaRebuilds fails on the app and
// passes after `stable-schema migrate --hoist-schemas` (types from each file's nearest tsconfig: the
// imported factory's calls are memoised with schemaFactory).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const app = path.join(root, "examples/app");
const runner = fileURLToPath(new URL("fixtures/run-app.mjs", import.meta.url));
const register = path.join(root, "dist/lib/instrument/register.js");
const tmp = path.join(root, `tests/profile/.tmp-app-${process.pid}`);

interface Site {
  file: string;
  line: number;
  builds: number;
  calls: number | null;
  function: string;
  api: string;
  library: string;
  reportedByRules: boolean;
  estimatedMs: number;
  rebuiltFrom?: string;
}

function runApp(appDir: string, args: string[]): unknown {
  const out = execFileSync(process.execPath, ["--import", "tsx", "--import", register, runner, ...args], {
    cwd: appDir,
    env: { ...process.env, NODE_OPTIONS: "", STABLE_SCHEMA_PROFILE_QUIET: "1", TSX_TSCONFIG_PATH: path.join(appDir, "tsconfig.json") },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

const relative = (file: string) => path.relative(app, fileURLToPath(file));

describe("profile of examples/app (node --import tsx --import eslint-plugin-stable-schema/register)", () => {
  const LOOPS = 3;
  let sites: Site[];
  let reported: string[];

  beforeAll(async () => {
    const profile = runApp(app, ["profile", path.join(app, "src/index.ts"), String(LOOPS)]) as { sites: Site[] };
    sites = profile.sites;
    const { default: plugin } = await import(pathToDist("plugin.js"));
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ["**/*.ts", "**/*.tsx"],
          languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { "stable-schema": plugin },
          rules: { "stable-schema/no-schema-in-function": "error" },
        },
      ],
    });
    const results = await eslint.lintFiles(["examples/app/src/**/*.ts", "examples/app/src/**/*.tsx"]);
    reported = results.flatMap((result) =>
      result.messages.filter((m) => m.ruleId === "stable-schema/no-schema-in-function").map((m) => `${path.relative(app, result.filePath)}:${m.line}`),
    );
  });

  it("counts every build exactly", () => {
    const builds = Object.fromEntries(sites.map((site) => [`${relative(site.file)}:${site.line}`, site.builds]));
    expect(builds).toEqual({
      // serveRequests (4 user bodies, 4 list queries, 3 orders) and runAll (the same handlers again, 3 signups, 4 import rows, 3 order desks)
      "src/handlers/users.ts:10": 8 * LOOPS,
      "src/handlers/users.ts:30": 8 * LOOPS,
      "src/schemas/orders.ts:8": 6 * LOOPS,
      "src/components/SignupForm.tsx:26": 3 * LOOPS,
      "src/jobs/import.ts:19": 4 * LOOPS,
      "src/models/order.ts:13": 3 * LOOPS,
      "src/models/order.ts:15": 3 * LOOPS,
      // module level: once
      "src/schemas/shared.ts:7": 1,
      "src/schemas/shared.ts:12": 1,
      "src/schemas/shared.ts:14": 1,
    });
  });

  it("finds every site the rule reports, and one it cannot see (the imported factory)", () => {
    const churning = sites.filter((site) => site.builds > 1).map((site) => `${relative(site.file)}:${site.line}`);
    expect(reported.length).toBeGreaterThan(0);
    for (const site of reported) expect(churning).toContain(site);
    expect(churning.filter((site) => !reported.includes(site))).toEqual(["src/schemas/orders.ts:8"]);
    const factory = sites.find((site) => relative(site.file) === "src/schemas/orders.ts")!;
    expect(factory).toMatchObject({ function: "orderSchema", library: "zod", api: "z.object()", reportedByRules: false, calls: 6 * LOOPS });
    expect(factory.rebuiltFrom).toMatch(/handlers\/orders\.ts:10/);
  });

  it("says where the enclosing function is counted, and builds per call", () => {
    const importRows = sites.find((site) => site.function === "importRows")!;
    expect(importRows.calls).toBe(LOOPS); // one batch per loop, four rows per batch
    const field = sites.find((site) => relative(site.file) === "src/models/order.ts")!;
    expect(field).toMatchObject({ function: "new OrderDesk (instance field)", calls: null });
    expect(sites.every((site) => site.estimatedMs >= 0)).toBe(true);
  });
});

function pathToDist(file: string): string {
  return new URL(`../../dist/${file}`, import.meta.url).href;
}

describe("expectNoSchemaRebuilds on the app's request loop", () => {
  beforeAll(() => {
    mkdirSync(tmp, { recursive: true });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("fails on the unfixed app, listing the handlers' schemas and the imported factory", () => {
    const result = runApp(app, ["assert", path.join(app, "src/index.ts")]) as { passed: boolean; name: string; message: string; sites: string[] };
    expect(result.passed).toBe(false);
    expect(result.name).toBe("SchemaRebuildError");
    expect(result.sites.sort()).toEqual(["src/handlers/users.ts:10", "src/handlers/users.ts:30", "src/schemas/orders.ts:8"]);
    expect(result.message).toMatch(/src\/schemas\/orders\.ts:8:\d+ +zod z\.object\(\) in orderSchema: built 3 time\(s\) in run 1 and 3 time\(s\) in runs 2–2 \(rebuilt from .*handlers\/orders\.ts:10\)/);
  });

  it("passes after `stable-schema migrate --hoist-schemas`, the imported factory memoised by its argument", { timeout: 180_000 }, () => {
    const copy = path.join(tmp, "app");
    cpSync(app, copy, { recursive: true });
    // Named one by one: the copy lives in a directory the repository's .gitignore ignores. The app has
    // no ESLint config of its own, and the repository's (recommended: off under tests/) is not the app's.
    const files = readdirSync(path.join(copy, "src"), { recursive: true, encoding: "utf8" }).filter((file) => /\.tsx?$/.test(file)).map((file) => path.join("src", file));
    execFileSync(process.execPath, [path.join(root, "dist/codemods/cli.js"), "migrate", ...files, "--hoist-schemas", "--no-eslint-config", "--force"], {
      cwd: copy,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: "pipe",
    });
    const handler = readFileSync(path.join(copy, "src/handlers/orders.ts"), "utf8");
    expect(handler).toContain('const cachedOrderSchema = schemaFactory((tenant: "acme" | "globex" | "initech") => orderSchema(currencies[tenant]));');
    expect(handler).toContain("cachedOrderSchema(tenant).safeParse(req.body)");
    expect(runApp(copy, ["assert", path.join(copy, "src/index.ts")])).toEqual({ passed: true });
  });
});
