import { Schema, SchemaGetter } from "effect";

export function port(input: unknown, max: number) {
  const schema = Schema.Number.check(
    Schema.makeFilter((n: number) => Number.isInteger(n)),
    Schema.makeFilter((n) => n <= max),
  );
  return Schema.decodeUnknownExit(schema)(input);
}

export function numeric(input: unknown) {
  const schema = Schema.String.pipe(
    Schema.decodeTo(Schema.Number, {
      decode: SchemaGetter.transform((s: string) => Number(s)),
      encode: SchemaGetter.transform((n: number) => String(n)),
    }),
  );
  return Schema.decodeUnknownExit(schema)(input);
}
