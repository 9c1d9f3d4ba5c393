// Test helpers for `reportUnprovenKeys`. By default `no-unbounded-cache` reports a growth only with
// evidence that its keys are unbounded (an object, a per-call unique value, request data). A case whose
// keys are unproven is run twice: invalid with `reportUnprovenKeys: true`, and valid without it. A
// case that must stay silent is run with the option on, so that it stays silent for its own reason
// (pruned, bounded, escaping…) and not merely because its keys are unproven.
import type { InvalidTestCase, ValidTestCase } from "@typescript-eslint/rule-tester";

type Options = readonly [{ checkEscaping?: boolean; reportUnprovenKeys?: boolean }?];

function withOption(options: Options | undefined, reportUnprovenKeys: boolean): [{ checkEscaping?: boolean; reportUnprovenKeys?: boolean }] {
  const { reportUnprovenKeys: _ignored, ...rest } = options?.[0] ?? {};
  return [reportUnprovenKeys ? { ...rest, reportUnprovenKeys: true } : rest];
}

/** Invalid cases whose keys are unproven: reported with `reportUnprovenKeys: true`. */
export function reportedWithUnprovenKeys<M extends string>(cases: readonly InvalidTestCase<M, Options>[]): InvalidTestCase<M, Options>[] {
  return cases.map((testCase) => ({ ...testCase, name: `${testCase.name} (reportUnprovenKeys)`, options: withOption(testCase.options, true) }));
}

/** The same cases, silent by default: nothing shows their keys to be unbounded. */
export function silentByDefault<M extends string>(cases: readonly InvalidTestCase<M, Options>[]): ValidTestCase<Options>[] {
  return cases.map(({ errors: _errors, output: _output, ...testCase }) => ({
    ...testCase,
    name: `${testCase.name} (unproven keys: silent by default)`,
    options: withOption(testCase.options, false),
  }));
}

/** Valid cases, checked with `reportUnprovenKeys: true`: silent for their own reason. */
export function silentEvenWithUnprovenKeys(cases: readonly ValidTestCase<Options>[]): ValidTestCase<Options>[] {
  return cases.map((testCase) => ({ ...testCase, options: withOption(testCase.options, true) }));
}
