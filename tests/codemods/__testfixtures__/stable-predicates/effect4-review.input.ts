import { Effect, Option, Schema } from "effect";

// effect 4: catchDecodingWithContext, catchEncodingWithContext, Schema.fromJsonString's reviver.
export function setting(input: unknown, fallback: string, hidden: string) {
  const withFallback = Schema.String.pipe(Schema.catchDecodingWithContext(() => Effect.succeed(Option.some(fallback))));
  const encoded = Schema.String.pipe(Schema.catchEncodingWithContext(() => Effect.succeed(Option.some(fallback.trim()))));
  const json = Schema.fromJsonString(Schema.Unknown, { reviver: (key: string, value: unknown) => (key === hidden ? undefined : value) });
  return [Schema.decodeUnknownExit(withFallback)(input), Schema.encodeUnknownExit(encoded)(input), Schema.decodeUnknownExit(json)(input)];
}
