// Functions that carry a withKey key. Shared by withKey (writes) and schemaKey (reads).
//
// The package ships an ESM and a CommonJS build; an app can load both (its own `import` and a
// dependency's `require`). The registry is therefore kept on `globalThis` under a registered symbol,
// so that a function keyed by one copy is recognised by the other (the dual-package hazard).

export interface KeyedFunctionInfo {
  /** The serialized key, as returned by keyOf. */
  readonly key: string;
  /** How schemaKey and captured-value keys encode this function: key plus a code token. */
  readonly encoded: string;
}

/** One registered symbol per piece of process-wide state; `v1` changes when the shape does. */
export function sharedState<T>(name: string, create: () => T): T {
  const symbol = Symbol.for(`stable-schema.runtime.v1.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  let value = holder[symbol];
  if (value === undefined) {
    value = create();
    Object.defineProperty(holder, symbol, { value, configurable: false, enumerable: false, writable: false });
  }
  return value;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any function may be keyed
export const keyedFunctions = sharedState("keyedFunctions", () => new WeakMap<Function, KeyedFunctionInfo>());
