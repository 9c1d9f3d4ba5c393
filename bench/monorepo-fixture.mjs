// A realistic two-package monorepo, written into a directory by the end-to-end test
// (tests/codemods/monorepo.test.ts) and the speed measurement (bench/monorepo.mjs):
//   - packages/ui: React components (yup forms, zod schemas), a custom memo hook, a re-export index,
//     a test file; Prettier style: no semicolons, single quotes, 4 spaces.
//   - packages/api: request handlers, a module that re-exports zod (`~/zod`, mapped in the ESLint
//     settings), schemas imported from another module and from @fx/ui (only types can trace those),
//     schema factories (the config turns checkFactories on here), a test file; Prettier style: tabs.
//   - two tsconfigs under a solution tsconfig with project references; an eslint.config.js with
//     `recommended`, settings and per-package rule options;
//   - one package version installed twice (pkg-a/node_modules/shared and pkg-b/node_modules/shared),
//     imported by ProfileCard and the users handler: TypeScript reads it once and answers the second
//     path with a redirect source file (without the fix in programsWithText, ProfileCard fails).
// Libraries come from this repository's node_modules through symbolic links; `copies` repeats the
// component and handler files to make the tree bigger for measurements.
import { mkdirSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The directory of the runtime package (`stable-schema`): its own package once the repo is a workspace. */
function runtimePackageDir() {
  const workspace = path.join(repoRoot, "lib/runtime");
  return existsSync(path.join(workspace, "package.json")) ? workspace : repoRoot;
}

function write(root, rel, text) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function link(root, rel, target) {
  const at = path.join(root, rel);
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, "dir");
}

const signupForm = (suffix) => `import { useEffect, useState } from 'react'
import * as yup from 'yup'

export function SignupForm${suffix}({ minAge, banned }: { minAge: number; banned: string[] }) {
    const [error, setError] = useState<string | undefined>(undefined)
    const schema = yup.object({
        name: yup.string().transform((value) => value.trim()),
        age: yup.number().test('old-enough', 'Too young', (value) => (value ?? 0) >= minAge),
        newsletter: yup.boolean(),
        email: yup.string().when('newsletter', {
            is: (subscribed: boolean) => subscribed === true,
            then: (s) => s.required(),
        }),
        nickname: yup.string().test({ name: 'not-banned', message: 'Banned', test: (v) => !banned.includes(v ?? '') }),
    })
    useEffect(() => {
        const limit = yup.number().test('over-limit', (n) => (n ?? 0) < minAge * 10)
        setError(limit.isValidSync(minAge) ? undefined : 'limit')
    }, [minAge])
    return <form data-error={error} onSubmit={() => schema.validateSync({})} />
}
`;

const profileCard = (suffix) => `import { makeA } from 'pkg-a'
import { makeB } from 'pkg-b'
import { z } from 'zod'
import { Profile } from './schemas'
import { useStableSchema } from './useStableSchema'

export function ProfileCard${suffix}({ profile, reserved }: { profile: unknown; reserved: string }) {
    const checked = Profile.refine((p) => p.nickname !== makeA().id && p.email !== makeB().id)
    const memo = useStableSchema(() => z.string().refine((s) => s !== reserved))
    const nick = z.string().refine((s) => s.length > 1 && s !== reserved, { message: 'taken' })
    return <p>{String(checked.safeParse(profile).success && memo.safeParse(reserved).success && nick.safeParse('x').success)}</p>
}
`;

const usersHandler = (suffix) => `import { z } from "~/zod";
import { Email } from "@fx/ui";
import { makeA } from "pkg-a";
import { makeB } from "pkg-b";
import { User } from "../schemas";

export async function createUser${suffix}(req: { body: unknown; tenant: string }) {
	const tenant = req.tenant;
	const Input = User.extend({ email: Email }).refine((u) => u.email.endsWith("@" + tenant), { message: "wrong tenant" });
	const Known = User.refine((u) => u.name !== makeA().id && u.name !== makeB().id);
	const Code = z.string().transform((s) => s.toUpperCase());
	return { input: Input.parse(req.body), known: Known.safeParse(req.body).success, code: Code.parse("x") };
}
`;

const rolesHandler = (suffix) => `import { User } from "../schemas";

export function isAdmin${suffix}(value: unknown): boolean {
	return User.refine((u) => u.role === "admin").safeParse(value).success;
}
`;

/**
 * Writes the monorepo into `root` (an empty directory).
 * @param {string} root
 * @param {{ copies?: number }} [options]
 */
