// Gates on the codemod's outputs beyond byte equality:
// - type gate: every TypeScript fixture imports the real libraries and type-checks under `strict`
//   before and after; the output may not add a diagnostic (one TypeScript program for all fixtures);
// - type-aware hoisting: with a ts.Program, contextually typed parameters get printed annotations,
//   and a parameter whose type cannot be written at module level keeps the closure wrapped;
// - TDZ: a closure hoisted out of a function declaration that a circular import calls during its own
//   initialisation must not throw (it becomes a function declaration, not a `const`);
// - behaviour gate: examples/app before and after migration returns the same results.
// Temporary copies live inside the repository (gitignored) so that node_modules and the package's
// self-reference (`stable-schema` → dist/, `npm test` builds first) resolve.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSource } from "../../lib/edits/migrate.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const repoRoot = path.resolve(here, "../..");
const fixturesRoot = path.join(here, "__testfixtures__");
const fixtureDir = path.join(fixturesRoot, "stable-predicates");
const modules = { effect3: "effect" };

const tempRoots: string[] = [];
function freshDir(name: string): string {
  const dir = path.join(here, `.tmp-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  tempRoots.push(dir);
  return dir;
}
afterAll(() => {
  if (process.env.KEEP_GATE_TEMP) return;
  for (const dir of tempRoots) rmSync(dir, { recursive: true, force: true });
});

const strictOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  types: [],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

function diagnosticsByFile(program: ts.Program): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.resolve(diagnostic.file.fileName) : "<global>";
    const text = `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    byFile.set(file, [...(byFile.get(file) ?? []), text]);
  }
  return byFile;
}

function hasBuiltRuntime(): void {
  if (!existsSync(path.join(repoRoot, "lib/runtime/dist/esm/index.d.ts"))) {
    throw new Error("lib/runtime/dist/ is missing: run `npm run build` first (stable-schema resolves to the runtime workspace's build)");
  }
}

describe("type gate: TypeScript fixtures type-check before and after", () => {
  // The closure fixtures (stable-predicates/), and the --hoist-schemas fixtures (schemas/).
  const cases = ["stable-predicates", "schemas"]
    .flatMap((folder) => readdirSync(path.join(fixturesRoot, folder)).map((file) => `${folder}/${file}`))
    .filter((file) => /\.input\.(?:ts|tsx)$/.test(file))
    .sort()
    .map((file) => ({ input: file, output: file.replace(".input.", ".output.") }));
  let diagnostics: Map<string, string[]>;
  let dir: string;

  beforeAll(() => {
    hasBuiltRuntime();
    dir = freshDir("typecheck");
    const files: string[] = [];
    for (const { input, output } of cases) {
      for (const [from, side] of [
        [input, "in"],
        [output, "out"],
      ] as const) {
        const target = path.join(dir, side, from.replace(/\.(?:input|output)\./, "."));
        mkdirSync(path.dirname(target), { recursive: true });
        cpSync(path.join(fixturesRoot, from), target);
        files.push(target);
      }
    }
    const started = performance.now();
    diagnostics = diagnosticsByFile(ts.createProgram(files, strictOptions));
    // One program for every fixture: the libraries' declarations are read once.
    console.info(`type gate: ${files.length} files checked in ${Math.round(performance.now() - started)} ms`);
  }, 120_000);

  it("checks at least the trap and library fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases.map((c) => [c.input.replace(".input.", "."), c] as const))("%s: no new diagnostic", (name) => {
    const before = diagnostics.get(path.join(dir, "in", name)) ?? [];
    const after = diagnostics.get(path.join(dir, "out", name)) ?? [];
    const added = after.filter((message) => !before.includes(message));
    expect(added).toEqual([]);
    // The fixtures are written to be clean: a diagnostic in an input is a broken fixture.
    expect(before).toEqual([]);
  });

  it("has no global diagnostics (options, missing libraries)", () => {
    expect(diagnostics.get("<global>") ?? []).toEqual([]);
  });
});

