import Type from "typebox";
import Value from "typebox/value";
import { withKey } from "stable-schema";

function isValid(n: number) {
  return n % 2 === 0;
}

export function decodeEven(input: unknown, max: number) {
  const schema = Type.Refine(Type.Number(), isValid);
  const capped = Type.Refine(Type.Number(), withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/typebox1#isValidCapped", max]));
  return [Value.Check(schema, input), Value.Check(capped, input)];
}

function trimValue(s: string) {
  return s.trim();
}

export function decodeTrimmed(input: unknown) {
  const schema = Type.Decode(Type.String(), trimValue);
  return Value.Decode(schema, input);
}
