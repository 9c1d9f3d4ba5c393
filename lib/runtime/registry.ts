// Functions that carry a withKey key. Shared by withKey (writes) and schemaKey (reads).

export interface KeyedFunctionInfo {
  /** The serialized key, as returned by keyOf. */
  readonly key: string;
  /** How schemaKey and captured-value keys encode this function: key plus a code token. */
  readonly encoded: string;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any function may be keyed
export const keyedFunctions = new WeakMap<Function, KeyedFunctionInfo>();
