import { useState } from "react";
import { z } from "zod";

export function AgeField({ min }: { min: number }) {
  const [max] = useState(150);
  const schema = z.number().min(min).max(max);
  return <input data-valid={String(schema.safeParse(18).success)} />;
}

export function NameField() {
  const schema = z.string().min(1);
  return <input data-valid={String(schema.safeParse("x").success)} />;
}
