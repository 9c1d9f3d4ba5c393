// JSON-only schemas for the schemaKey benchmark, written the way people write them (keys unsorted).
export function userSchema(i = 0) {
  return {
    $id: `https://example.com/user-${i}.json`,
    type: "object",
    title: "User",
    properties: {
      id: { type: "string", format: "uuid" },
      email: { type: "string", format: "email", maxLength: 254 },
      name: { type: "string", minLength: 1, maxLength: 100 },
      age: { type: "integer", minimum: 0, maximum: 150 },
      roles: { type: "array", items: { type: "string", enum: ["admin", "editor", "viewer"] }, uniqueItems: true },
      address: {
        type: "object",
        properties: {
          street: { type: "string" },
          city: { type: "string" },
          zip: { type: "string", pattern: "^[0-9]{5}$" },
          country: { type: "string", enum: ["DE", "FR", "US", "JP"] },
        },
        required: ["street", "city"],
        additionalProperties: false,
      },
      tags: { type: "array", items: { type: "string" }, maxItems: 20 },
      createdAt: { type: "string", format: "date-time" },
      score: { type: "number", exclusiveMinimum: 0, multipleOf: 0.5 },
      active: { type: "boolean", default: true },
    },
    required: ["id", "email", "name"],
    additionalProperties: false,
  };
}

export const smallSchema = () => ({ type: "string", minLength: 1, maxLength: 64 });

/** About `bytes` of JSON: an object schema with many user-like definitions. */
export function bigSchema(bytes = 1024 * 1024) {
  const definitions = {};
  let i = 0;
  let size = 0;
  while (size < bytes) {
    const def = userSchema(i);
    definitions[`User${i}`] = def;
    size += JSON.stringify(def).length + 12;
    i++;
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", type: "object", definitions, $ref: "#/definitions/User0" };
}
