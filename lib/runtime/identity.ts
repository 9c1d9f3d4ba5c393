// Identity tokens: a small integer per object / function / non-registered symbol, held in a WeakMap
// so a token never keeps its referent alive. The counter only grows, so a token never names two
// different referents, which is what makes identity-based keys injective.

const tokens = new WeakMap<WeakKey, number>();
let nextToken = 0;

/** The identity token of an object, function or non-registered symbol (stable while it lives). */
export function identityToken(value: WeakKey): number {
  let token = tokens.get(value);
  if (token === undefined) {
    token = ++nextToken;
    tokens.set(value, token);
  }
  return token;
}
