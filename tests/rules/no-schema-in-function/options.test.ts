// The options of no-schema-in-function are the shared fragments of lib/rules/options.ts (one
// description and default per option), except the memoFunctions default: it adds the runtime's
// schemaFactory, and the codemod's --hoist-schemas uses the same list.
import { describe, expect, it } from "vitest";
import { schemaMemoFunctions } from "../../../lib/analysis/schema-expressions.js";
import { fixModeDefault, memoFunctionsProperty, repetitionDefaults, repetitionProperties } from "../../../lib/rules/options.js";
import noInlinePredicate from "../../../rules/no-inline-predicate.js";
import noSchemaInFunction from "../../../rules/no-schema-in-function.js";

const properties = (rule: { meta: { schema: unknown } }) => (rule.meta.schema as [{ properties: Record<string, { description?: string }> }])[0].properties;

describe("no-schema-in-function options", () => {
  it("checkFactories and fix mode are the shared fragments, with the shared defaults", () => {
    expect(properties(noSchemaInFunction).checkFactories).toEqual(repetitionProperties.checkFactories);
    expect(properties(noSchemaInFunction).checkFactories).toEqual(properties(noInlinePredicate).checkFactories);
    expect(properties(noSchemaInFunction).fix).toMatchObject({ type: "string", enum: ["autofix", "suggest", "none"] });
    expect(noSchemaInFunction.meta.defaultOptions).toEqual([{ checkFactories: repetitionDefaults.checkFactories, memoFunctions: [...schemaMemoFunctions], fix: fixModeDefault, hoist: "eager" }]);
  });

  it("memoFunctions is the shared property, its description naming this rule's default (the shared list plus schemaFactory)", () => {
    expect(schemaMemoFunctions).toEqual([...repetitionDefaults.memoFunctions, "schemaFactory"]);
    expect(properties(noSchemaInFunction).memoFunctions).toEqual(memoFunctionsProperty(schemaMemoFunctions));
    expect(properties(noSchemaInFunction).memoFunctions!.description).toBe(
      "Calls whose callback runs once or rarely (default: useMemo, useState, useReducer, once, memoize, memoizeOne, cache, schemaFactory).",
    );
    expect(properties(noInlinePredicate).memoFunctions!.description).toBe("Calls whose callback runs once or rarely (default: useMemo, useState, useReducer, once, memoize, memoizeOne, cache).");
  });
});
