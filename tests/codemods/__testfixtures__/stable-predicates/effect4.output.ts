import { Schema, SchemaGetter } from "effect";
import { withKey } from "stable-schema";

function isValid(n: number) {
  return Number.isInteger(n);
}

export function port(input: unknown, max: number) {
  const schema = Schema.Number.check(
    Schema.makeFilter(isValid),
    Schema.makeFilter(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect4#isValid", max])),
  );
  return Schema.decodeUnknownExit(schema)(input);
}

function transformDecode(s: string) {
  return Number(s);
}

function transformEncode(n: number) {
  return String(n);
}

export function numeric(input: unknown) {
  const schema = Schema.String.pipe(
    Schema.decodeTo(Schema.Number, {
      decode: SchemaGetter.transform(transformDecode),
      encode: SchemaGetter.transform(transformEncode),
    }),
  );
  return Schema.decodeUnknownExit(schema)(input);
}
