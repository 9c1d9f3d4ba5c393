'use client'
import { z } from "zod"
import { withKey } from "stable-schema"

export function AgeField({ min }: { min: number }) {
  const schema = z.number().refine(withKey((n) => n >= min, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/use-client#isNotTooYoung", min]), "too young")
  return <input data-valid={schema.safeParse(20).success} />
}

function isValid(s: string) {
  return s.length > 0
}

export function NameField() {
  const schema = z.string().refine(isValid)
  return <input data-valid={schema.safeParse("a").success} />
}
