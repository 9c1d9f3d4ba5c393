import * as v from "valibot";

// JSON revivers and replacers run on every parse.
export function payload(input: unknown, secret: string) {
  const read = v.pipe(v.string(), v.parseJson({ reviver: (key: string, value: unknown) => (key === secret ? undefined : value) }));
  const write = v.pipe(v.unknown(), v.stringifyJson({ replacer: (key: string, value: unknown) => (key.startsWith("_") ? undefined : value) }));
  return [v.safeParse(read, input), v.safeParse(write, input)];
}
