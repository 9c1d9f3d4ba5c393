// The editor, for real: vscode-eslint's language server (`vscode-eslint-language-server` from the npm
// package vscode-langservers-extracted, the server VS Code, Neovim and Helix run) is driven over stdio on
// a small temporary project that uses the built plugin. Asserted: the diagnostics and their rule links,
// the quick fixes offered for each (every fix has a name), applying a suggestion and the autofix through
// the server's own commands, and that the edited file type-checks. Needs `npm run build` (dist/).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from "vscode-jsonrpc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const serverBin = path.join(path.dirname(require.resolve("vscode-langservers-extracted/package.json")), "bin/vscode-eslint-language-server");

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: { command: string; arguments?: unknown[] };
}

const source = `import { z } from "zod";

export function parseUser(input: unknown, minAge: number) {
  return z
    .object({
      name: z.string().transform((s: string) => s.trim()),
      age: z.number().refine((n) => n >= minAge, "too young"),
    })
    .parse(input);
}
`;

let project: string;
let file: string;
let uri: string;
let server: ChildProcess;
let connection: MessageConnection;
let text = source;
let version = 1;
const diagnosticsWaiters: ((diagnostics: Diagnostic[]) => void)[] = [];
const openedDocs: string[] = [];

function offsetAt(content: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = content.indexOf("\n", offset) + 1;
  return offset + position.character;
}

function applyTextEdits(content: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(content, b.range.start) - offsetAt(content, a.range.start));
  let out = content;
  for (const edit of sorted) out = out.slice(0, offsetAt(out, edit.range.start)) + edit.newText + out.slice(offsetAt(out, edit.range.end));
  return out;
}

function link(target: string, at: string): void {
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, "dir");
}

/** The `stable-schema` runtime package: a workspace package once the repository has one, else the root. */
function runtimePackageDir(): string {
  const workspace = path.join(root, "node_modules/stable-schema");
  return existsSync(workspace) ? realpathSync(workspace) : root;
}

function settingsFor(scopeUri: string) {
  return {
    validate: "on",
    packageManager: "npm",
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: { disableRuleComment: { enable: true, location: "separateLine", commentStyle: "line" }, showDocumentation: { enable: true } },
    codeActionOnSave: { enable: false, mode: "all" },
    format: false,
    quiet: false,
    onIgnoredFiles: "off",
    options: {},
    rulesCustomizations: [],
    run: "onType",
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: "location" },
    workspaceFolder: { uri: pathToFileURL(project).href, name: "project" },
    scopeUri,
  };
}

async function pullDiagnostics(): Promise<Diagnostic[]> {
  const report = (await connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } })) as { items?: Diagnostic[] };
  return report.items ?? [];
}

async function changeDocument(next: string): Promise<void> {
  text = next;
  version += 1;
  await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
}

async function codeActions(diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ["quickfix"] },
  })) as CodeAction[];
}

/** Runs a code action's command; the server answers with workspace/applyEdit, which edits `text`. */
async function run(action: CodeAction): Promise<void> {
  expect(action.command, action.title).toBeDefined();
  const before = text;
  await connection.sendRequest("workspace/executeCommand", action.command);
  expect(text, `${action.title} changed nothing`).not.toBe(before);
  await changeDocument(text);
}

function typeErrors(content: string): string[] {
  writeFileSync(file, content);
  const config = ts.getParsedCommandLineOfConfigFile(path.join(project, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error("tsconfig.json did not parse");
  const program = ts.createProgram(config.fileNames, config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

beforeAll(async () => {
  if (!existsSync(path.join(root, "dist/plugin.js"))) throw new Error("dist/plugin.js is missing: run `npm run build` (npm test does)");
  project = realpathSync(mkdtempSync(path.join(tmpdir(), "stable-schema-editor-")));
  for (const name of ["eslint", "typescript-eslint", "@typescript-eslint/parser", "typescript", "zod"]) {
    link(path.dirname(require.resolve(`${name}/package.json`)), path.join(project, "node_modules", name));
  }
  link(runtimePackageDir(), path.join(project, "node_modules/stable-schema"));
  writeFileSync(
    path.join(project, "eslint.config.mjs"),
    `import tseslint from "typescript-eslint";
import stableSchema from ${JSON.stringify(pathToFileURL(path.join(root, "dist/plugin.js")).href)};
export default [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...stableSchema.configs.recommended];
`,
  );
  writeFileSync(
    path.join(project, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ["src"] }),
  );
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "editor-project", private: true, type: "module" }));
  mkdirSync(path.join(project, "src"));
  file = path.join(project, "src/users.ts");
  uri = pathToFileURL(file).href;
  writeFileSync(file, source);

  server = spawn(process.execPath, [serverBin, "--stdio"], { cwd: project, stdio: ["pipe", "pipe", "pipe"] });
  connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  connection.onRequest("workspace/configuration", (params: { items: { scopeUri?: string }[] }) => params.items.map((item) => settingsFor(item.scopeUri ?? uri)));
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onRequest("workspace/applyEdit", (params: { edit: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[] } }) => {
    const edits = params.edit.changes?.[uri] ?? params.edit.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? [];
    text = applyTextEdits(text, edits);
    return { applied: edits.length > 0 };
  });
  connection.onRequest("eslint/openDoc", (params: { url: string }) => {
    openedDocs.push(params.url);
    return {};
  });
  connection.onRequest("eslint/confirmESLintExecution", () => 4);
  connection.onRequest("eslint/probeFailed", () => ({}));
  connection.onRequest("eslint/noLibrary", () => ({}));
  connection.onRequest("eslint/noConfig", () => ({}));
  connection.onNotification("textDocument/publishDiagnostics", (params: { diagnostics: Diagnostic[] }) => {
    for (const waiter of diagnosticsWaiters.splice(0)) waiter(params.diagnostics);
  });
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(project).href,
    workspaceFolders: [{ uri: pathToFileURL(project).href, name: "project" }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceFolders: true },
      textDocument: {
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll.eslint"] } } },
        diagnostic: { dynamicRegistration: false },
        publishDiagnostics: {},
      },
    },
  });
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "typescript", version, text } });
}, 60_000);

