// stable-schema/profile in process: counters, the report, the merge, and the assertion's definition
// of a rebuild (any build in run 2 or later). Sites are registered as the transform registers them.
import { describe, expect, it } from "vitest";
import { createSchemaCache, withKey } from "../../lib/runtime/index.js";
import {
  SchemaRebuildError,
  expectNoSchemaRebuilds,
  findSchemaRebuilds,
  formatProfile,
  mergeProfiles,
  registerModule,
  resetProfile,
  schemaMatchers,
  schemaProfile,
} from "../../lib/runtime/profile.js";

// What `(x) => __ss().t(0, __ss().s(0), build(x))` does, with a module of two sites and one function.
const counters = registerModule("file:///app/src/handlers.ts", [
  [4, 16, "zod", "z.object()", "build", 0, 1],
  [1, 1, "zod", "z.string()", "build", -1, 0],
], [["handler", 3, 1]]);
let lazy: object | undefined;
function handler(fresh: boolean): object {
  counters.n[0]!++;
  lazy ??= counters.t(1, counters.s(1), { lazy: true }); // built on the first call only
  return fresh ? counters.t(0, counters.s(0), { built: true }) : lazy;
}

describe("counters and schemaProfile()", () => {
  it("counts builds and calls per site, sorted by cost, with builds per call", () => {
    resetProfile();
    for (let i = 0; i < 40; i++) handler(true);
    const profile = schemaProfile();
    const site = profile.sites.find((s) => s.line === 4)!;
    expect(site).toMatchObject({ builds: 40, calls: 40, buildsPerCall: 1, function: "handler", timedBuilds: 32, reportedByRules: true });
    expect(site.estimatedMs).toBeCloseTo((site.timedMs / 32) * 40, 10);
    expect(profile.sites.find((s) => s.line === 1)).toMatchObject({ builds: 1, calls: null, function: "(module)" });
    expect(site.rebuiltFrom).toMatch(/runtime\.test\.ts/);
    expect(profile.enabled).toBe(true);
  });

  it("reports cache and withKey hit rates", () => {
    const cache = createSchemaCache<number>();
    cache.get({ type: "string" }, () => 1);
    cache.get({ type: "string" }, () => 1);
    const min = 3;
    withKey((s: string) => s.length > min, ["profile-test#min", min]);
    withKey((s: string) => s.length > min, ["profile-test#min", min]);
    const profile = schemaProfile();
    const entry = profile.caches.find((c) => /runtime\.test\.ts/.test(c.label))!;
    expect(entry).toMatchObject({ hits: 1, misses: 1, hitRate: 0.5 });
    expect(profile.intern.hits).toBeGreaterThanOrEqual(1);
    const text = formatProfile(profile, { cwd: "/app" });
    expect(text).toMatch(/^stable-schema profile: \d+ schema builds/);
    expect(text).toMatch(/src\/handlers\.ts:4 +zod z\.object\(\) +handler +40 +40 +1 /);
    expect(text).toMatch(/createSchemaCache at .*runtime\.test\.ts.* +1 +1 +50\.0%/);
    expect(text).toMatch(/withKey: \d+ hits/);
  });

  it("merges profiles of several workers: counts add up, estimates are recomputed", () => {
    const one = schemaProfile();
    const merged = mergeProfiles([one, one]);
    const site = merged.sites.find((s) => s.line === 4)!;
    expect(site).toMatchObject({ builds: 80, calls: 80, buildsPerCall: 1, timedBuilds: 64 });
    expect(merged.totals.builds).toBe(one.totals.builds * 2);
  });
});

describe("expectNoSchemaRebuilds", () => {
  it("passes when later runs build nothing (a lazy module-level schema may build in run 1)", async () => {
    resetProfile();
    lazy = undefined;
    await expectNoSchemaRebuilds(() => handler(false));
    await expectNoSchemaRebuilds(async () => {
      await Promise.resolve();
      handler(false);
    }, { runs: 5 });
  });

  it("fails, listing the site, when run 2 builds again", async () => {
    const error = await expectNoSchemaRebuilds(() => {
      handler(true);
      handler(true);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaRebuildError);
    const rebuild = (error as SchemaRebuildError).rebuilds;
    expect(rebuild).toHaveLength(1);
    expect(rebuild[0]).toMatchObject({ firstRun: 2, laterRuns: 2 });
    expect((error as Error).message).toMatch(/app\/src\/handlers\.ts:4:16 +zod z\.object\(\) in handler: built 2 time\(s\) in run 1 and 2 time\(s\) in runs 2–2/);
  });

  it("runs the callback `runs` times and rejects runs < 2", async () => {
    let calls = 0;
    await findSchemaRebuilds(() => calls++, { runs: 4 });
    expect(calls).toBe(4);
    await expect(findSchemaRebuilds(() => 0, { runs: 1 })).rejects.toThrow(/runs must be an integer >= 2/);
  });

  it("the matcher: pass means rebuilt (use it with .not)", async () => {
    const rebuilt = await schemaMatchers.toRebuildSchemas(() => handler(true));
    expect(rebuilt.pass).toBe(true);
    expect(rebuilt.message()).toMatch(/handlers\.ts:4:16/);
    const stable = await schemaMatchers.toRebuildSchemas(() => handler(false));
    expect(stable.pass).toBe(false);
    expect((await schemaMatchers.toRebuildSchemas("not a function")).message()).toMatch(/expected a function/);
  });
});
