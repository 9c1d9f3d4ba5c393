/*
 * License header: stays on top.
 */
"use strict";
const { z } = require("zod");

function parse(input, max) {
  const schema = z.object({
    name: z.string().transform((s) => s.trim()),
    count: z.number().refine((n) => n <= max),
  });
  return schema.safeParse(input);
}

module.exports = { parse };
