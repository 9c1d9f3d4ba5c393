import { Effect, Option, Schema, SchemaGetter } from "effect";
import { withKey } from "stable-schema";

// effect 4: catchDecodingWithContext, SchemaGetter.map, Schema.fromJsonString's reviver.
export function setting(input: unknown, fallback: string, hidden: string) {
  const withFallback = Schema.String.pipe(Schema.catchDecodingWithContext(withKey(() => Effect.succeed(Option.some(fallback)), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/effect4-review#transformWithFallback", fallback])));
  const suffixed = Schema.String.pipe(
    Schema.decodeTo(Schema.String, {
      decode: SchemaGetter.map(SchemaGetter.passthrough<string>(), withKey((s: string) => s + fallback, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/effect4-review#transformDecode", fallback])),
      encode: SchemaGetter.passthrough<string>(),
    }),
  );
  const json = Schema.fromJsonString(Schema.Unknown, { reviver: withKey((key: string, value: unknown) => (key === hidden ? undefined : value), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/effect4-review#transformJson", hidden]) });
  return [Schema.decodeUnknownExit(withFallback)(input), Schema.decodeUnknownExit(suffixed)(input), Schema.decodeUnknownExit(json)(input)];
}
