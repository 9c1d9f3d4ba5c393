// Module A of a circular pair: B imports A and calls `isSku` while B itself is being initialised,
// before A's body has run. A hoisted `const` would still be in its temporal dead zone then.
import { z } from "zod";
import { checked } from "./b.mjs";

export function isSku(input) {
  return z
    .string()
    .refine((s) => /^[a-z]+-\d+$/.test(s))
    .safeParse(input).success;
}

export const results = checked;
