import * as v from "valibot";
import { array, pipe, string, checkItems } from "valibot";
import { withKey } from "stable-schema";

function trimValue(s: string) {
  return s.trim();
}

function isNotTooManyTags(list: string[]) {
  return list.length <= 10;
}

export function tags(input: unknown, banned: readonly string[]) {
  const schema = pipe(
    array(pipe(string(), v.transform(trimValue))),
    checkItems(withKey((tag) => !banned.includes(tag), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/valibot#isValid", banned]), "banned tag"),
    v.check(isNotTooManyTags, "too many tags"),
  );
  return v.safeParse(schema, input);
}

function isValidPasswordConfirm(value: { password: string; confirm: string }) {
  return value.password === value.confirm;
}

export function password(input: unknown) {
  const schema = v.pipe(
    v.object({ password: v.string(), confirm: v.string() }),
    v.forward(
      v.partialCheck([["password"], ["confirm"]], isValidPasswordConfirm, "passwords differ"),
      ["confirm"],
    ),
  );
  return v.safeParse(schema, input);
}
