// Names of hoisted closures and withKey ids (lib/edits/names.ts): from the check's own name, its
// failure message, the field it sits in, with qualifiers before numbers on a collision. The sites come
// from the real parser and trace over code that uses the real libraries' APIs.
import { describe, expect, it } from "vitest";
import type { SlotSite } from "../../lib/analysis/index.js";
import { analyzeText } from "../../lib/edits/migrate.js";
import { nameFromMessage } from "../../lib/edits/message-names.js";
import { NameRegistry, baseNameFor, nameQualifiersFor } from "../../lib/edits/names.js";

function analyzed(code: string, filename = "/virtual/names.ts") {
  return analyzeText(code, { filename });
}

/** The slot sites of `code`, in source order. */
function sitesOf(code: string): SlotSite[] {
  return [...analyzed(code).analysis.trace.sites];
}

/** The base name of every flagged site of `code`. */
function baseNames(code: string): string[] {
  return sitesOf(code)
    .filter((site) => site.flag)
    .map(baseNameFor);
}

/** The names the planner would give every flagged site of `code`, de-duplicated in source order. */
function givenNames(code: string): string[] {
  const { source, analysis } = analyzed(code);
  const registry = new NameRegistry(source.ast);
  return analysis.trace.sites.filter((site) => site.flag).map((site) => registry.identifier(baseNameFor(site), nameQualifiersFor(site)));
}

describe("nameFromMessage", () => {
  it.each([
    // Requirements: `[subject] must|should|cannot … <verb> <rest>`.
    ["Must be a positive number", "isPositiveNumber"],
    ["must be positive", "isPositive"],
    ["Must be at least 18", "isAtLeast18"],
    ["The value should be a string", "isString"],
    ["End date must be after start date", "isEndDateAfterStartDate"],
    ["Must not be empty", "isNotEmpty"],
    ["Cannot be blank", "isNotBlank"],
    ["Must contain a number", "containsNumber"],
    ["Password must contain at least one number", "passwordContainsAtLeastOneNumber"],
    ["Passwords must match", "passwordsMatch"],
    ["Can only contain letters", "containsOnlyLetters"],
    ["Password must have 8 characters", "passwordHas8Characters"],
    ["Needs to be lowercase", "isLowercase"],
    ["Must not contain spaces", "doesNotContainSpaces"],
    // Failures with a negation or a failure word: the name says what holds when the check passes.
    ["Passwords do not match", "passwordsMatch"],
    ["Passwords don't match", "passwordsMatch"],
    ["Does not match the pattern", "matchesPattern"],
    ["Invalid email", "isValidEmail"],
    ["Email is invalid", "isValidEmail"],
    ["Email is not valid", "isValidEmail"],
    ["Not a valid email", "isValidEmail"],
    ["wrong prefix", "isValidPrefix"],
    ["Name is required", "hasName"],
    ["Email address required", "hasEmailAddress"],
    ["Too short", "isNotTooShort"],
    ["too many tags", "isNotTooManyTags"],
    ["Name is too long", "isNameNotTooLong"],
    ["Please enter a valid email address", "isValidEmailAddress"],
    ["Please select a country", "hasCountry"],
    // Placeholders read as their word; a field placeholder names no subject.
    ["${path} must be at least ${min} characters", "isAtLeastMinCharacters"],
    ["{{#label}} must be a weekday", "isWeekday"],
    // Ranges read as `to`.
    ["limit must be 1..100", "isLimit1To100"],
    ["Must be 1\u2013100 characters", "is1To100Characters"],
    // Long messages are cut at a phrase boundary within the limits.
    ["Must be one of the allowed values in the configured list of options", "isOneOfAllowedValues"],
  ])("%j → %s", (message, expected) => {
    expect(nameFromMessage(message)).toBe(expected);
  });

  it.each([
    // A bare failure without a negation would name the opposite of what the check tests.
    "Email taken",
    "Username is reserved",
    "handle taken",
    // Nothing said about what holds.
    "Required",
    "This field is required",
    "Expected number, received string",
    "whole numbers only",
    // `1.5` would read as `15`.
    "Must be at least 1.5",
    "",
    // Other scripts and accents: words would be cut.
    "Doit être positif",
    "必须是正数",
  ])("%j → no name", (message) => {
    expect(nameFromMessage(message)).toBeUndefined();
  });

  it("keeps every name short, an identifier, and never a reserved word", () => {
    const messages = [
      "Must be a valid ISO 8601 date with a time zone offset and at most three fractional digits of seconds",
      "Must be true",
      "must be a function",
      "Must be 8 characters or more",
    ];
    for (const message of messages) {
      const name = nameFromMessage(message);
      expect(name).toMatch(/^[a-z][A-Za-z0-9]{2,39}$/);
    }
  });
});

