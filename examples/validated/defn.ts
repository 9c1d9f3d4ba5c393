// The seed's `mu/defn`: a validated function whose argument and return schemas are evaluated on
// every call (the macro inlined them) and compiled through a schema cache keyed by schemaKey.
import { createSchemaCache, type SchemaCache } from "../../lib/runtime/index.js";
import { compile, type Schema, type Validator } from "./dsl.js";

export interface Registry {
  readonly cache: SchemaCache<Validator, Schema>;
  /** Compile `schema`, or reuse the validator compiled for an equal schema. */
  validator(schema: Schema): Validator;
  /** Misses per schema "name" (the schema's kind), counted through the onMiss hook. */
  readonly missesByName: Map<string, number>;
}

export function createRegistry(options: { max?: number } = {}): Registry {
  const missesByName = new Map<string, number>();
  const cache = createSchemaCache<Validator, Schema>({
    ...options,
    onMiss: (schema) => missesByName.set(String(schema[0]), (missesByName.get(String(schema[0])) ?? 0) + 1),
  });
  return { cache, missesByName, validator: (schema) => cache.get(schema, compile) };
}

export class ValidationError extends Error {}

/**
 * `defn(registry, argsSchema, returnSchema, impl)`: a function that validates its arguments and its
 * return value on every call. The schemas are thunks, re-evaluated per call like the seed's macro.
 */
export function defn<A extends unknown[], R>(
  registry: Registry,
  argsSchema: () => Schema,
  returnSchema: () => Schema,
  impl: (...args: A) => R,
): (...args: A) => R {
  return (...args: A): R => {
    if (!registry.validator(argsSchema())(args)) throw new ValidationError(`invalid arguments: ${JSON.stringify(args)}`);
    const result = impl(...args);
    if (!registry.validator(returnSchema())(result)) throw new ValidationError(`invalid return value: ${JSON.stringify(result)}`);
    return result;
  };
}
