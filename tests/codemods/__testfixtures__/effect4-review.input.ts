import { Effect, Option, Schema, SchemaGetter } from "effect";

// effect 4: catchDecodingWithContext, SchemaGetter.map, Schema.fromJsonString's reviver.
export function setting(input: unknown, fallback: string, hidden: string) {
  const withFallback = Schema.String.pipe(Schema.catchDecodingWithContext(() => Effect.succeed(Option.some(fallback))));
  const suffixed = Schema.String.pipe(
    Schema.decodeTo(Schema.String, {
      decode: SchemaGetter.map(SchemaGetter.passthrough<string>(), (s: string) => s + fallback),
      encode: SchemaGetter.passthrough<string>(),
    }),
  );
  const json = Schema.fromJsonString(Schema.Unknown, { reviver: (key: string, value: unknown) => (key === hidden ? undefined : value) });
  return [Schema.decodeUnknownExit(withFallback)(input), Schema.decodeUnknownExit(suffixed)(input), Schema.decodeUnknownExit(json)(input)];
}
