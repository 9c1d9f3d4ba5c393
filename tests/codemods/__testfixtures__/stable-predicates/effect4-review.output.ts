import { Effect, Option, Schema } from "effect";
import { withKey } from "stable-schema";

// effect 4: catchDecodingWithContext, catchEncodingWithContext, Schema.fromJsonString's reviver.
export function setting(input: unknown, fallback: string, hidden: string) {
  const withFallback = Schema.String.pipe(Schema.catchDecodingWithContext(withKey(() => Effect.succeed(Option.some(fallback)), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect4-review#transformWithFallback", fallback])));
  const encoded = Schema.String.pipe(Schema.catchEncodingWithContext(withKey(() => Effect.succeed(Option.some(fallback.trim())), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect4-review#transformEncoded", fallback])));
  const json = Schema.fromJsonString(Schema.Unknown, { reviver: withKey((key: string, value: unknown) => (key === hidden ? undefined : value), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/effect4-review#transformJson", hidden]) });
  return [Schema.decodeUnknownExit(withFallback)(input), Schema.encodeUnknownExit(encoded)(input), Schema.decodeUnknownExit(json)(input)];
}
