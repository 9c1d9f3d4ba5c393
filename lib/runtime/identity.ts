// Identity tokens: a small integer per object / function / non-registered symbol, held in a WeakMap
// so a token never keeps its referent alive. The counter only grows, so a token never names two
// different referents, which is what makes identity-based keys injective.

//
// Shared by the ESM and CommonJS builds through `globalThis` (see registry.ts): one referent, one token.
import { sharedState } from "./registry.js";

const state = sharedState("identityTokens", () => ({ tokens: new WeakMap<WeakKey, number>(), next: 0 }));

/** The identity token of an object, function or non-registered symbol (stable while it lives). */
export function identityToken(value: WeakKey): number {
  let token = state.tokens.get(value);
  if (token === undefined) {
    token = ++state.next;
    state.tokens.set(value, token);
  }
  return token;
}
