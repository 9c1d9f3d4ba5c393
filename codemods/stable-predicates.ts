// jscodeshift transform: `npx jscodeshift -t node_modules/eslint-plugin-stable-schema/codemods/stable-predicates.js src`
//
// It deliberately does not use `api.jscodeshift` (recast): reprinting through recast loses CRLF,
// moves comments and can drop directive quotes. The shared planner edits text ranges of the original
// source, so the transform hands the file to `migrateSource` and returns its text untouched elsewhere.
import type { API, FileInfo, Options } from "jscodeshift";
import { DEFAULT_WITH_KEY_IMPORT, OptionError, parseModules, parseWithKeyImport } from "./lib/options.js";
import { processSource, type ProcessOptions } from "./lib/process.js";
import { formatLocation } from "./lib/report.js";

const optionCache = new WeakMap<Options, ProcessOptions>();

function readOptions(options: Options): ProcessOptions {
  let parsed = optionCache.get(options);
  if (!parsed) {
    const withKey: unknown = options["with-key-import"] ?? options["withKeyImport"];
    const modules: unknown = options["modules"];
    parsed = {
      withKeyImport: typeof withKey === "string" ? parseWithKeyImport(withKey) : { ...DEFAULT_WITH_KEY_IMPORT },
      ...(modules !== undefined && modules !== true ? { modules: parseModules(modules) } : {}),
    };
    optionCache.set(options, parsed);
  }
  return parsed;
}

/**
 * Returns the migrated text when something changed, the source itself when nothing did (jscodeshift
 * counts the file as "unmodified"), and `undefined` for a file it cannot migrate (counted as
 * "skipped", with an `api.report` line saying why). It never throws for one bad file.
 */
export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  let processOptions: ProcessOptions;
  try {
    processOptions = readOptions(options);
  } catch (error) {
    if (error instanceof OptionError) {
      api.report(`stable-schema: ${error.message}`);
      return undefined;
    }
    throw error;
  }
  const result = processSource(file.path, file.source, processOptions);
  switch (result.status) {
    case "changed":
      return result.output;
    case "failed":
      api.report(`${formatLocation(file.path, result.error)} (file left unchanged)`);
      return undefined;
    default:
      return file.source;
  }
}

