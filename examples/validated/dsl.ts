// A tiny tuple schema DSL in the spirit of malli: schemas are plain data, predicates are functions.
//   ["int", { min?, max? }]   ["string", { min? }]   ["boolean"]   ["fn", predicate]
//   ["tuple", ...schemas]     ["and", ...schemas]
// Compiling a schema is the expensive step the seed's registry cached; here it builds a closure tree.

export type Schema =
  | readonly ["int", { readonly min?: number; readonly max?: number }]
  | readonly ["string", { readonly min?: number }]
  | readonly ["boolean"]
  | readonly ["fn", (value: unknown) => boolean]
  | readonly ["tuple", ...Schema[]]
  | readonly ["and", ...Schema[]];

export type Validator = (value: unknown) => boolean;

/** Compile a schema into a validator (what a schema cache stores). */
export function compile(schema: Schema): Validator {
  switch (schema[0]) {
    case "int": {
      const { min = -Infinity, max = Infinity } = schema[1];
      return (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
    }
    case "string": {
      const { min = 0 } = schema[1];
      return (v) => typeof v === "string" && v.length >= min;
    }
    case "boolean":
      return (v) => typeof v === "boolean";
    case "fn": {
      const pred = schema[1];
      return (v) => pred(v);
    }
    case "tuple": {
      const items = schema.slice(1).map((s) => compile(s as Schema));
      return (v) => Array.isArray(v) && v.length === items.length && items.every((check, i) => check(v[i]));
    }
    case "and": {
      const parts = schema.slice(1).map((s) => compile(s as Schema));
      return (v) => parts.every((check) => check(v));
    }
  }
}