describe("baseNameFor: the check's own name (label)", () => {
  it.each([
    ["free", "isFree"],
    ["unique-email", "isUniqueEmail"],
    ["is-adult", "isAdult"],
    ["passwords-match", "passwordsMatch"],
    ["no-spaces", "noSpaces"],
    ["email-domain", "isValidEmailDomain"],
    ["custom-email-check", "isValidEmail"],
  ])("yup .test(%j, …) → %s", (name, expected) => {
    expect(baseNames(`import * as yup from "yup";
export function f(x: string[]) { return yup.string().test("${name}", "Must not be reserved", (v) => !x.includes(v ?? "")); }`)).toEqual([expected]);
  });

  it("a label of filler only (`custom`) names nothing: the message does", () => {
    expect(baseNames(`import * as yup from "yup";
export function f(x: string[]) { return yup.string().test("custom", "Must not be reserved", (v) => !x.includes(v ?? "")); }`)).toEqual(["isNotReserved"]);
  });

  it("the object form: `name` first, then `message`", () => {
    expect(baseNames(`import * as yup from "yup";
export function f(x: string[]) {
  yup.string().test({ name: "not-reserved", message: "Must be free", test: (v) => !x.includes(v ?? "") });
  return yup.string().test({ message: "Must be free", test: (v) => !x.includes(v ?? "") });
}`)).toEqual(["notReserved", "isFree"]);
  });

  it("type names read as type guards (io-ts brand, new t.Type), with validate/transform for the other slots", () => {
    expect(baseNames(`import * as t from "io-ts";
export function f(max: number) {
  t.brand(t.number, (n): n is t.Branded<number, { readonly Capped: unique symbol }> => n <= max, "Capped");
  return new t.Type<Date, string, unknown>("DateFromString", (u): u is Date => u instanceof Date, (u, c) => t.failure(u, c), (d) => String(d.getTime()));
}`)).toEqual(["isCapped", "isDateFromString", "validateDateFromString", "transformDateFromString"]);
  });

  it("effect annotations: `identifier` labels the filter, `message` names it otherwise", () => {
    expect(baseNames(`import { Schema } from "effect";
export function f(min: number) {
  Schema.Number.check(Schema.makeFilter((n) => n >= min, { identifier: "AtLeastMin", message: "too small" }));
  return Schema.Number.check(Schema.makeFilter((n) => n >= min, { message: "Must be at least the minimum" }));
}`)).toEqual(["isAtLeastMin", "isAtLeastMinimum"]);
  });

  it("superstruct refine/define names keep their kind's verb; joi descriptions label custom validators", () => {
    expect(baseNames(`import { define, refine, string } from "superstruct";
import Joi from "joi";
export function f(max: number) {
  refine(string(), "short", (s) => s.length <= max);
  define("sku", (v) => typeof v === "string" && v.length <= max);
  return Joi.string().custom((v) => v.slice(0, max), "password strength");
}`)).toEqual(["checkShort", "validateSku", "validatePasswordStrength"]);
  });
});

