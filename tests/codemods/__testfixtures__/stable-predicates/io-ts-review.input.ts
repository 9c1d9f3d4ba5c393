import * as C from "io-ts/Codec";
import * as D from "io-ts/Decoder";

// D.fromRefinement, C.imap and C.make with inline decoder and encoder objects.
export function cents(input: unknown, min: number, rate: number) {
  const AtLeast = D.fromRefinement((u: unknown): u is number => typeof u === "number" && u >= min, "AtLeast");
  const Scaled = C.imap((n: number) => n * rate, (n: number) => n / rate)(C.number);
  const Text = C.make({ decode: (u: unknown) => D.string.decode(u) }, { encode: (s: string) => s.trim() });
  return [AtLeast.decode(input), Scaled.decode(input), Text.decode(input)];
}
