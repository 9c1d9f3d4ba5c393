import { z } from "zod";
import * as v from "valibot";

/** A schema factory in another module: only its return type says it builds a schema. */
export function buildSchema(t: (key: string) => string) {
  return z.object({ name: z.string().min(1, t("required")) });
}
export const makeItem = (max: number) => v.pipe(v.string(), v.maxLength(max));
export function label(key: string): string {
  return key;
}
export function useFormSchema() {
  return buildSchema(label);
}
/** Does more than build a schema: memoising its calls would log once per argument instead of per call. */
export function auditedItem(max: number) {
  console.log("item schema", max);
  return v.pipe(v.string(), v.maxLength(max));
}
