import { z } from "zod";

export function sameLength(list) {
  // reads the enclosing function's `arguments`: left as it is.
  return z
    .array(z.string())
    .refine((items) => items.length === arguments.length)
    .safeParse(list).success;
}

export function ownArguments(list) {
  // a `function` has its own `arguments`: nothing captured, hoisted.
  return z
    .array(z.string())
    .refine(function () {
      return arguments.length === 1;
    })
    .safeParse(list).success;
}
