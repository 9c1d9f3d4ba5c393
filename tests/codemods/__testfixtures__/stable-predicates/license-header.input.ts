/*!
 * Copyright (c) 2026 Example Corp.
 * SPDX-License-Identifier: MIT
 */
import * as v from "valibot";

export function validateSlug(input: unknown, prefix: string) {
  const schema = v.pipe(
    v.string(),
    v.check((s) => s.startsWith(prefix), "wrong prefix"),
    v.transform((s: string) => s.toLowerCase()),
  );
  return v.parse(schema, input);
}
