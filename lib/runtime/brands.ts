// Brand checks for the builtins schemaKey and the stability walk read by value. A builtin is
// recognised by its internal slot — a method of the builtin's prototype that throws on any other
// object — never by Symbol.toStringTag, which any class can set (`get [Symbol.toStringTag]() {
// return "Date" }`), and only when its prototype is the builtin's own: a subclass can override what
// the value means (exec, get, iteration), so it is compared by identity like any class instance.
// Plain ECMAScript, no node: imports (the runtime also runs in browsers). Proxies have no internal
// slots, so a Proxy of a Date is not a Date here (it is encoded by identity).

const uncurry =
  <T>(fn: (this: unknown) => T) =>
  (value: unknown): T =>
    fn.call(value);

function getter<T>(proto: object, name: string): ((value: unknown) => T) | undefined {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get as ((this: unknown) => T) | undefined;
  return get === undefined ? undefined : uncurry(get);
}

const dateTime = uncurry(Date.prototype.getTime as (this: unknown) => number);
const regexpSource = getter<string>(RegExp.prototype, "source") as (value: unknown) => string;
const mapSize = getter<number>(Map.prototype, "size") as (value: unknown) => number;
const setSize = getter<number>(Set.prototype, "size") as (value: unknown) => number;
const mapEntries = Map.prototype.entries;
const setValues = Set.prototype.values;

/** RegExp flag getters in the order of RegExp.prototype.flags; each reads the internal slot. */
const FLAG_GETTERS: Array<[string, (value: unknown) => boolean]> = (
  [
    ["d", "hasIndices"],
    ["g", "global"],
    ["i", "ignoreCase"],
    ["m", "multiline"],
    ["s", "dotAll"],
    ["u", "unicode"],
    ["v", "unicodeSets"],
    ["y", "sticky"],
  ] as const
).flatMap(([flag, name]) => {
  const get = getter<boolean>(RegExp.prototype, name);
  return get === undefined ? [] : [[flag, get] as [string, (value: unknown) => boolean]];
});

/** Runs a brand check: true when `check(value)` does not throw. */
function has(check: (value: unknown) => unknown, value: unknown): boolean {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
}

/** The epoch milliseconds of a real Date (prototype Date.prototype), else undefined. */
export function dateValue(value: object): number | undefined {
  if (Object.getPrototypeOf(value) !== Date.prototype || !has(dateTime, value)) return undefined;
  return dateTime(value);
}

/** Source and flags of a real RegExp (prototype RegExp.prototype), read from its slots, else undefined. */
export function regexpValue(value: object): { source: string; flags: string } | undefined {
  if (Object.getPrototypeOf(value) !== RegExp.prototype || value === RegExp.prototype || !has(regexpSource, value)) {
    return undefined;
  }
  let flags = "";
  for (const [flag, get] of FLAG_GETTERS) if (get(value)) flags += flag;
  return { source: regexpSource(value), flags };
}

/** The entries of a real Map (prototype Map.prototype), iterated with Map.prototype's own iterator. */
export function mapEntriesOf(value: object): Array<[unknown, unknown]> | undefined {
  if (Object.getPrototypeOf(value) !== Map.prototype || !has(mapSize, value)) return undefined;
  return Array.from(mapEntries.call(value as Map<unknown, unknown>));
}

/** The elements of a real Set (prototype Set.prototype), iterated with Set.prototype's own iterator. */
export function setValuesOf(value: object): unknown[] | undefined {
  if (Object.getPrototypeOf(value) !== Set.prototype || !has(setSize, value)) return undefined;
  return Array.from(setValues.call(value as Set<unknown>));
}
