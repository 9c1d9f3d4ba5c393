// require-stable-key cases for the Oxlint parity test (tests/oxlint/parity.test.ts): every problem
// kind, with and without fixes, including a key whose fix both adds and removes elements.
import { z } from "zod";
import { withKey } from "stable-schema";

export function missingOne(min: number, max: number) {
  return z.number().refine(withKey((n: number) => n >= min && n <= max, ["range", min]));
}

export function stringKey(min: number, max: number) {
  return z.number().refine(withKey((n: number) => n <= max && n >= min, "bounds"));
}

export function unusedElement(min: number, locale: string) {
  return z.number().refine(withKey((n: number) => n >= min, ["min", min, locale]));
}

export function addAndRemove(opts: { min: number }) {
  const { min } = opts;
  return z.number().refine(withKey((n: number) => n >= min, ["destructured", opts]));
}

export function reassigned(limit: number) {
  let max = limit;
  const check = withKey((n: number) => n <= max, ["reassigned", max]);
  max += 1;
  return z.number().refine(check);
}

export function freshKey(min: number) {
  return z.number().refine(withKey((n: number) => n >= min, ["fresh", min, Date.now()]));
}

export function duplicateA(min: number) {
  return z.number().refine(withKey((n: number) => n > min, ["same-id", min]));
}

export function duplicateB(max: number) {
  return z.number().refine(withKey((n: number) => n < max, ["same-id", max]));
}

export function badKey(min: number, id: string) {
  return z.number().refine(withKey((n: number) => n >= min, id));
}

export class Limits {
  constructor(readonly max: number) {}
  schema() {
    return z.number().refine(withKey((n: number) => n <= this.max, "limits"));
  }
}
