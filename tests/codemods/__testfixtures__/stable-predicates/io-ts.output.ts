import * as t from "io-ts";
import { withKey } from "stable-schema";

interface PositiveBrand {
  readonly Positive: unique symbol;
}

function isPositive(n: number): n is t.Branded<number, PositiveBrand> {
  return n > 0;
}

export function decodePositive(input: unknown, max: number) {
  const Positive = t.brand(t.number, isPositive, "Positive");
  const Capped = t.refinement(t.number, withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/io-ts#isCapped", max]), "Capped");
  return [Positive.decode(input), Capped.decode(input)];
}
