import { Effect, Schema } from "effect3";
import { withKey } from "stable-schema";

// effect 3's data-last transform(to, { decode, encode }) and data-first filterEffect(self, f).
export function amount(input: unknown, rate: number, banned: readonly string[]) {
  const converted = Schema.String.pipe(
    Schema.transform(Schema.Number, { strict: true, decode: withKey((s: string) => Number(s) * rate, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect3-review#decodeConverted", rate]), encode: withKey((n: number) => String(n / rate), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect3-review#encodeConverted", rate]) }),
  );
  const allowed = Schema.filterEffect(Schema.String, withKey((s: string) => Effect.succeed(!banned.includes(s)), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect3-review#checkAllowed", banned]));
  return [Schema.decodeUnknownEither(converted)(input), Schema.decodeUnknownEither(allowed)(input)];
}
