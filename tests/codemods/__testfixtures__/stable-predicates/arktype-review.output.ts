import { match, type } from "arktype";
import { withKey } from "stable-schema";

function transformKind(v: { kind: "a" }) {
  return v.kind.length;
}

function transformKindInDescribe() {
  return 0;
}

// type(def, "@", meta) functions and match.at(key, cases) are registered like every arktype function.
export function describe(input: unknown, label: string) {
  const Name = type("string", "@", { message: withKey(() => `${label} must be text`, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/arktype-review#nameMessage", label]) });
  const kind = match.at("kind").match({ "'a'": transformKind, default: transformKindInDescribe });
  const labelLength = label.length;
  const size = match.at("kind", { "'b'": withKey((v: { kind: "b" }) => v.kind.length + labelLength, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/arktype-review#transformSize", labelLength]), default: "assert" });
  return [Name(input), kind(input), size({ kind: "b" })];
}