export function writeMonorepo(root, options = {}) {
  const copies = options.copies ?? 1;
  const suffixes = Array.from({ length: copies }, (_, i) => (i === 0 ? "" : String(i + 1)));
  const pluginUrl = pathToFileURL(path.join(repoRoot, "dist/plugin.js")).href;

  write(root, "package.json", `${JSON.stringify({ name: "fx-monorepo", private: true, type: "module", workspaces: ["packages/*"] }, null, 2)}\n`);
  write(root, ".gitignore", "node_modules/\ndist/\n*.tsbuildinfo\n");
  write(
    root,
    "tsconfig.json",
    `${JSON.stringify({ files: [], references: [{ path: "packages/ui" }, { path: "packages/api" }] }, null, 2)}\n`,
  );
  write(
    root,
    "eslint.config.js",
    `import tseslint from "typescript-eslint";
import stableSchema from ${JSON.stringify(pluginUrl)};

export default [
  { ignores: ["**/node_modules/**", "**/dist/**"] },
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  { settings: { "stable-schema": { modules: { "~/zod": "zod" } } } },
  // Options per package; \`recommended\` below sets the severity and turns the rules off for tests.
  {
    files: ["packages/ui/**"],
    rules: { "stable-schema/no-inline-predicate": ["error", { memoFunctions: ["useMemo", "useStableSchema"] }] },
  },
  {
    files: ["packages/api/**"],
    rules: { "stable-schema/no-inline-predicate": ["error", { checkFactories: true }] },
  },
  ...stableSchema.configs.recommended,
];
`,
  );

  const compilerOptions = {
    strict: true,
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2023", "DOM"],
    jsx: "react-jsx",
    composite: true,
    skipLibCheck: true,
    outDir: "dist",
    rootDir: "src",
  };

  // packages/ui
  write(root, "packages/ui/package.json", `${JSON.stringify({ name: "@fx/ui", type: "module", types: "./src/index.ts", exports: { ".": "./src/index.ts" } }, null, 2)}\n`);
  write(root, "packages/ui/.prettierrc.json", `${JSON.stringify({ semi: false, singleQuote: true, tabWidth: 4 })}\n`);
  write(root, "packages/ui/tsconfig.json", `${JSON.stringify({ compilerOptions, include: ["src"] }, null, 2)}\n`);
  write(root, "packages/ui/src/index.ts", `export * from './schemas'\nexport { useStableSchema } from './useStableSchema'\n`);
  write(
    root,
    "packages/ui/src/schemas.ts",
    `import { z } from 'zod'\n\nexport const Email = z.string().email()\nexport const Profile = z.object({ email: Email, nickname: z.string().min(2) })\n`,
  );
  write(
    root,
    "packages/ui/src/useStableSchema.ts",
    `import { useMemo } from 'react'\n\nexport function useStableSchema<T>(build: () => T): T {\n    return useMemo(build, [])\n}\n`,
  );
  for (const suffix of suffixes) {
    write(root, `packages/ui/src/components/SignupForm${suffix}.tsx`, signupForm(suffix));
    write(root, `packages/ui/src/components/ProfileCard${suffix}.tsx`, profileCard(suffix).replaceAll("'./", "'../"));
  }
  write(
    root,
    "packages/ui/src/components/SignupForm.test.tsx",
    `import * as yup from 'yup'\nimport { SignupForm } from './SignupForm'\n\nexport function check(min: number) {\n    const schema = yup.number().test('min', (n) => (n ?? 0) > min)\n    return [SignupForm, schema.isValidSync(min)]\n}\n`,
  );

  // packages/api
  write(root, "packages/api/package.json", `${JSON.stringify({ name: "@fx/api", type: "module", dependencies: { "@fx/ui": "*" } }, null, 2)}\n`);
  write(root, "packages/api/.prettierrc.json", `${JSON.stringify({ useTabs: true })}\n`);
  write(
    root,
    "packages/api/tsconfig.json",
    `${JSON.stringify({ compilerOptions: { ...compilerOptions, rootDir: undefined, paths: { "~/zod": ["./src/lib/zod.ts"] } }, include: ["src"], references: [{ path: "../ui" }] }, null, 2)}\n`,
  );
  write(root, "packages/api/src/lib/zod.ts", `export * from "zod";\n`);
  write(
    root,
    "packages/api/src/schemas.ts",
    `import { z } from "~/zod";\n\nexport const User = z.object({ name: z.string(), role: z.enum(["admin", "user"]) });\n`,
  );
  write(
    root,
    "packages/api/src/factories.ts",
    `import { z } from "~/zod";\n\nexport function minLength(n: number) {\n\treturn z.string().refine((s) => s.length >= n);\n}\n`,
  );
  for (const suffix of suffixes) {
    write(root, `packages/api/src/handlers/users${suffix}.ts`, usersHandler(suffix));
    write(root, `packages/api/src/handlers/roles${suffix}.ts`, rolesHandler(suffix));
  }
  write(
    root,
    "packages/api/src/handlers/users.test.ts",
    `import { z } from "~/zod";\n\nexport function fixture(limit: number) {\n\treturn z.number().refine((n) => n < limit);\n}\n`,
  );

  // node_modules: the libraries from this repository, the workspace link, a duplicated dependency.
  const nm = path.join(repoRoot, "node_modules");
  for (const name of ["zod", "yup", "react", "@types/react", "typescript", "typescript-eslint", "eslint", "prettier"]) {
    link(root, `node_modules/${name}`, path.join(nm, name));
  }
  link(root, "node_modules/stable-schema", runtimePackageDir());
  link(root, "node_modules/@fx/ui", path.join(root, "packages/ui"));
  for (const [pkg, fn] of [["pkg-a", "makeA"], ["pkg-b", "makeB"]]) {
    write(root, `node_modules/${pkg}/package.json`, `${JSON.stringify({ name: pkg, version: "1.0.0", types: "index.d.ts" })}\n`);
    write(root, `node_modules/${pkg}/index.d.ts`, `import type { Shared } from "shared";\nexport declare function ${fn}(): Shared;\n`);
    write(root, `node_modules/${pkg}/node_modules/shared/package.json`, `${JSON.stringify({ name: "shared", version: "1.0.0", types: "index.d.ts" })}\n`);
    write(root, `node_modules/${pkg}/node_modules/shared/index.d.ts`, `export interface Shared {\n  id: string;\n}\n`);
  }
}
