// Writes a migrated file atomically (temp file + rename), keeping the original file mode.
import { stat } from "node:fs/promises";
import writeFileAtomic from "write-file-atomic";
import type { FileResult } from "./process.js";

/** Writes `result.output` if there is one; a write error turns the result into a failure. */
export async function writeResult(result: FileResult): Promise<FileResult> {
  if (result.output === undefined) return result;
  try {
    const { mode } = await stat(result.path);
    // The text goes back exactly as migrateSource returned it: BOM, CRLF and all.
    await writeFileAtomic(result.path, result.output, { encoding: "utf8", mode: mode & 0o7777 });
    return result;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return {
      path: result.path,
      status: "failed",
      sites: result.sites,
      error: { message: `cannot write file: ${e.code ?? e.message}` },
    };
  }
}
