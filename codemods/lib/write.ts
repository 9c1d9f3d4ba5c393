// Replaces a migrated file so that nothing can be lost: the new text goes to a temporary file next
// to the original (every byte written — short writes are continued, a write that makes no progress
// fails), is flushed to disk and read back, the original is checked to be exactly the text that was
// migrated, and only then is the temporary file renamed over it. On any error the original is left
// as it was and the file is reported as failed.
//
// write-file-atomic is not used: it issues a single fs.write and ignores a short write, so on a
// nearly full disk it renamed a truncated file over the original and reported success.
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, lstat, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import type { FileResult } from "./process.js";

/** A file deliberately left alone (read-only, changed during the run…); the message says why. */
export class WriteRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteRefusal";
  }
}

/** Name of the temporary file: hidden, next to the target (same file system, so rename is atomic). */
function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.stable-schema.tmp`);
}

async function isReadOnly(file: string, mode: number): Promise<boolean> {
  // Root may write anything, so the permission bits are checked too: a 0444 file says "do not edit".
  if ((mode & 0o222) === 0) return true;
  try {
    await access(file, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

async function assertUnchanged(file: string, expected: Buffer): Promise<void> {
  const current = await readFile(file);
  if (!current.equals(expected)) {
    throw new WriteRefusal("the file changed on disk while it was being migrated; left as it is now (run the migration again)");
  }
}

/**
 * Replaces `file` with `bytes` if its content still is `expected` (the bytes that were migrated).
 * Throws WriteRefusal when the file is deliberately left alone, any other error when writing failed;
 * in both cases `file` is untouched and no temporary file is left behind.
 */
export async function replaceFile(file: string, bytes: Buffer, expected: Buffer): Promise<void> {
  const info = await lstat(file);
  if (info.isSymbolicLink()) throw new WriteRefusal("the path became a symbolic link during the run; left untouched");
  if (!info.isFile()) throw new WriteRefusal("not a regular file; left untouched");
  if (await isReadOnly(file, info.mode)) {
    throw new WriteRefusal(`the file is read-only (mode ${(info.mode & 0o777).toString(8).padStart(4, "0")}); left untouched`);
  }
  await assertUnchanged(file, expected);

  const temp = tempName(file);
  let created = false;
  try {
    const handle = await open(temp, "wx", 0o600);
    created = true;
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
        if (!(bytesWritten > 0)) throw new Error(`write made no progress at byte ${offset} of ${bytes.length}`);
        offset += bytesWritten;
      }
      await handle.chmod(info.mode & 0o7777);
      if (typeof process.getuid === "function" && process.getuid() === 0) {
        // As root, keep the owner (a file written by root would stay root's).
        await handle.chown(info.uid, info.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    const written = await readFile(temp);
    if (!written.equals(bytes)) {
      throw new Error(`verification failed: ${bytes.length} bytes written, ${written.length} bytes read back differ`);
    }
    // The last look before replacing: an edit made while this file was migrated wins.
    await assertUnchanged(file, expected);
    await rename(temp, file);
    created = false;
  } finally {
    if (created) await unlink(temp).catch(() => undefined);
  }
  // Make the rename itself durable; not every platform can fsync a directory, and the file is
  // already in place, so a failure here is not a failure of the write.
  try {
    const dir = await open(path.dirname(file), "r");
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // ignored (see above)
  }
}

/** Writes `result.output` if there is one; any error turns the result into a failure (file untouched). */
export async function writeResult(result: FileResult): Promise<FileResult> {
  if (result.output === undefined) return result;
  try {
    if (result.source === undefined) throw new Error("internal error: a changed file without its source text");
    // The text goes back exactly as migrateSource returned it: BOM, CRLF and all. The source was
    // decoded from valid UTF-8 (see processFile), so encoding it again gives the bytes that were read.
    await replaceFile(result.path, Buffer.from(result.output, "utf8"), Buffer.from(result.source, "utf8"));
    return result;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message =
      error instanceof WriteRefusal
        ? error.message
        : `cannot write file: ${e.code ? `${e.code}${e.syscall ? ` (${e.syscall})` : ""}` : e.message}; left untouched`;
    return { path: result.path, status: "failed", sites: result.sites, error: { message } };
  }
}
