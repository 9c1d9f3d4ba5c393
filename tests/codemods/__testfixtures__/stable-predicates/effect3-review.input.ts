import { Effect, Schema } from "effect3";

// effect 3's data-last transform(to, { decode, encode }) and data-first filterEffect(self, f).
export function amount(input: unknown, rate: number, banned: readonly string[]) {
  const converted = Schema.String.pipe(
    Schema.transform(Schema.Number, { strict: true, decode: (s: string) => Number(s) * rate, encode: (n: number) => String(n / rate) }),
  );
  const allowed = Schema.filterEffect(Schema.String, (s: string) => Effect.succeed(!banned.includes(s)));
  return [Schema.decodeUnknownEither(converted)(input), Schema.decodeUnknownEither(allowed)(input)];
}
