// The seed replay: a malli-style tuple DSL, a validated-function helper (`defn`) and the replay.
export { compile, type Schema, type Validator } from "./dsl.js";
export { createRegistry, defn, ValidationError, type Registry } from "./defn.js";
export { makeGreet, replaySeed, schemasFor, sourceTextHole, type ReplayRow, type Variant } from "./replay.js";
