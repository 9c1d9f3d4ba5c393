// Option values shared by the CLI and the jscodeshift transform.
import type { WithKeyImport } from "../../lib/edits/migrate.js";

export const DEFAULT_WITH_KEY_IMPORT: Readonly<WithKeyImport> = { module: "stable-schema", name: "withKey" };

export class OptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OptionError";
  }
}

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** Parses `<module>#<name>`, e.g. `stable-schema#withKey` or `~/lib/keys#withKey`. */
export function parseWithKeyImport(value: string): WithKeyImport {
  const hash = value.lastIndexOf("#");
  const module = hash === -1 ? "" : value.slice(0, hash).trim();
  const name = hash === -1 ? "" : value.slice(hash + 1).trim();
  if (!module || !name) {
    throw new OptionError(
      `--with-key-import expects <module>#<name> (for example stable-schema#withKey), got ${JSON.stringify(value)}`,
    );
  }
  if (!IDENTIFIER.test(name)) {
    throw new OptionError(`--with-key-import: ${JSON.stringify(name)} is not a valid JavaScript identifier`);
  }
  return { module, name };
}

/**
 * `__proto__` is no module specifier, and as a key it would set the mapping's prototype instead of
 * an entry (the entry would silently vanish): rejected explicitly.
 */
function assertModuleKey(key: string): void {
  if (key === "__proto__") {
    throw new OptionError('--modules: "__proto__" is not a module specifier that can be mapped');
  }
}

/**
 * Parses the `modules` mapping (module specifier → schema library it re-exports), given either as a
 * JSON object (`{"~/schema":"zod"}`) or as a list (`~/schema=zod,@app/valid=valibot`). jscodeshift
 * already JSON-parses option values, so an object is accepted too.
 */
export function parseModules(value: unknown): Record<string, string> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const out: Record<string, string> = {};
    for (const [key, lib] of Object.entries(value)) {
      assertModuleKey(key);
      if (typeof lib !== "string" || !key) {
        throw new OptionError(`--modules: the value for ${JSON.stringify(key)} must be a library name (a string)`);
      }
      out[key] = lib;
    }
    return out;
  }
  if (typeof value !== "string") {
    throw new OptionError("--modules expects a JSON object or module=library pairs separated by commas");
  }
  const text = value.trim();
  if (text.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new OptionError(`--modules: invalid JSON (${(error as Error).message})`);
    }
    return parseModules(parsed);
  }
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    if (!pair.trim()) continue;
    const eq = pair.lastIndexOf("=");
    const key = eq === -1 ? "" : pair.slice(0, eq).trim();
    const lib = eq === -1 ? "" : pair.slice(eq + 1).trim();
    if (!key || !lib) {
      throw new OptionError(`--modules: expected module=library, got ${JSON.stringify(pair.trim())}`);
    }
    assertModuleKey(key);
    out[key] = lib;
  }
  return out;
}
