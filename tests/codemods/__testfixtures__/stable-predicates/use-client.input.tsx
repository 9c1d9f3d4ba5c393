'use client'
import { z } from "zod"

export function AgeField({ min }: { min: number }) {
  const schema = z.number().refine((n) => n >= min, "too young")
  return <input data-valid={schema.safeParse(20).success} />
}

export function NameField() {
  const schema = z.string().refine((s: string) => s.length > 0)
  return <input data-valid={schema.safeParse("a").success} />
}
