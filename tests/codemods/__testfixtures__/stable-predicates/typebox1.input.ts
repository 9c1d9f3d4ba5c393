import Type from "typebox";
import Value from "typebox/value";

export function decodeEven(input: unknown, max: number) {
  const schema = Type.Refine(Type.Number(), (n: number) => n % 2 === 0);
  const capped = Type.Refine(Type.Number(), (n) => n <= max);
  return [Value.Check(schema, input), Value.Check(capped, input)];
}

export function decodeTrimmed(input: unknown) {
  const schema = Type.Decode(Type.String(), (s: string) => s.trim());
  return Value.Decode(schema, input);
}
