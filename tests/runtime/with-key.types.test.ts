// Type-level tests (checked by `npm run typecheck`) plus their runtime half (run by vitest).
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { keyOf, schemaFactory, withKey } from "../../lib/runtime/index.js";

describe("withKey keeps the function's type", () => {
  it("contextually types a zod refine predicate (n: number, not any)", () => {
    const build = (min: number) =>
      z.number().refine(
        withKey(
          (n) => {
            expectTypeOf(n).toEqualTypeOf<number>();
            const typeOnly = (): void => {
              // @ts-expect-error -- n is a number: if withKey lost the contextual type, n would be any and this would compile
              n.toUpperCase();
            };
            void typeOnly;
            return n > min;
          },
          ["gt", min],
        ),
      );
    expect(build(3).safeParse(4).success).toBe(true);
    expect(build(3).safeParse(2).success).toBe(false);
  });

  it("returns exactly F", () => {
    const f = withKey((a: string, b: number): [string, number] => [a, b], "pair");
    expectTypeOf(f).toEqualTypeOf<(a: string, b: number) => [string, number]>();
    expectTypeOf(keyOf(f)).toEqualTypeOf<string | undefined>();
    const typeOnly = (): void => {
      // @ts-expect-error -- the key must be a string or [id: string, ...captured]
      withKey(() => 1, [1, 2]);
    };
    void typeOnly;
    expect(f("x", 1)).toEqual(["x", 1]);
  });

  it("schemaFactory keeps the build's parameter and return types", () => {
    const adult = schemaFactory((min: number) => z.object({ age: z.number().min(min) }));
    expectTypeOf(adult).parameters.toEqualTypeOf<[min: number]>();
    expectTypeOf(adult(18).parse({ age: 20 })).toEqualTypeOf<{ age: number }>();
    const typeOnly = (): void => {
      // @ts-expect-error -- min is a number
      adult("18");
    };
    void typeOnly;
    expect(adult(18)).toBe(adult(18));
  });
});
