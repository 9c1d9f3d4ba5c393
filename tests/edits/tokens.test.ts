// lib/edits/tokens.ts: token and comment lookups by position (binary search on the parser's arrays).
import { describe, expect, it } from "vitest";
import { commentsBefore, commentsBetween, tokenAt, tokenBefore, tokenFrom } from "../../lib/edits/tokens.js";
import { nodeAt, parse } from "../snippets.js";

const source = parse(`// head
const a = /* one */ /* two */ f(1, 2);
`);
const { ast, text } = source;

describe("tokens", () => {
  it("tokenBefore is the last token starting before the position", () => {
    expect(tokenBefore(ast, text.indexOf("f("))?.value).toBe("=");
    expect(tokenBefore(ast, 0)).toBeUndefined();
  });

  it("tokenAt is the token starting exactly there, tokenFrom the first at or after", () => {
    expect(tokenAt(ast, text.indexOf("f("))?.value).toBe("f");
    expect(tokenAt(ast, text.indexOf("f(") + 1)?.value).toBe("(");
    expect(tokenAt(ast, text.indexOf("= ") + 1)).toBeUndefined();
    expect(tokenFrom(ast, text.indexOf("= ") + 1)?.value).toBe("f");
    expect(tokenFrom(ast, text.length)).toBeUndefined();
  });
});

describe("comments", () => {
  it("commentsBetween lists the comments entirely inside the range, in order", () => {
    expect(commentsBetween(ast, 0, text.length).map((comment) => comment.value)).toEqual([" head", " one ", " two "]);
    expect(commentsBetween(ast, text.indexOf("/* one"), text.indexOf("/* two") + 3).map((comment) => comment.value)).toEqual([" one "]);
  });

  it("commentsBefore lists the comments between the previous token and the node", () => {
    const call = nodeAt(source, "f(", "CallExpression");
    expect(commentsBefore(ast, call).map((comment) => comment.value)).toEqual([" one ", " two "]);
    const declaration = nodeAt(source, "const", "VariableDeclaration");
    expect(commentsBefore(ast, declaration).map((comment) => comment.value)).toEqual([" head"]);
  });
});
