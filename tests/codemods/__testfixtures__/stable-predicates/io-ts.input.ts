import * as t from "io-ts";

interface PositiveBrand {
  readonly Positive: unique symbol;
}

export function decodePositive(input: unknown, max: number) {
  const Positive = t.brand(t.number, (n: number): n is t.Branded<number, PositiveBrand> => n > 0, "Positive");
  const Capped = t.refinement(t.number, (n) => n <= max, "Capped");
  return [Positive.decode(input), Capped.decode(input)];
}
