// Preloaded with `node --import` into the CLI by tests/codemods/faults.test.ts: makes file writes
// misbehave the way a nearly full disk does. FAULT_WRITE=short: every write to a file descriptor above
// 2 writes at most half of what it was asked (at least one byte) — legal, a correct writer continues.
// FAULT_WRITE=enospc: the first write to each descriptor is short, the next fails with ENOSPC.
// Both the callback API (fs.write, used by write-file-atomic) and FileHandle#write are hooked.
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import { syncBuiltinESMExports } from "node:module";

const mode = process.env.FAULT_WRITE;
const seen = new Set();

function enospc() {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
}

/** How many of `length` bytes this call may write, or an error. */
function allowance(fd, length) {
  if (fd <= 2 || length <= 1) return length;
  if (mode === "enospc" && seen.has(fd)) return enospc();
  seen.add(fd);
  return Math.max(1, Math.floor(length / 2));
}

if (mode) {
  const write = fs.write;
  fs.write = function (fd, buffer, ...rest) {
    const callback = rest.pop();
    if (typeof buffer === "string") buffer = Buffer.from(buffer, typeof rest[1] === "string" ? rest[1] : "utf8");
    const offset = typeof rest[0] === "number" ? rest[0] : 0;
    const length = typeof rest[1] === "number" ? rest[1] : buffer.length - offset;
    const position = typeof rest[2] === "number" ? rest[2] : null;
    const allowed = allowance(fd, length);
    if (allowed instanceof Error) return process.nextTick(callback, allowed);
    return write.call(fs, fd, buffer, offset, allowed, position, callback);
  };
  const probe = await fsp.open(os.devNull, "r");
  const proto = Object.getPrototypeOf(probe);
  await probe.close();
  const handleWrite = proto.write;
  proto.write = async function (buffer, offset = 0, length, position) {
    if (typeof buffer === "string") return handleWrite.call(this, buffer, offset, length);
    const len = typeof length === "number" ? length : buffer.length - offset;
    const allowed = allowance(this.fd, len);
    if (allowed instanceof Error) throw allowed;
    return handleWrite.call(this, buffer, offset, allowed, position);
  };
  syncBuiltinESMExports();
}
