import { Schema } from "effect3";
import { withKey } from "stable-schema";

function isValid(n: number) {
  return Number.isInteger(n);
}

export function port(input: unknown, max: number) {
  const schema = Schema.Number.pipe(
    Schema.filter(isValid),
    // annotated: effect 3's overloaded, generic `filter` inside `pipe` loses the contextual type
    // of `n` once the closure is wrapped in the generic `withKey` (n: never)
    Schema.filter(withKey((n: number) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect3#isValid", max])),
  );
  return Schema.decodeUnknownEither(schema)(input);
}

function decodeValue(s: string) {
  return Number(s);
}

function encodeValue(n: number) {
  return String(n);
}

export function numeric(input: unknown) {
  const schema = Schema.transform(Schema.String, Schema.Number, {
    strict: true,
    decode: decodeValue,
    encode: encodeValue,
  });
  return Schema.decodeUnknownEither(schema)(input);
}
