// `npm run bench:scaling` (after `npm run build`): does the rules' cost grow linearly with the number of
// sites in one file?
//
// Generated TypeScript files with 625, 1,250, 2,500 and 5,000 schema-slot closures, in two shapes:
//   handlers  functions that build an object schema per call and parse with it: every closure is
//             reported, with a hoist (annotated parameter), a withKey wrap (captures), a wrap that
//             captures nothing (parameters typed by the call) and a concise body behind a comment;
//   factory   one function returning an array of schemas with refinements: a schema factory, so the
//             closures are analysed (is the schema returned?) but not reported.
// ESLint's `Linter` runs each file twice per round, interleaved: parse-only (the typescript-eslint parser
// and scope analysis, no rules) and with every stable-schema rule. Process CPU time; the fastest of the
// rounds is kept for each (noise on a shared machine only ever adds time).
// Reported per size: parse, lint, the rules' own time (lint − parse) per site, and lint / parse.
//
// Targets (issue 9): the rules' time for 5,000 sites is at most 10× their time for 625 sites, and a
// 5,000-site file lints in at most 1.5× the time of its parse alone.
//
// Options: --rounds N (default 5), --sizes 625,1250,… , --budget S (a size whose single lint took longer
// than S seconds ends that shape; default 60). STABLE_SCHEMA_PLUGIN=<file> benchmarks another build.
import { parseArgs } from "node:util";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    sizes: { type: "string", default: "625,1250,2500,5000" },
    budget: { type: "string", default: "60" },
  },
});
const rounds = Number.parseInt(args.rounds ?? "5", 10);
const sizes = (args.sizes ?? "").split(",").map((size) => Number.parseInt(size, 10));
const budgetMs = Number.parseFloat(args.budget ?? "60") * 1000;
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${args.rounds}`);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`--sizes must be positive integers, got ${args.sizes}`);

const MAX_GROWTH = 10;
const MAX_LINT_OVER_PARSE = 1.5;

const plugin = await loadPlugin();
const language = { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" };
const parseOnly = [{ files: ["**/*.ts"], languageOptions: language }];
const withRules = [
  ...parseOnly,
  {
    plugins: { "stable-schema": plugin },
    // Every rule of the plugin: the budget is for the whole plugin, not one rule.
    rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`stable-schema/${name}`, "error"])),
  },
];

/** The four kinds of reported site; each handler gets four (the last one what is left). */
const handlerFields = [
  [`    name: z.string().refine((s) => s.length < limit, { message: "too long" }),`],
  ["    code: z.string().transform((s: string) => s.trim()),"],
  [
    "    tags: z.array(z.string()).superRefine((tags, ctx) => {",
    `      if (tags.length === 0) ctx.addIssue({ code: "custom", message: "empty" });`,
    "    }),",
  ],
  ["    count: z.number().refine((n: number) => /* positive */ n > 0),"],
];

function handlers(sites) {
  const lines = ['import { z } from "zod";', ""];
  for (let i = 0; i * handlerFields.length < sites; i++) {
    const fields = handlerFields.slice(0, Math.min(handlerFields.length, sites - i * handlerFields.length));
    lines.push(
      `export function handler${i}(input: unknown, limit: number) {`,
      "  const schema = z.object({",
      ...fields.flat(),
      "  });",
      "  return schema.parse(input);",
      "}",
      "",
    );
  }
  return lines.join("\n");
}

/** One schema factory returning `sites` refined schemas in one array. */
function factory(sites) {
  const lines = ['import { z } from "zod";', "", "export function makeSchemas(limit: number) {", "  return ["];
  for (let i = 0; i < sites; i++) lines.push(`    z.string().refine((s) => s.length < limit + ${i}),`);
  lines.push("  ];", "}", "");
  return lines.join("\n");
}

const shapes = { handlers, factory };
const linter = new Linter();

function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function lintOnce(text, config) {
  const start = cpuMs();
  const messages = linter.verify(text, config, { filename: "scaling.ts" });
  const elapsed = cpuMs() - start;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`scaling.ts does not parse: ${fatal.message}`);
  return { elapsed, messages };
}


// Warm-up: JIT the parser and the rules on a small file of each shape.
for (const make of Object.values(shapes)) {
  lintOnce(make(40), parseOnly);
  lintOnce(make(40), withRules);
}

const results = [];
for (const [shape, make] of Object.entries(shapes)) {
  let overBudget = false;
  for (const sites of sizes) {
    if (overBudget) {
      results.push({ shape, sites, skipped: true });
      continue;
    }
    const text = make(sites);
    const parse = [];
    const lint = [];
    let reported = 0;
    for (let round = 0; round < rounds; round++) {
      // Alternate which configuration goes first, so neither always runs on a warmer heap.
      const order = round % 2 === 0 ? ["parse", "lint"] : ["lint", "parse"];
      for (const which of order) {
        const { elapsed, messages } = lintOnce(text, which === "parse" ? parseOnly : withRules);
        (which === "parse" ? parse : lint).push(elapsed);
        if (which === "lint") reported = messages.length;
        if (which === "lint" && elapsed > budgetMs) overBudget = true;
      }
      if (overBudget) break;
    }
    const parseMs = Math.min(...parse);
    const lintMs = Math.min(...lint);
    results.push({ shape, sites, reported, parseMs, lintMs, ruleMs: Math.max(0, lintMs - parseMs) });
    console.error(`  ${shape} ${sites}: parse ${parseMs.toFixed(0)} ms, lint ${lintMs.toFixed(0)} ms`);
  }
}

const header = "| shape | sites | reported | parse ms | lint ms | rules ms | rules µs/site | lint / parse |";
const rows = results.map((r) =>
  r.skipped
    ? `| ${r.shape} | ${r.sites} | — | — | — | over budget | — | — |`
    : `| ${r.shape} | ${r.sites} | ${r.reported} | ${r.parseMs.toFixed(0)} | ${r.lintMs.toFixed(0)} | ${r.ruleMs.toFixed(0)} | ${((r.ruleMs * 1000) / r.sites).toFixed(1)} | ${(r.lintMs / r.parseMs).toFixed(2)} |`,
);
console.log(["", "Scaling (CPU time, fastest of " + rounds + " rounds)", "", header, "|---|---|---|---|---|---|---|---|", ...rows].join("\n"));

let ok = true;
for (const shape of Object.keys(shapes)) {
  const measured = results.filter((r) => r.shape === shape);
  const first = measured[0];
  const last = measured[measured.length - 1];
  if (!first || !last || first === last) continue;
  if (last.skipped || first.skipped) {
    console.log(`${shape}: ${last.sites} sites over the time budget — NOT linear`);
    ok = false;
    continue;
  }
  // The rules' time is lint − parse, two noisy measurements: below a tenth of the parse time it cannot
  // be told from noise on a shared machine, so the small case counts at least that much (a near-zero
  // or negative difference would otherwise inflate the ratio without meaning anything).
  const noiseFloor = Math.max(first.parseMs / 10, first.sites / 1000);
  const growth = last.ruleMs / Math.max(first.ruleMs, noiseFloor);
  const overParse = last.lintMs / last.parseMs;
  const growthOk = growth <= MAX_GROWTH;
  const parseOk = overParse <= MAX_LINT_OVER_PARSE;
  ok &&= growthOk && parseOk;
  console.log(
    `${shape}: rules ${last.sites} / ${first.sites} sites = ${growth.toFixed(1)}× (target ≤ ${MAX_GROWTH}×) ${growthOk ? "ok" : "NOT met"}; ` +
      `lint / parse at ${last.sites} sites = ${overParse.toFixed(2)} (target ≤ ${MAX_LINT_OVER_PARSE}) ${parseOk ? "ok" : "NOT met"}`,
  );
}
if (!ok) process.exitCode = 1;

async function loadPlugin() {
  const override = process.env.STABLE_SCHEMA_PLUGIN;
  const url = override ? pathToFileURL(path.resolve(override)) : new URL("../dist/plugin.js", import.meta.url);
  try {
    return (await import(url.href)).default;
  } catch (error) {
    throw new Error("cannot import dist/plugin.js (run `npm run build`)", { cause: error });
  }
}
