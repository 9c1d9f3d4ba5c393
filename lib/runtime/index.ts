// stable-schema runtime: the package's "." export. Imports nothing but lru-cache.
export { withKey, keyOf, configureWithKey, internStats, resetIntern, DEFAULT_INTERN_MAX, DEFAULT_INTERN_MAX_BYTES } from "./with-key.js";
export { MAX_ENTRIES_LIMIT } from "./limits.js";
export type { WithKeyKey, WithKeyOptions, InternStats } from "./with-key.js";
export { schemaKey } from "./schema-key.js";
export { isStableSchema, assertStableSchema, findInstability } from "./stability.js";
export type { StabilityOptions, Instability } from "./stability.js";
export { createSchemaCache, schemaFactory, DEFAULT_CACHE_MAX, DEFAULT_FACTORY_MAX } from "./cache.js";
export type { SchemaCache, SchemaCacheOptions, SchemaCacheStats, SchemaFactory, SchemaFactoryOptions } from "./cache.js";
