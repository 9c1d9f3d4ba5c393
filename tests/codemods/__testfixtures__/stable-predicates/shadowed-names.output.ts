import { z as zod } from "zod";
import { withKey } from "stable-schema";

const toast = { custom: (render: () => string) => render() };

export function check(input: unknown, min: number) {
  // `zod` is the library under another name: reported and wrapped.
  const schema = zod.number().refine(withKey((n) => n >= min, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/shadowed-names#isValid", min]));
  // a local `z` that is not zod: silent.
  const z = { number: () => ({ refine: (fn: (n: number) => boolean) => fn(1) }) };
  const local = z.number().refine((n) => n >= min);
  toast.custom(() => "saved");
  return [schema.safeParse(input).success, local, [1, 2].filter((n) => n > min)];
}