describe("baseNameFor: the failure message", () => {
  it("zod: a string, `{ message }`, `{ error }`, a template (its expressions read as words)", () => {
    expect(baseNames(`import { z } from "zod";
export function f(max: number) {
  return z.object({
    a: z.number().refine((n) => n <= max, "Must be at most the limit"),
    b: z.number().refine((n) => n <= max, { message: "Must not be negative" }),
    c: z.number().refine((n) => n <= max, { error: "Too large" }),
    d: z.number().refine((n) => n <= max, \`Must be at most \${max}\`),
    e: z.custom<number>((n) => typeof n === "number" && n <= max, "Must be a small number"),
  });
}`)).toEqual(["isAtMostLimit", "isNotNegative", "isNotTooLarge", "isAtMostMax", "isSmallNumber"]);
  });

  it("a message that says nothing clear falls back to the field", () => {
    expect(baseNames(`import { z } from "zod";
export function f(taken: string[]) { return z.object({ email: z.string().refine((s) => !taken.includes(s), "Email taken") }); }`)).toEqual(["isValidEmail"]);
  });

  it("valibot messages, also as message functions; partialCheck's paths come after its message", () => {
    expect(baseNames(`import * as v from "valibot";
export function f(max: number) {
  v.check((n: number) => n <= max, "Must be at most the limit");
  v.check((n: number) => n <= max, () => "Must be a small number");
  v.partialCheck([["password"], ["confirm"]], (x: { password: string; confirm: string }) => x.password === x.confirm && max > 0, "Passwords do not match");
  return v.partialCheck([["password"], ["confirm"]], (x: { password: string; confirm: string }) => x.password === x.confirm && max > 0, "passwords differ");
}`)).toEqual(["isAtMostLimit", "isSmallNumber", "passwordsMatch", "isValidPasswordConfirm"]);
  });

  it("TypeBox Refine's error callback and joi's chained .message()", () => {
    expect(baseNames(`import { Type } from "typebox";
import Joi from "joi";
export function f(max: number) {
  Type.Refine(Type.Number(), (n) => n <= max, () => "Must be at most the limit");
  return Joi.number().custom((n) => (n <= max ? n : undefined)).message("Must be a small number");
}`)).toEqual(["isAtMostLimit", "validateSmallNumber"]);
  });

  it("refinements take the message after their own verb", () => {
    expect(baseNames(`import { z } from "zod/v3";
export function f(currency: string) { return z.string().refinement((c) => c === currency, { code: "custom", message: "Invalid currency" }); }`)).toEqual(["isValidCurrency"]);
  });

  it("the function itself is never read as its message", () => {
    expect(baseNames(`import * as yup from "yup";
export function f(x: string[]) { return yup.object({ handle: yup.string().test("free", (v) => !x.includes(v ?? "")) }); }`)).toEqual(["isFree"]);
    expect(baseNames(`import * as yup from "yup";
export function f(x: string[]) { return yup.object({ handle: yup.string().test((v) => !x.includes(v ?? "")) }); }`)).toEqual(["isValidHandle"]);
  });

  it("options that read as predicates name themselves (joi `isPresent`)", () => {
    expect(baseNames(`import Joi from "joi";
export function f(blank: string) { return Joi.object({ a: Joi.any(), b: Joi.any() }).and("a", "b", { isPresent: (v) => v !== blank }); }`)).toEqual(["isPresent"]);
  });

  it("transforms and builders keep their own names", () => {
    expect(baseNames(`import { z } from "zod";
export function f(max: number) { return z.object({ name: z.string().transform((s) => s.trim().slice(0, max)) }); }`)).toEqual(["transformName"]);
  });
});

describe("collisions: the field first, then the function, then the API, numbers last", () => {
  it("the same message on two fields", () => {
    expect(givenNames(`import { z } from "zod";
export function order(input: unknown) {
  return z.object({
    price: z.number().refine((n) => n > 0, "Must be a positive number"),
    quantity: z.number().refine((n) => n > 0, "Must be a positive number"),
    count: z.number().refine((n) => n > 0, "Must be a positive number"),
  }).parse(input);
}`)).toEqual(["isPositiveNumber", "isPositiveNumberForQuantity", "isPositiveNumberForCount"]);
  });

  it("the same test name on two fields; the same field in two functions", () => {
    expect(givenNames(`import * as yup from "yup";
export function a(x: string[]) { return yup.object({ email: yup.string().test("required", "x", (v) => v !== undefined && !x.includes(v)) }); }
export function b(x: string[]) {
  yup.object({ name: yup.string().test("required", "x", (v) => v !== undefined && !x.includes(v)) });
  return yup.object({ email: yup.string().test("required", "x", (v) => v !== undefined && !x.includes(v)) });
}`)).toEqual(["isRequired", "isRequiredForName", "isRequiredForEmail"]);
  });

  it("a name taken by the file's own bindings or a reserved word", () => {
    expect(givenNames(`import { z } from "zod";
const isPositive = 1;
export function order(input: unknown) { return z.object({ price: z.number().refine((n) => n > isPositive, "Must be positive") }).parse(input); }`)).toEqual(["isPositiveForPrice"]);
    const registry = new NameRegistry(analyzed(`export {};`).source.ast);
    expect(registry.identifier("default")).toBe("defaultFn");
  });
});