describe("type-aware hoisting (MigrateOptions.programs)", () => {
  let dir: string;
  let namespaceFile: string;
  let namedFile: string;
  let program: ts.Program;

  beforeAll(() => {
    hasBuiltRuntime();
    dir = freshDir("typeaware");
    namespaceFile = path.join(dir, "namespace.ts");
    namedFile = path.join(dir, "named.ts");
    writeFileSync(
      namespaceFile,
      [
        `import { z } from "zod";`,
        ``,
        `export const positive = (input: unknown) => {`,
        `  const schema = z.number().refine((n) => n > 0);`,
        `  return schema.safeParse(input).success;`,
        `};`,
        ``,
        `export function short(input: unknown) {`,
        `  return z.string().refine(s => s.length < 5).safeParse(input).success;`,
        `}`,
        ``,
        `export function passwords(input: unknown) {`,
        `  const schema = z.object({ password: z.string(), confirm: z.string() }).superRefine((val, ctx) => {`,
        `    if (val.password !== val.confirm) ctx.addIssue({ code: "custom", message: "passwords differ" });`,
        `  });`,
        `  return schema.safeParse(input).success;`,
        `}`,
        ``,
      ].join("\n"),
    );
    writeFileSync(
      namedFile,
      [
        `import { object, string } from "zod";`,
        ``,
        `export function passwords(input: unknown) {`,
        `  const schema = object({ password: string(), confirm: string() }).superRefine((val, ctx) => {`,
        `    if (val.password !== val.confirm) ctx.addIssue({ code: "custom", message: "passwords differ" });`,
        `  });`,
        `  return schema.safeParse(input).success;`,
        `}`,
        ``,
      ].join("\n"),
    );
    program = ts.createProgram([namespaceFile, namedFile], strictOptions);
  }, 60_000);

  it("starts from clean inputs", () => {
    expect([...diagnosticsByFile(program).values()].flat()).toEqual([]);
  });

  it("annotates a contextually typed parameter and hoists (`(n) => n > 0` → `(n: number) => n > 0`)", () => {
    const result = migrateSource(readFileSync(namespaceFile, "utf8"), { filename: namespaceFile, modules, programs: [program] });
    expect(result.output).toMatch(/^const isValid\w* = \(n: number\) => n > 0;$/m);
    expect(result.output).toContain(".refine(isValid");
    // an unparenthesised parameter gets its parentheses with the annotation, inside a function declaration
    expect(result.output).toMatch(/^function isValid\w* ?\(s: string\) \{\n  return s\.length < 5;\n\}$/m);
    expect(result.sites.filter((site) => site.api === ".refine()").map((site) => site.action)).toEqual(["hoisted", "hoisted"]);
    writeFileSync(namespaceFile.replace(/\.ts$/, ".out.ts"), result.output);
  });

  it("keeps a superRefine closure wrapped when the ctx type ($RefinementCtx) is not in scope at module level", () => {
    const result = migrateSource(readFileSync(namedFile, "utf8"), { filename: namedFile, modules, programs: [program] });
    expect(result.sites).toMatchObject([{ api: ".superRefine()", action: "wrapped" }]);
    expect(result.output).toContain(".superRefine(withKey((val, ctx) => {");
    expect(result.output).not.toContain("$RefinementCtx");
    writeFileSync(namedFile.replace(/\.ts$/, ".out.ts"), result.output);
  });

  it("writes only annotations that type-check (a printed `z.core.$RefinementCtx<…>` is reachable through `z`)", () => {
    const outputs = [namespaceFile, namedFile].map((file) => file.replace(/\.ts$/, ".out.ts"));
    for (const file of outputs) expect(existsSync(file)).toBe(true);
    const output = readFileSync(outputs[0]!, "utf8");
    // Either it is hoisted with an annotation that is in scope, or it stays wrapped; both must compile.
    expect(output).toMatch(/superRefine\((?:checkValue\w*|withKey\()/);
    expect([...diagnosticsByFile(ts.createProgram(outputs, strictOptions)).values()].flat()).toEqual([]);
  });
});

describe("TDZ: a function declaration reached through a circular import", () => {
  function run(dir: string): { status: number | null; stdout: string; stderr: string } {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(path.join(dir, "a.mjs")).href)}); console.log(JSON.stringify(m.results));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", cwd: dir });
    return { status: child.status, stdout: child.stdout.trim(), stderr: child.stderr };
  }

  function setUp(name: string, a: string): string {
    const dir = freshDir(`tdz-${name}`);
    writeFileSync(path.join(dir, "a.mjs"), a);
    cpSync(path.join(fixtureDir, "tdz-circular.peer.mjs"), path.join(dir, "b.mjs"));
    return dir;
  }

  const input = readFileSync(path.join(fixtureDir, "tdz-circular.input.mjs"), "utf8");
  const output = readFileSync(path.join(fixtureDir, "tdz-circular.output.mjs"), "utf8");

  it("runs before and after migration with the same results", () => {
    const before = run(setUp("before", input));
    const after = run(setUp("after", output));
    expect(before).toMatchObject({ status: 0, stdout: "[true,false]" });
    expect(after).toMatchObject({ status: 0, stdout: "[true,false]" });
  });

  it("would throw with a hoisted const (the trap the function declaration avoids)", () => {
    const declaration = /^function (\w+)\(s\) \{\n {2}return (.*);\n\}$/m.exec(output);
    expect(declaration).not.toBeNull();
    const asConst = output.replace(declaration![0], `const ${declaration![1]} = (s) => ${declaration![2]};`);
    const result = run(setUp("const", asConst));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/ReferenceError: Cannot access '\w+' before initialization/);
  });
});

