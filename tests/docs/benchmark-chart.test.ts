// docs/benchmarks/examples.svg and the table in docs/benchmarks.md are generated from the benchmark's
// JSON (docs/benchmarks/examples.json, `npm run bench:examples`), never edited by hand: rendering the
// JSON again gives the same bytes, and every bar and every table cell carries the JSON's number.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM script without type declarations
import { files, metrics, renderSvg, updateMarkdown } from "../../scripts/benchmark-chart.mjs";

interface Result {
  columns: { id: string; label: string }[];
  rows: { handler: string; results: Record<string, Record<string, number>> }[];
}

const result = JSON.parse(readFileSync(files.json, "utf8")) as Result;
const svg = readFileSync(files.svg, "utf8");
const markdown = readFileSync(files.markdown, "utf8");

describe("benchmark chart", () => {
  it("is what scripts/benchmark-chart.mjs renders from the JSON", () => {
    expect(svg).toBe(renderSvg(result));
    expect(markdown).toBe(updateMarkdown(markdown, result));
  });

  it("every bar's number is the JSON's, and every number has its bar", () => {
    const bars = [...svg.matchAll(/<rect [^>]*data-metric="([^"]+)" data-handler="([^"]+)" data-column="([^"]+)" data-value="([^"]+)"/g)].map(
      ([, metric, handler, column, value]) => ({ metric, handler, column, value: Number(value) }),
    );
    const expected = (metrics as { id: string }[]).flatMap((metric) =>
      result.rows.flatMap((row) => result.columns.map((column) => ({ metric: metric.id, handler: row.handler, column: column.id, value: row.results[column.id]![metric.id] }))),
    );
    expect(bars).toEqual(expected);
    expect(bars.length).toBeGreaterThanOrEqual(2 * 5 * 2);
  });

  it("the table in docs/benchmarks.md has the JSON's numbers", () => {
    for (const row of result.rows) {
      const line = markdown.split("\n").find((l) => l.startsWith(`| \`${row.handler}\` |`));
      expect(line, row.handler).toBeDefined();
      const cells = line!.split("|").map((cell) => cell.trim()).filter(Boolean).slice(3).map((cell) => Number(cell.replaceAll(",", "")));
      expect(cells).toEqual([
        ...result.columns.map((c) => row.results[c.id]!.callsPerSecond),
        ...result.columns.map((c) => row.results[c.id]!.retainedBytesPerCall),
      ]);
    }
  });
});
