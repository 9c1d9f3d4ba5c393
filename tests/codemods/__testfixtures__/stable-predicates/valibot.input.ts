import * as v from "valibot";
import { array, pipe, string, checkItems } from "valibot";

export function tags(input: unknown, banned: readonly string[]) {
  const schema = pipe(
    array(pipe(string(), v.transform((s: string) => s.trim()))),
    checkItems((tag) => !banned.includes(tag), "banned tag"),
    v.check((list: string[]) => list.length <= 10, "too many tags"),
  );
  return v.safeParse(schema, input);
}

export function password(input: unknown) {
  const schema = v.pipe(
    v.object({ password: v.string(), confirm: v.string() }),
    v.forward(
      v.partialCheck([["password"], ["confirm"]], (value: { password: string; confirm: string }) => value.password === value.confirm, "passwords differ"),
      ["confirm"],
    ),
  );
  return v.safeParse(schema, input);
}
