import { useState, useMemo } from "react";
import { z } from "zod";

export function AgeField({ min }: { min: number }) {
  const [max] = useState(150);
  const schema = useMemo(() => z.number().min(min).max(max), [min, max]);
  return <input data-valid={String(schema.safeParse(18).success)} />;
}

const schema = z.string().min(1);

export function NameField() {
  return <input data-valid={String(schema.safeParse("x").success)} />;
}
