import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

export function decodeDate(input: unknown, offset: number) {
  const schema = Type.Transform(Type.Number())
    .Decode((n: number) => new Date(n + offset))
    .Encode((d: Date) => d.getTime() - offset);
  return Value.Decode(schema, input);
}

export function decodeTrimmed(input: unknown) {
  const schema = Type.Transform(Type.String())
    .Decode((s: string) => s.trim())
    .Encode((s: string) => s);
  return Value.Decode(schema, input);
}
