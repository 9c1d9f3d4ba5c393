import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { withKey } from "stable-schema";

export function decodeDate(input: unknown, offset: number) {
  const schema = Type.Transform(Type.Number())
    .Decode(withKey((n: number) => new Date(n + offset), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/typebox034#transformValue", offset]))
    .Encode(withKey((d: Date) => d.getTime() - offset, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/typebox034#transformValueInDecodeDate", offset]));
  return Value.Decode(schema, input);
}

function trimValue(s: string) {
  return s.trim();
}

function transformValue(s: string) {
  return s;
}

export function decodeTrimmed(input: unknown) {
  const schema = Type.Transform(Type.String())
    .Decode(trimValue)
    .Encode(transformValue);
  return Value.Decode(schema, input);
}
