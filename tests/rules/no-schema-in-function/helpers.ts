// Shared pieces of the no-schema-in-function tests: one RuleTester and builders for expected errors,
// so that every invalid case asserts messageId and the full message data.
import "../../setup-rule-tester.js";
import { RuleTester } from "@typescript-eslint/rule-tester";
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import noSchemaInFunction, { type MessageIds, type Options } from "../../../rules/no-schema-in-function.js";

export const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });
// @typescript-eslint/rule-tester brings its own copy of @typescript-eslint/utils: same shape, other types.
export const rule = noSchemaInFunction as unknown as Parameters<typeof tester.run<MessageIds, Options>>[1];

export type Valid = ValidTestCase<Options>;
export type Invalid = InvalidTestCase<MessageIds, Options>;

/** Detection only: `fix: "none"` is added to every case (fixes are tested in fixes.test.ts). */
export function detectionOnly<T extends Valid | Invalid>(test: T): T {
  return { ...test, options: [{ fix: "none", ...test.options?.[0] }] as Options };
}

export const call = (name: string): string => `on every call of \`${name}\``;
export const callback = (callee: string): string => `on every call of the callback passed to \`${callee}\``;
export const loop = (label: string, line: number): string => `on every iteration of the \`${label}\` loop at line ${line}`;
export const parse = (api: string): string => `on every parse, inside the \`${api}\` callback`;

export interface Expected {
  messageId: MessageIds;
  data: Record<string, string>;
  line?: number;
  column?: number;
}

export const rebuilt = (api: string, library: string, where: string, at?: { line?: number; column?: number }): Expected => ({
  messageId: "schemaRebuilt",
  data: { api, library: `${library} `, where },
  ...at,
});
export const compiled = (api: string, label: string, where: string, at?: { line?: number; column?: number }): Expected => ({
  messageId: "compileRepeated",
  data: { api, label, where },
  ...at,
});
export const factoryCall = (api: string, where: string, library = "", at?: { line?: number; column?: number }): Expected => ({
  messageId: "factoryCalled",
  data: { api, library: library === "" ? "" : `${library} `, where },
  ...at,
});

export const ajvCompileLabel = "compiles a fresh schema object (ajv caches by object identity and keeps it)";
export const ajvNewLabel = "creates a validator instance (its compile cache starts empty)";
export const typeboxLabel = "compiles a validator (TypeBox caches nothing)";
