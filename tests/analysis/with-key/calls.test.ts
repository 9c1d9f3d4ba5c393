// withKey checker, stage 1: calls found by binding.
import { describe, expect, it } from "vitest";
import { findWithKeyCalls, withKeySources } from "../../../lib/analysis/with-key/index.js";
import { parse } from "../../snippets.js";
import { calls } from "./helpers.js";

const texts = (code: string) => {
  const found = calls(code);
  return found.calls.map((call) => found.source.text.slice(call.callee.range[0], call.callee.range[1]));
};

describe("findWithKeyCalls", () => {
  it("follows named, aliased and namespace imports, const aliases and destructuring, in source order", () => {
    expect(
      texts(`import { withKey, withKey as wk } from "stable-schema";
import * as ss from "stable-schema";
const alias = withKey;
const { withKey: fromNs } = ss;
withKey(f, "a"); wk(f, "b"); ss.withKey(f, "c"); alias(f, "d"); fromNs(f, "e"); (withKey as typeof withKey)(f, "g");`),
    ).toEqual(["withKey", "wk", "ss.withKey", "alias", "fromNs", "withKey as typeof withKey"]);
  });

  it("follows require() and `import x = require()`", () => {
    expect(texts(`import m = require("stable-schema");\nconst { withKey } = require("stable-schema");\nm.withKey(f, "a"); withKey(f, "b"); require("stable-schema").withKey(f, "c");`)).toEqual([
      "m.withKey",
      "withKey",
      `require("stable-schema").withKey`,
    ]);
  });

  it("ignores shadowing locals, other modules, type-only imports, other members and reassignable aliases", () => {
    expect(
      texts(`import { withKey } from "stable-schema";
import type { withKey as T } from "stable-schema";
import { withKey as other } from "./memo";
import * as ss from "stable-schema";
let loose = withKey; loose = other;
function f(withKey: Function) { withKey(g, "a"); }
other(g, "b"); ss.schemaKey(g); loose(g, "c");`),
    ).toEqual([]);
  });

  it("a configured source is traced next to the runtime's", () => {
    const source = parse(`import { memo } from "@app/memo";\nimport { withKey } from "stable-schema";\nmemo(f, "a"); withKey(f, "b");`);
    const sources = withKeySources({ module: "@app/memo", name: "memo" });
    expect(findWithKeyCalls(source.ast, source.scopeManager, sources)).toHaveLength(2);
  });
});