/** Runs `fn` with React's current-dispatcher slot set to a mount that computes memo values once per call. */
function withMountDispatcher<T>(fn: () => T): T {
  const internals = (require("react") as Record<string, { H: unknown }>)["__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE"]!;
  const previous = internals.H;
  internals.H = {
    useMemo: (create: () => unknown) => create(),
    useState: (init: unknown) => [typeof init === "function" ? (init as () => unknown)() : init, () => undefined],
  };
  try {
    return fn();
  } finally {
    internals.H = previous;
  }
}

describe("behaviour gate: examples/app before and after migration", () => {
  const appDir = path.join(repoRoot, "examples/app");
  const tscBin = path.join(repoRoot, "node_modules/typescript/bin/tsc");

  function filesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
  }

  function compile(dir: string): void {
    const result = spawnSync(
      process.execPath,
      [tscBin, "-p", path.join(dir, "tsconfig.json"), "--noEmit", "false", "--outDir", path.join(dir, "dist"), "--rootDir", path.join(dir, "src")],
      { encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`tsc failed in ${dir}:\n${result.stdout}${result.stderr}`);
  }

  /** Deterministic inputs around the sample ones: every tenant, limit, name and quantity edge. */
  function generatedInputs(sample: AppInputs): AppInputs {
    let seed = 20261122;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    const tenants = ["acme", "globex", "initech"];
    const names = ["Ada", "", "  Grace ", "x".repeat(80)];
    const emails = ["a@example.com", " B@Example.COM ", "nope"];
    const users = Array.from({ length: 24 }, () => ({
      tenant: pick(tenants),
      body: { name: pick(names), email: pick(emails), age: pick([0, 16, 17, 18, 19, 21, 40, 150, 17.5]), ...(next() < 0.5 ? { nickname: pick([" n ", "nick"]) } : {}) },
    }));
    const listQueries = ["1", "20", "100", "101", "-1", "2.5", "", "abc", undefined].map((limit) => (limit === undefined ? {} : { limit }));
    const signups = Array.from({ length: 12 }, () => ({
      values: { username: pick(["grace", " admin ", "root", "ada"]), password: pick(["hopper1", "secret", "s3cret"]) },
      reservedNames: pick([[], ["admin"], ["admin", "root"]]),
    }));
    const importBatches = Array.from({ length: 4 }, () =>
      Array.from({ length: 6 }, () => ({ sku: pick([" ab-1 ", "cd-2", "ab-3", ""]), prefix: pick(["ab", "cd", "AB"]), quantity: pick([0, 1, 3, 9, -1]) })),
    );
    const orders = Array.from({ length: 12 }, () => ({ maxQuantity: pick([1, 10, 100]), line: { sku: pick(["a", "b"]), quantity: pick([0, 1, 5, 11, 100, 101]) } }));
    const orderRequests = Array.from({ length: 12 }, () => ({
      tenant: pick(["acme", "globex", "initech"]),
      body: { sku: pick(["a-1", ""]), quantity: pick([0, 1, 2.5, 3]), currency: pick(["USD", "EUR"]) },
    }));
    // The sample inputs twice: interned closures must not carry state from one call to the next.
    return {
      users: [...sample.users, ...users, ...sample.users],
      listQueries: [...sample.listQueries, ...listQueries, ...sample.listQueries],
      signups: [...sample.signups, ...signups, ...sample.signups],
      importBatches: [...sample.importBatches, ...importBatches, ...sample.importBatches],
      orders: [...sample.orders, ...orders, ...sample.orders],
      orderRequests: [...sample.orderRequests, ...orderRequests, ...sample.orderRequests],
    };
  }

  type AppInputs = Record<"users" | "listQueries" | "signups" | "importBatches" | "orders" | "orderRequests", readonly unknown[]>;
  interface AppModule {
    runAll(inputs?: AppInputs): unknown;
    sampleInputs: AppInputs;
  }

  /** Copies the app twice and migrates the second copy; returns both directories and what happened per site. */
  function migrateApp(name: string, options: { hoistSchemas?: "eager" } = {}) {
    hasBuiltRuntime();
    const root = freshDir(name);
    const before = path.join(root, "before");
    const after = path.join(root, "after");
    for (const dir of [before, after]) {
      cpSync(appDir, dir, { recursive: true, filter: (source) => !/[/\\](?:dist|node_modules)$/.test(source) });
    }
    const sites: { line: string; kind: string }[] = [];
    for (const file of filesUnder(path.join(after, "src")).filter((f) => /\.[cm]?[jt]sx?$/.test(f))) {
      const result = migrateSource(readFileSync(file, "utf8"), { filename: file, ...options });
      if (result.changed) writeFileSync(file, result.output);
      for (const site of result.sites) {
        sites.push({ kind: site.kind ?? "closure", line: `${path.relative(after, file)}:${site.line} ${site.action} ${site.fix ?? site.name ?? site.reason ?? ""}` });
      }
    }
    return { before, after, sites };
  }

  /** Compiles both copies, loads them, and runs the original on generated inputs. */
  async function compileAndRun(before: string, after: string) {
    compile(before);
    compile(after);
    const load = async (dir: string) => (await import(pathToFileURL(path.join(dir, "dist/index.js")).href)) as AppModule;
    const [appBefore, appAfter] = [await load(before), await load(after)];
    const inputs = generatedInputs(appBefore.sampleInputs);
    return { appAfter, inputs, resultsBefore: appBefore.runAll(inputs) };
  }

  it("returns identical results for the same inputs", async () => {
    const { before, after, sites } = migrateApp("behaviour");
    const summary = sites.map((site) => site.line);
    // The migration must actually do something to the app, or the gate proves nothing.
    expect(summary.some((line) => line.includes(" hoisted "))).toBe(true);
    expect(summary.some((line) => line.includes(" wrapped "))).toBe(true);
    const { appAfter, inputs, resultsBefore } = await compileAndRun(before, after);
    const resultsAfter = appAfter.runAll(inputs);
    expect(resultsAfter).toEqual(resultsBefore);
    // And a second run of the migrated app (withKey's intern table warm) still agrees.
    expect(appAfter.runAll(inputs)).toEqual(resultsBefore);
  }, 180_000);

  it("returns identical results after the full migration with --hoist-schemas", async () => {
    const { before, after, sites } = migrateApp("behaviour-schemas", { hoistSchemas: "eager" });
    const schemaSites = sites.filter((site) => site.kind === "schema").map((site) => site.line);
    // The schema phase must move something in the app (a hoist and a useMemo), or the gate proves nothing.
    expect(schemaSites.some((line) => line.endsWith(" hoisted hoist"))).toBe(true);
    expect(schemaSites.some((line) => line.endsWith(" wrapped use-memo"))).toBe(true);
    const { appAfter, inputs, resultsBefore } = await compileAndRun(before, after);
    // The app calls its components as plain functions; after the migration they call useMemo, so each
    // call runs as a fresh mount under a minimal hook dispatcher (React's own slot for it).
    const resultsAfter = withMountDispatcher(() => [appAfter.runAll(inputs), appAfter.runAll(inputs)]);
    expect(resultsAfter).toEqual([resultsBefore, resultsBefore]);
  }, 180_000);
});
