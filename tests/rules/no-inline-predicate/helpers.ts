// Shared pieces of the no-inline-predicate tests: one RuleTester, and builders for the expected
// errors so that every invalid case asserts messageId and the full message data.
import "../../setup-rule-tester.js";
import { RuleTester } from "@typescript-eslint/rule-tester";
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";
import rule, { type MessageIds, type Options } from "../../../rules/no-inline-predicate.js";

export { rule };

const tester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });

type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

/** Detection only: `fix: "none"` is added to every case (fixes and suggestions are tested with the edit planner). */
function detectionOnly<T extends Valid | Invalid>(test: T): T {
  return { ...test, options: [{ fix: "none", ...test.options?.[0] }] as Options };
}

export const ruleTester = {
  run(name: string, _rule: typeof rule, tests: { valid: Valid[]; invalid: Invalid[] }): void {
    tester.run(name, rule as unknown as Parameters<typeof tester.run<MessageIds, Options>>[1], { valid: tests.valid.map(detectionOnly), invalid: tests.invalid.map(detectionOnly) });
  },
};

export type Kind =
  | "predicate"
  | "refinement"
  | "validator"
  | "transform"
  | "default thunk"
  | "lazy thunk"
  | "schema builder"
  | "message function";

export interface Expected {
  messageId: MessageIds;
  data: Record<string, string>;
  line?: number;
  column?: number;
}

/** `on every call of \`name\`` — the usual `where`. */
export const call = (name: string): string => `on every call of \`${name}\``;
export const callback = (callee: string): string => `on every call of the callback passed to \`${callee}\``;
export const loop = (label: string, line: number): string => `on every iteration of the \`${label}\` loop at line ${line}`;
export const instance = (className: string): string => `for every instance of \`${className}\``;
export const parse = (api: string): string => `on every parse, inside the \`${api}\` callback`;

/** The `captures` message part: `captures("min")` → " (captures `min`)". */
export function captures(...parts: string[]): string {
  return ` (${parts.join("; ")})`;
}
export const values = (...names: string[]): string => `captures ${names.map((n) => `\`${n}\``).join(", ")}`;
export const types = (...names: string[]): string =>
  `uses the local type${names.length > 1 ? "s" : ""} ${names.map((n) => `\`${n}\``).join(", ")}`;

/** An `inlineRepeated` error. */
/** Where an error is: with the function-head location, `column`…`endColumn` spans `(s) =>` or `function`. */
export interface Location {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export function repeated(api: string, kind: Kind, where: string, capturesText = "", at?: Location): Expected {
  return { messageId: "inlineRepeated", data: { kind, api, where, captures: capturesText }, ...at };
}

/** An `inlineModule` error (`scope: "all"`). */
export function moduleLevel(api: string, kind: Kind, capturesText = "", at?: Location): Expected {
  return { messageId: "inlineModule", data: { kind, api, captures: capturesText }, ...at };
}
