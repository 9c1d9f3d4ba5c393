import * as C from "io-ts/Codec";
import * as D from "io-ts/Decoder";
import { withKey } from "stable-schema";

function decodeText(u: unknown) {
  return D.string.decode(u);
}

function encodeText(s: string) {
  return s.trim();
}

// D.fromRefinement, C.imap and C.make with inline decoder and encoder objects.
export function cents(input: unknown, min: number, rate: number) {
  const AtLeast = D.fromRefinement(withKey((u: unknown): u is number => typeof u === "number" && u >= min, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/io-ts-review#isAtLeast", min]), "AtLeast");
  const Scaled = C.imap(withKey((n: number) => n * rate, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/io-ts-review#transformScaled", rate]), withKey((n: number) => n / rate, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/io-ts-review#transformScaledInCents", rate]))(C.number);
  const Text = C.make({ decode: decodeText }, { encode: encodeText });
  return [AtLeast.decode(input), Scaled.decode(input), Text.decode(input)];
}
