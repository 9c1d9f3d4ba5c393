import * as v from "valibot";
import { withKey } from "stable-schema";

function transformWrite(key: string, value: unknown) {
  return (key.startsWith("_") ? undefined : value);
}

// JSON revivers and replacers run on every parse.
export function payload(input: unknown, secret: string) {
  const read = v.pipe(v.string(), v.parseJson({ reviver: withKey((key: string, value: unknown) => (key === secret ? undefined : value), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/valibot-review#transformRead", secret]) }));
  const write = v.pipe(v.unknown(), v.stringifyJson({ replacer: transformWrite }));
  return [v.safeParse(read, input), v.safeParse(write, input)];
}
