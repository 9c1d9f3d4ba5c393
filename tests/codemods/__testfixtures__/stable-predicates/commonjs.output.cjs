/*
 * License header: stays on top.
 */
"use strict";
const { z } = require("zod");
const { withKey } = require("stable-schema");

function trimName(s) {
  return s.trim();
}

function parse(input, max) {
  const schema = z.object({
    name: z.string().transform(trimName),
    count: z.number().refine(withKey((n) => n <= max, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/commonjs#isValidCount", max])),
  });
  return schema.safeParse(input);
}

module.exports = { parse };
