// The package's shape (unicorn-style): every rule has docs, tests and preset membership; the plugin's
// meta matches package.json; the configs register the plugin under its prefix; the package's exports
// resolve (self-reference, the way users import them). Runs against the build (`npm test` builds first).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  name: string;
  version: string;
  exports: Record<string, string | { types?: string; default?: string }>;
  bin?: Record<string, string>;
};
const PREFIX = "stable-schema";

function pkgDependencies(): Record<string, string> {
  return (JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {};
}

interface RuleLike {
  meta: { docs?: { url?: string; description?: string; recommended?: "recommended" | "strict" }; deprecated?: unknown };
}
interface ConfigLike {
  name?: string;
  files?: unknown;
  plugins?: Record<string, unknown>;
  rules?: Record<string, unknown>;
}
interface PluginLike {
  meta: { name: string; version: string };
  rules: Record<string, RuleLike>;
  configs: Record<string, ConfigLike[]>;
}

let plugin: PluginLike;
let testFileGlobs: unknown;

beforeAll(async () => {
  // Import through the package's own "exports" map, as a user would.
  const mod = (await import(`${root}dist/plugin.js`)) as { default: PluginLike; testFileGlobs: unknown };
  plugin = mod.default;
  testFileGlobs = mod.testFileGlobs;
});

function ruleIds(): string[] {
  return Object.keys(plugin.rules);
}

function enabledIn(config: ConfigLike[], id: string): boolean {
  // Flat config semantics for a non-test file: entries without `files` apply, later entries win.
  let state: unknown;
  for (const entry of config) {
    if (entry.files !== undefined) continue;
    const value = entry.rules?.[`${PREFIX}/${id}`];
    if (value !== undefined) state = value;
  }
  const severity = Array.isArray(state) ? state[0] : state;
  return severity !== undefined && severity !== "off" && severity !== 0;
}

describe("package shape", () => {
  it("the plugin's meta matches package.json", () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });

  it("exports recommended and strict configs", () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(["recommended", "strict"]);
    for (const config of Object.values(plugin.configs)) expect(Array.isArray(config)).toBe(true);
  });

  it(`configs register the plugin itself under the prefix "${PREFIX}" and name only its own rules`, () => {
    for (const [configName, config] of Object.entries(plugin.configs)) {
      const registering = config.filter((entry) => entry.plugins !== undefined);
      expect(registering.length, configName).toBeGreaterThan(0);
      for (const entry of registering) {
        expect(Object.keys(entry.plugins ?? {}), configName).toEqual([PREFIX]);
        expect(entry.plugins?.[PREFIX], configName).toBe(plugin);
      }
      for (const entry of config) {
        expect(typeof entry.name, `${configName}: every entry is named`).toBe("string");
        for (const ruleName of Object.keys(entry.rules ?? {})) {
          expect(ruleName.startsWith(`${PREFIX}/`), ruleName).toBe(true);
          expect(ruleIds(), ruleName).toContain(ruleName.slice(PREFIX.length + 1));
        }
      }
    }
  });

  it("recommended turns the rules off for the exported test-file globs; strict does not", () => {
    expect(Array.isArray(testFileGlobs)).toBe(true);
    const testsOff = plugin.configs.recommended!.find((entry) => entry.files !== undefined);
    expect(testsOff?.files).toEqual(testFileGlobs);
    expect(Object.values(testsOff?.rules ?? {}).every((value) => value === "off")).toBe(true);
    expect(plugin.configs.strict!.some((entry) => entry.files !== undefined)).toBe(false);
  });

  it("every export in both package.json files exists in the build, and the bin too", () => {
    const targets = (value: unknown): string[] =>
      typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(targets) : [];
    for (const dir of ["", "lib/runtime/"]) {
      const manifest = JSON.parse(readFileSync(`${root}${dir}package.json`, "utf8")) as { exports: unknown; main?: string; types?: string };
      const files = [...targets(manifest.exports), ...targets(manifest.main), ...targets(manifest.types)];
      expect(files.length, dir).toBeGreaterThan(3);
      for (const file of files) expect(existsSync(`${root}${dir}${file}`), `${dir}package.json → ${file}`).toBe(true);
    }
    for (const file of Object.values(pkg.bin ?? {})) expect(statSync(`${root}${file}`).isFile(), file).toBe(true);
  });

  it('`import` and `require` of "eslint-plugin-stable-schema" give the plugin; "stable-schema" the runtime', () => {
    const script = [
      'import { createRequire } from "node:module";',
      'const require = createRequire(import.meta.url);',
      'const plugin = await import("eslint-plugin-stable-schema");',
      'const required = require("eslint-plugin-stable-schema");',
      'const runtime = await import("stable-schema");',
      'const runtimeCjs = require("stable-schema");',
      "console.log(JSON.stringify({",
      "  name: plugin.default.meta.name,",
      "  rules: Object.keys(plugin.default.rules),",
      '  globs: Array.isArray(plugin.testFileGlobs),',
      "  sameObject: required === plugin.default,",
      '  withKey: typeof runtime.withKey,',
      '  withKeyCjs: typeof runtimeCjs.withKey,',
      '  esmFile: import.meta.resolve("stable-schema").replace(/^.*\\/lib\\/runtime\\//, ""),',
      '  cjsFile: require.resolve("stable-schema").replace(/^.*\\/lib\\/runtime\\//, ""),',
      "}));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({
      name: pkg.name,
      rules: ruleIds(),
      globs: true,
      sameObject: true,
      withKey: "function",
      withKeyCjs: "function",
      esmFile: "dist/esm/index.js",
      cjsFile: "dist/cjs/index.js",
    });
  });

  it("the runtime's ESM and CommonJS copies share their state (one intern table; a function keyed by one is keyed for the other)", () => {
    const script = [
      'import { createRequire } from "node:module";',
      'const require = createRequire(import.meta.url);',
      'const esm = await import("stable-schema");',
      'const cjs = require("stable-schema");',
      'const min = 3;',
      'const fromEsm = esm.withKey((s) => s.length >= min, ["pkg/file#minLength", min]);',
      'const fromCjs = cjs.withKey((s) => s.length >= min, ["pkg/file#minLength", min]);',
      "console.log(JSON.stringify({ key: cjs.keyOf(fromEsm) === esm.keyOf(fromEsm), schemaKey: esm.schemaKey({ f: fromEsm }) === cjs.schemaKey({ f: fromEsm }), defined: esm.keyOf(fromEsm) !== undefined, oneTable: fromEsm === fromCjs, stats: JSON.stringify(esm.internStats()) === JSON.stringify(cjs.internStats()), hits: cjs.internStats().hits }));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ key: true, schemaKey: true, defined: true, oneTable: true, stats: true, hits: 1 });
  });

  it("both public type entries list exactly the plugin's rules", () => {
    for (const file of ["dist/plugin.d.ts", "dist/plugin.d.cts"]) {
      const union = /type StableSchemaRuleName = ([^;]+);/.exec(readFileSync(`${root}${file}`, "utf8"))?.[1] ?? "";
      const names = [...union.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
      expect(names, file).toEqual(ruleIds().sort());
    }
  });

  it("the plugin's public types name only ESLint's types (no typescript-eslint, no internal modules)", () => {
    for (const file of ["dist/plugin.d.ts", "dist/plugin.d.cts"]) {
      const text = readFileSync(`${root}${file}`, "utf8");
      const specifiers = [...text.matchAll(/from\s+"([^"]+)"|import\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2]);
      expect(specifiers, file).toEqual(["eslint"]);
    }
  });

  it("run-time dependencies carry no TypeScript peer range (typescript is never required to install)", () => {
    const offenders: string[] = [];
    const seen = new Set<string>();
    const visit = (name: string, from: string): void => {
      if (seen.has(name)) return;
      seen.add(name);
      let manifestPath: string;
      try {
        manifestPath = createRequire(from).resolve(`${name}/package.json`);
      } catch {
        return; // not installed here (an optional dependency of a dependency)
      }
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
        dependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
        peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      };
      for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
        if (/^(typescript|@typescript\/)/.test(peer) && !manifest.peerDependenciesMeta?.[peer]?.optional) offenders.push(`${name} → peer ${peer}`);
      }
      for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, manifestPath);
    };
    for (const dep of Object.keys(pkgDependencies())) visit(dep, `${root}package.json`);
    expect(offenders).toEqual([]);
    expect(seen.size).toBeGreaterThan(5);
  });
});

