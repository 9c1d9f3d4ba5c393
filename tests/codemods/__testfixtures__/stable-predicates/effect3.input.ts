import { Schema } from "effect3";

export function port(input: unknown, max: number) {
  const schema = Schema.Number.pipe(
    Schema.filter((n: number) => Number.isInteger(n)),
    // annotated: effect 3's overloaded, generic `filter` inside `pipe` loses the contextual type
    // of `n` once the closure is wrapped in the generic `withKey` (n: never)
    Schema.filter((n: number) => n <= max),
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
