// Node module-loader hooks (module.register, run off the main thread): instrument every module that
// builds schemas as it is loaded. Registered after a TypeScript loader (tsx), these hooks see that
// loader's JavaScript; TypeScript source is parsed as TypeScript.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import remapping from "@jridgewell/remapping";
import type { LoadHook, InitializeHook } from "node:module";
import { instrument } from "./transform.js";
import { LRUCache } from "lru-cache";

export interface HooksData {
  /** URL of stable-schema/profile (ESM) and the path of its CommonJS build, resolved by register.js. */
  readonly runtime: { readonly module: string; readonly commonjs: string };
  /** Instrument modules under node_modules too. */
  readonly dependencies: boolean;
}

let data: HooksData | undefined;

export const initialize: InitializeHook<HooksData> = (given) => {
  data = given;
};

const INLINE_MAP = /\n\/\/# sourceMappingURL=data:application\/json(?:;charset=[^;,]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;
const FORMATS = new Set(["module", "commonjs", "module-typescript", "commonjs-typescript"]);
// Files already warned about (a file loads once per URL; bounded all the same).
const warned = new LRUCache<string, true>({ max: 1_000 });

export const load: LoadHook = async (url, context, nextLoad) => {
  const result = await nextLoad(url, context);
  if (!data || !url.startsWith("file:") || !FORMATS.has(result.format ?? "")) return result;
  if (!data.dependencies && url.includes("/node_modules/")) return result;
  if (url.includes("/stable-schema/") && /\/(?:lib\/runtime|dist)\//.test(url)) return result;
  const filename = fileURLToPath(url);
  let source = result.source;
  // The default loader leaves CommonJS source to require(); reading it here lets the hooks see it.
  if (source == null) source = await readFile(filename);
  const text = typeof source === "string" ? source : Buffer.from(source as Uint8Array).toString("utf8");
  try {
    const commonjs = result.format!.startsWith("commonjs");
    const inline = INLINE_MAP.exec(text);
    const inputMap = inline ? (JSON.parse(Buffer.from(inline[1]!, "base64").toString("utf8")) as object) : undefined;
    const done = instrument(inline ? text.slice(0, inline.index) : text, {
      ...(inputMap ? { inputMap: inputMap as never } : {}),
      file: url,
      filename,
      // `module`/`commonjs` for a .ts file: a TypeScript loader (tsx) compiled it already.
      compiled: !result.format!.endsWith("-typescript"),
      format: commonjs ? "commonjs" : "module",
      runtime: commonjs ? data.runtime.commonjs : data.runtime.module,
    });
    if (!done) return result.source == null ? result : { ...result, source: text };
    // The map goes from the instrumented code to the original source (through the previous loader's map).
    const composed = inputMap ? remapping([done.map.toString(), inputMap as never], () => null).toString() : done.map.toString();
    const map = `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(composed).toString("base64")}\n`;
    return { ...result, source: done.code.trimEnd() + map, shortCircuit: true };
  } catch (error) {
    if (!warned.has(url)) {
      warned.set(url, true);
      process.stderr.write(`stable-schema profile: ${filename} not instrumented: ${(error as Error).message.split("\n")[0]}\n`);
    }
    return result.source == null ? result : { ...result, source: text };
  }
};
