// --project: build the TypeScript program(s) once and hand them to migrateSource for the files they
// contain. typescript is an optional peer dependency, so it is imported only when asked for.
import path from "node:path";
import type * as ts from "typescript";
import { typeScriptApiProblem } from "../../lib/edits/typescript.js";
import type { ProgramLookup } from "./process.js";

export class ProjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProjectError";
  }
}

export async function loadProject(tsconfigPath: string): Promise<ProgramLookup> {
  const problem = typeScriptApiProblem();
  if (problem) throw new ProjectError(`--project needs type information, which needs TypeScript 4.8–6.0: ${problem}`);
  const mod = (await import("typescript")) as typeof ts & { default?: typeof ts };
  const typescript = mod.default ?? mod;
  const configPath = path.resolve(tsconfigPath);
  const diagnostics: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...typescript.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => diagnostics.push(d),
  };
  const parsed = typescript.getParsedCommandLineOfConfigFile(configPath, undefined, host);
  if (!parsed || diagnostics.length > 0) {
    const text = diagnostics.map((d) => typescript.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ");
    throw new ProjectError(`cannot read ${tsconfigPath}: ${text || "unknown error"}`);
  }
  const program = typescript.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}),
  });
  const programs = [program];
  // Files outside the program are migrated without type information (the parser would reject them).
  return (file: string) => (program.getSourceFile(file.split(path.sep).join("/")) ? programs : undefined);
}
