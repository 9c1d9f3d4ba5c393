// Whether the installed `typescript` offers the in-process compiler API that type information needs
// (TypeScript 4.8–6.0). TypeScript 7 is a native compiler without it; a missing package is said too.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let problem: string | null | undefined;

/** One line saying why type information cannot be had, or null when `typescript` can be used. */
export function typeScriptApiProblem(): string | null {
  if (problem !== undefined) return problem;
  try {
    const ts = require("typescript") as { version?: string; createProgram?: unknown; createSourceFile?: unknown };
    problem =
      typeof ts.createProgram === "function" && typeof ts.createSourceFile === "function"
        ? null
        : `the installed TypeScript${ts.version ? ` ${ts.version}` : ""} has no in-process compiler API (TypeScript 4.8–6.0 has it: npm i -D typescript@6.0)`;
  } catch (error) {
    const code = (error as { code?: string }).code;
    problem =
      code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND"
        ? "TypeScript is not installed (npm i -D typescript@6.0)"
        : `TypeScript could not be loaded (${(error as Error).message.split("\n")[0]})`;
  }
  return problem;
}
