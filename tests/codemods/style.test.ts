// The planner writes in each file's own style: indentation unit (tabs, 2 or 4 spaces), quotes and
// semicolons sniffed from the file, moved code re-based to module level, the withKey import with the
// package imports (before relative ones). Each input is Prettier-clean under its style's options and
// the output must stay Prettier-clean under the same options — without running Prettier on it.
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { migrateSource } from "../../lib/edits/migrate.js";

// A file outside any package: withKey ids stay short (`a#…`).
const filename = path.join("/", "stable-schema-style", "a.ts");

interface StyleCase {
  readonly name: string;
  readonly options: prettier.Options;
  readonly input: string;
  /** Lines the output must contain (the style trait made visible). */
  readonly expectLines: readonly string[];
}

const cases: StyleCase[] = [
  {
    name: "tabs, double quotes, semicolons",
    options: { useTabs: true },
    input: `import { z } from "zod";

export function handler(input: unknown) {
	const schema = z.object({
		name: z.string().transform((s: string) => {
			const t = s.trim();
			return t.toLowerCase();
		}),
	});
	return schema.parse(input);
}
`,
    expectLines: ["function transformName(s: string) {", "\tconst t = s.trim();", "\treturn t.toLowerCase();", "}"],
  },
  {
    name: "4 spaces",
    options: { tabWidth: 4 },
    input: `import { z } from "zod";

export function handler(input: unknown) {
    const name = z.string().refine((s: string) => s.length > 0);
    return name.parse(input);
}
`,
    expectLines: ["function isValidName(s: string) {", "    return s.length > 0;", "}"],
  },
  {
    name: "2 spaces, no semicolons, single quotes",
    options: { semi: false, singleQuote: true },
    input: `import { z } from 'zod'

export const handler = (input: unknown) => {
  const n = z.number().refine((x: number) => x > 0)
  return n.parse(input)
}
`,
    expectLines: ["const isValid = (x: number) => x > 0", "  const n = z.number().refine(isValid)"],
  },
  {
    name: "import groups: withKey goes after the last package import, before relative imports",
    options: { semi: false, singleQuote: true, printWidth: 120 },
    input: `import { z } from 'zod'
import { helper } from './helper'

export function handler(min: number) {
  const limit = z.number().refine((x: number) => x > min && helper(x))
  return limit.parse(min)
}
`,
    expectLines: ["import { z } from 'zod'", "import { withKey } from 'stable-schema'", "import { helper } from './helper'"],
  },
  {
    name: "only relative imports: withKey goes first",
    options: { printWidth: 120 },
    input: `import { z } from "./zod";

export function handler(min: number) {
  const limit = z.number().refine((x: number) => x > min);
  return limit.parse(min);
}
`,
    expectLines: ['import { withKey } from "stable-schema";', 'import { z } from "./zod";'],
  },
];

describe("output in the file's style", () => {
  it.each(cases)("$name", async ({ options, input, expectLines }) => {
    const prettierOptions = { ...options, filepath: filename };
    expect(await prettier.check(input, prettierOptions), "the input is Prettier-clean").toBe(true);
    const modules = input.includes("./zod") ? { "./zod": "zod" } : undefined;
    const result = migrateSource(input, { filename, ...(modules ? { modules } : {}) });
    expect(result.changed).toBe(true);
    const lines = result.output.split("\n");
    for (const line of expectLines) expect(lines).toContain(line);
    // The import order check reads the lines in order.
    const positions = expectLines.map((line) => lines.indexOf(line));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const formatted = await prettier.format(result.output, prettierOptions);
    expect(result.output).toBe(formatted);
  });
});

describe("long parameter types", () => {
  it("are written as a named type alias above the hoisted function, not inline", async () => {
    const ts = (await import("typescript")).default;
    const { mkdtempSync, writeFileSync, rmSync, realpathSync } = await import("node:fs");
    const os = await import("node:os");
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "stable-schema-alias-")));
    try {
      const file = path.join(dir, "a.ts");
      const text = `import { z } from "zod";

const Order = z.object({ customerName: z.string(), shippingAddress: z.string(), quantity: z.number(), giftWrapped: z.boolean() });

export function check(input: unknown) {
  return Order.refine((order) => order.quantity > 0).parse(input);
}
`;
      writeFileSync(file, text);
      const program = ts.createProgram([file], {
        strict: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        noEmit: true,
        typeRoots: [],
        baseUrl: dir,
        paths: { zod: [path.join(process.cwd(), "node_modules/zod")] },
      });
      const result = migrateSource(text, { filename: file, programs: [program] });
      expect(result.sites).toMatchObject([{ action: "hoisted", name: "isValid" }]);
      expect(result.output).toContain(
        "type IsValidInput = { customerName: string; shippingAddress: string; quantity: number; giftWrapped: boolean };\n\nfunction isValid(order: IsValidInput) {\n  return order.quantity > 0;\n}\n",
      );
      for (const line of result.output.split("\n")) expect(line.length <= 120 || line.includes("z.object(")).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
