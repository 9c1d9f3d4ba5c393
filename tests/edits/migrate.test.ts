// lib/edits/migrate.ts: kind by kind, pass by pass, with one result per site.
import { describe, expect, it } from "vitest";
import { SourceParseError, migrateSource } from "../../lib/edits/migrate.js";

describe("migrateSource", () => {
  // (Functions that return the schema are factories and not migrated: these parse with it.)
  it("reports per site the action of the kind that fixed it, why earlier kinds did not, or why it was left", () => {
    const code = `import { z } from "zod";
export function f(min: number, x: unknown) {
  return z.number().refine((n: number) => n > 0).refine((n) => n > min).refine((n) => n > this.x).parse(x);
}
`;
    const { sites, changed } = migrateSource(code, { filename: "virtual/m.ts" });
    expect(changed).toBe(true);
    expect(sites.map(({ line, action, name, reason, needsTypes }) => ({ line, action, name, reason, needsTypes }))).toEqual([
      { line: 3, action: "hoisted", name: "isValid", reason: undefined, needsTypes: undefined },
      { line: 3, action: "wrapped", name: "m#isValid", reason: "it reads `min` from the code around it", needsTypes: undefined },
      { line: 3, action: "left", name: undefined, reason: "it uses `this` of the enclosing function, which differs between calls", needsTypes: undefined },
    ]);
  });

  it("marks a site wrapped only for lack of types (`--project` would hoist it)", () => {
    const { sites } = migrateSource(`import { z } from "zod";\nexport function f(x: unknown) { return z.number().refine((n) => n > 0).parse(x); }\n`, { filename: "virtual/m.ts" });
    expect(sites.map((site) => [site.action, site.needsTypes])).toEqual([["wrapped", true]]);
  });

  it("leaves a file without schema imports alone, and reports a parse error with its position", () => {
    expect(migrateSource("const a = 1;", { filename: "a.ts" })).toEqual({ output: "const a = 1;", changed: false, sites: [] });
    expect(() => migrateSource(`import { z } from "zod";\nconst = ;`, { filename: "bad.ts" })).toThrow(SourceParseError);
  });
});