afterAll(() => {
  connection?.dispose();
  server?.kill();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("vscode-eslint language server", () => {
  it("reports both inline closures, each linked to its rule's page", async () => {
    const diagnostics = await pullDiagnostics();
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      [
        "stable-schema/no-inline-predicate",
        5,
        "Inline transform passed to `.transform()` is recreated on every call of `parseUser`; its schema gets a new cache key each time.",
      ],
      [
        "stable-schema/no-inline-predicate",
        6,
        "Inline predicate passed to `.refine()` is recreated on every call of `parseUser` (captures `minAge`); its schema gets a new cache key each time.",
      ],
    ]);
    for (const diagnostic of diagnostics) {
      const href = diagnostic.codeDescription?.href ?? "";
      expect(href).toMatch(/\/docs\/rules\/no-inline-predicate\.md$/);
      expect(existsSync(fileURLToPath(href))).toBe(true);
    }
  });

  it("offers named quick fixes: the hoist as a suggestion next to the autofix, the wrap with its key", async () => {
    const [transform, refine] = await pullDiagnostics();
    const titles = (actions: CodeAction[]) => actions.map((action) => action.title);
    expect(titles(await codeActions(transform!))).toEqual([
      "Fix this stable-schema/no-inline-predicate problem",
      "Hoist to `trimName` (a module-level function). (stable-schema/no-inline-predicate)",
      "Disable stable-schema/no-inline-predicate for this line",
      "Disable stable-schema/no-inline-predicate for the entire file",
      "Show documentation for stable-schema/no-inline-predicate",
      "Fix all auto-fixable problems",
    ]);
    expect(titles(await codeActions(refine!))).toEqual([
      'Wrap in `withKey()` with the key ["editor-project/src/users#isNotTooYoung", minAge]. (stable-schema/no-inline-predicate)',
      "Disable stable-schema/no-inline-predicate for this line",
      "Disable stable-schema/no-inline-predicate for the entire file",
      "Show documentation for stable-schema/no-inline-predicate",
    ]);
  });

  it("opens the rule's page from 'Show documentation'", async () => {
    const [transform] = await pullDiagnostics();
    const show = (await codeActions(transform!)).find((action) => action.title.startsWith("Show documentation"))!;
    await connection.sendRequest("workspace/executeCommand", show.command);
    expect(openedDocs).toHaveLength(1);
    expect(existsSync(fileURLToPath(openedDocs[0]!))).toBe(true);
  });

  it("applies the wrap suggestion, then the hoist, through the server; the result lints clean and type-checks", async () => {
    const refine = (await pullDiagnostics())[1]!;
    await run((await codeActions(refine)).find((action) => action.title.startsWith("Wrap in `withKey()`"))!);
    const [transform, ...rest] = await pullDiagnostics();
    expect(rest).toEqual([]);
    await run((await codeActions(transform!)).find((action) => action.title.startsWith("Hoist to `trimName`"))!);
    expect(text).toBe(`import { z } from "zod";
import { withKey } from "stable-schema";

function trimName(s: string) {
  return s.trim();
}

export function parseUser(input: unknown, minAge: number) {
  return z
    .object({
      name: z.string().transform(trimName),
      age: z.number().refine(withKey((n) => n >= minAge, ["editor-project/src/users#isNotTooYoung", minAge]), "too young"),
    })
    .parse(input);
}
`);
    expect(await pullDiagnostics()).toEqual([]);
    expect(typeErrors(text)).toEqual([]);
  });

  it("'Fix this problem' applies the autofix (every hoist of the file in one edit), and it type-checks", async () => {
    await changeDocument(source.replace('(n) => n >= minAge, "too young"', '(n: number) => n >= 18, "too young"'));
    const [transform] = await pullDiagnostics();
    await run((await codeActions(transform!)).find((action) => action.title === "Fix this stable-schema/no-inline-predicate problem")!);
    expect(text).toBe(`import { z } from "zod";

function trimName(s: string) {
  return s.trim();
}

function isNotTooYoung(n: number) {
  return n >= 18;
}

export function parseUser(input: unknown, minAge: number) {
  return z
    .object({
      name: z.string().transform(trimName),
      age: z.number().refine(isNotTooYoung, "too young"),
    })
    .parse(input);
}
`);
    expect(await pullDiagnostics()).toEqual([]);
    expect(typeErrors(text)).toEqual([]);
  });
});
