// Words and casing for generated names: identifiers split into words (constant-like names read as
// words), PascalCase and camelCase, and the names a generated identifier must never take.

export const reservedNames: ReadonlySet<string> = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await async of get set type declare namespace module as " +
    "undefined NaN Infinity arguments eval globalThis window self document process require exports module console " +
    "name length status event parent top location history navigator screen origin closed frames opener " +
    "Object Array String Number Boolean Symbol BigInt Function Date RegExp Error Map Set WeakMap WeakSet Promise Proxy " +
    "Reflect JSON Math Intl URL"
  ).split(" "),
);

export function words(raw: string): string[] {
  // Constant-like names read as words: `SENTRY_DISABLED` → sentry disabled (not `SENTRYDISABLED`).
  const text = /[a-z]/.test(raw) ? raw : raw.toLowerCase();
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

export function pascal(text: string): string {
  return words(text)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

export function camel(text: string): string {
  const p = pascal(text);
  if (p === "") return "";
  const result = p[0]!.toLowerCase() + p.slice(1);
  return /^[0-9]/.test(result) ? `_${result}` : result;
}
