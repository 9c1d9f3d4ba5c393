// The withKey checker, by stage: calls (found by binding) → key (shape, fresh values) → coverage
// (captures, member paths, writes after the call) → check (the problems, named by messageId).
export { type WithKeySource, findWithKeyCalls, runtimeWithKey, withKeySources } from "./calls.js";
export { type KeyShape, keyId, keyShape } from "./key.js";
export {
  type ArrayKey,
  type CheckOptions,
  type KeyChange,
  type LexicalName,
  type LiteralKey,
  type WithKeyInput,
  type WithKeyProblem,
  type WithKeyProblemType,
  checkWithKeyCalls,
} from "./check.js";
