import { match, type } from "arktype";

// type(def, "@", meta) functions and match.at(key, cases) are registered like every arktype function.
export function describe(input: unknown, label: string) {
  const Name = type("string", "@", { message: () => `${label} must be text` });
  const kind = match.at("kind").match({ "'a'": (v: { kind: "a" }) => v.kind.length, default: () => 0 });
  const size = match.at("kind", { "'b'": (v: { kind: "b" }) => v.kind.length + label.length, default: "assert" });
  return [Name(input), kind(input), size({ kind: "b" })];
}
