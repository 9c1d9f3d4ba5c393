import { z } from "zod";

export function limited(input: unknown, strict: boolean) {
  let max = 10;
  if (strict) max = 5;
  // `max` is reassigned: a shared function could read another call's variable. Left as it is.
  const schema = z.number().refine((n) => n <= max);
  return schema.safeParse(input).success;
}

export function limitedConst(input: unknown, strict: boolean) {
  const max = strict ? 5 : 10;
  const schema = z.number().refine((n) => n <= max);
  return schema.safeParse(input).success;
}
