/*!
 * Copyright (c) 2026 Example Corp.
 * SPDX-License-Identifier: MIT
 */
import * as v from "valibot";
import { withKey } from "stable-schema";

function toLowerCaseValue(s: string) {
  return s.toLowerCase();
}

export function validateSlug(input: unknown, prefix: string) {
  const schema = v.pipe(
    v.string(),
    v.check(withKey((s) => s.startsWith(prefix), ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/license-header#isValidPrefix", prefix]), "wrong prefix"),
    v.transform(toLowerCaseValue),
  );
  return v.parse(schema, input);
}
