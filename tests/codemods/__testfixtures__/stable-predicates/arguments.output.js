import { z } from "zod";

export function sameLength(list) {
  // reads the enclosing function's `arguments`: left as it is.
  return z
    .array(z.string())
    .refine((items) => items.length === arguments.length)
    .safeParse(list).success;
}

function isValid() {
  return arguments.length === 1;
}

export function ownArguments(list) {
  // a `function` has its own `arguments`: nothing captured, hoisted.
  return z
    .array(z.string())
    .refine(isValid)
    .safeParse(list).success;
}
