// Pulls the example code blocks out of a rule doc, classified as incorrect (❌) or correct (✅).
//
// A block's class comes from the nearest heading above it that contains ❌/✅ (or "Incorrect"/"Correct"),
// or from a marker comment on the line right before the fence, which can also carry rule options and
// settings for that block:
//   <!-- incorrect -->   <!-- correct {"options": [{"scope": "all"}], "settings": {…}} -->
// Blocks in other languages than ts/tsx/js/jsx, and blocks outside such headings without a marker,
// are not examples.

export type ExampleKind = "incorrect" | "correct";

export interface ExampleBlock {
  readonly kind: ExampleKind;
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence in the markdown file. */
  readonly line: number;
  readonly options?: unknown[];
  readonly settings?: Record<string, unknown>;
}

const codeLangs = new Set(["ts", "tsx", "js", "jsx", "typescript", "javascript"]);

function headingKind(text: string): ExampleKind | undefined {
  if (text.includes("❌") || /\bincorrect\b/i.test(text)) return "incorrect";
  if (text.includes("✅") || /\bcorrect\b/i.test(text)) return "correct";
  return undefined;
}

export function extractExamples(markdown: string): ExampleBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: ExampleBlock[] = [];
  let sectionKind: ExampleKind | undefined;
  let sectionLevel = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const kind = headingKind(heading[2]!);
      if (kind) {
        sectionKind = kind;
        sectionLevel = level;
      } else if (level <= sectionLevel) {
        sectionKind = undefined;
        sectionLevel = 0;
      }
      continue;
    }
    const fence = /^(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (!fence) continue;
    const close = fence[1]!;
    const lang = fence[2]!.toLowerCase();
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] ?? "").startsWith(close); i++) body.push(lines[i] ?? "");
    const marker = /^<!--\s*(incorrect|correct)\b(.*?)-->\s*$/.exec((lines[start - 1] ?? "").trim());
    const kind = (marker?.[1] as ExampleKind | undefined) ?? sectionKind;
    if (!kind || !codeLangs.has(lang)) continue;
    const extra = marker?.[2]?.trim() ? (JSON.parse(marker[2]) as { options?: unknown[]; settings?: Record<string, unknown> }) : {};
    blocks.push({ kind, lang, code: `${body.join("\n")}\n`, line: start + 1, ...extra });
  }
  return blocks;
}
