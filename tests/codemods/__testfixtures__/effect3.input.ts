import { Schema } from "effect3";

export function port(input: unknown, max: number) {
  const schema = Schema.Number.pipe(
    Schema.filter((n: number) => Number.isInteger(n)),
    Schema.filter((n) => n <= max),
  );
  return Schema.decodeUnknownEither(schema)(input);
}

export function numeric(input: unknown) {
  const schema = Schema.transform(Schema.String, Schema.Number, {
    strict: true,
    decode: (s: string) => Number(s),
    encode: (n: number) => String(n),
  });
  return Schema.decodeUnknownEither(schema)(input);
}