describe("every rule", () => {
  it("has at least one rule", () => {
    expect(ruleIds().length).toBeGreaterThan(0);
  });

  it("every file in rules/ is a registered rule, and every registered rule has its file", () => {
    const files = readdirSync(`${root}rules`)
      .filter((file) => file.endsWith(".ts") && file !== "index.ts")
      .map((file) => file.slice(0, -".ts".length))
      .sort();
    expect(files).toEqual([...ruleIds()].sort());
  });

  it("configs follow docs.recommended exactly: recommended has the \"recommended\" rules, strict those and the \"strict\" ones", () => {
    for (const id of ruleIds()) {
      const level = plugin.rules[id]!.meta.docs?.recommended;
      expect(enabledIn(plugin.configs.recommended!, id), `${id} in recommended`).toBe(level === "recommended");
      expect(enabledIn(plugin.configs.strict!, id), `${id} in strict`).toBe(level === "recommended" || level === "strict");
    }
  });

  it("has docs/rules/<id>.md and a docs URL pointing at it", () => {
    for (const id of ruleIds()) {
      expect(existsSync(`${root}docs/rules/${id}.md`), id).toBe(true);
      expect(plugin.rules[id]!.meta.docs?.url, id).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
      expect(plugin.rules[id]!.meta.docs?.description, id).toBeTruthy();
    }
  });

  it("has tests: tests/rules/<id>.test.ts or tests/rules/<id>/", () => {
    for (const id of ruleIds()) {
      const file = `${root}tests/rules/${id}.test.ts`;
      const dir = `${root}tests/rules/${id}`;
      expect(existsSync(file) || (existsSync(dir) && statSync(dir).isDirectory()), `tests for ${id}`).toBe(true);
    }
  });

  it("is in configs.recommended, or its doc says it is opt-in", () => {
    for (const id of ruleIds()) {
      if (plugin.rules[id]!.meta.deprecated) continue;
      if (enabledIn(plugin.configs.recommended!, id)) continue;
      const doc = readFileSync(`${root}docs/rules/${id}.md`, "utf8");
      expect(doc, `${id} is neither recommended nor documented as opt-in`).toMatch(/\bopt-in\b/i);
    }
  });

  it("takes each rule's severity in recommended from its docs (recommendedSeverity), and makes every rule an error in strict", () => {
    const severityIn = (config: ConfigLike[], id: string) => config.find((entry) => entry.files === undefined && entry.rules)?.rules?.[`${PREFIX}/${id}`];
    for (const id of ruleIds()) {
      const docs = plugin.rules[id]!.meta.docs as { recommended?: string; recommendedSeverity?: string } | undefined;
      if (docs?.recommended === undefined) continue;
      // A rule marked "strict" is only in strict (no-schema-in-function: precision below the recommended bar).
      expect(severityIn(plugin.configs.recommended!, id), id).toBe(docs.recommended === "recommended" ? (docs.recommendedSeverity ?? "error") : undefined);
      expect(severityIn(plugin.configs.strict!, id), id).toBe("error");
    }
    // The rule that starts as a warning: a cache the user must bound is a judgement call, not a bug.
    expect(severityIn(plugin.configs.recommended!, "no-unbounded-cache")).toBe("warn");
  });

  it("is enabled in configs.strict (strict is a superset of recommended)", () => {
    for (const id of ruleIds()) {
      if (enabledIn(plugin.configs.recommended!, id)) expect(enabledIn(plugin.configs.strict!, id), id).toBe(true);
    }
  });
});

describe("README", () => {
  const readme = readFileSync(`${root}README.md`, "utf8");

  it("keeps both set-up commands verbatim", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
  });

  it("lists every rule and links the other docs", () => {
    for (const id of ruleIds()) expect(readme).toContain(`(docs/rules/${id}.md)`);
    for (const link of ["docs/runtime.md", "docs/codemods/stable-predicates.md", "docs/benchmarks.md"]) expect(readme).toContain(link);
  });
});

describe("rule docs links", () => {
  it("every rule's docs.url is its page inside the built package, and the page exists", () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = rule.meta.docs?.url ?? "";
      expect(url, name).toBe(new URL(`docs/rules/${name}.md`, `file://${root}`).href);
      expect(existsSync(fileURLToPath(url)), url).toBe(true);
    }
  });
});
