// An independent, deliberately naive probe that finds the mistral SDK's zod call sites the corpus test
// asserts on, so the expected lines are gathered at test time instead of hard-coded.
//
// It reports every `<x>.custom(fn)` and `<x>.transform(fn)` call whose first argument is an inline
// function, and says whether the call sits at module level or inside a function. A `z.lazy(() => …)`
// thunk does not count as "inside a function": zod runs it once and memoises the result.
import type { Rule } from "eslint";

export type SchemaCallSite = {
  method: "custom" | "transform";
  /** Line of the method name. */
  line: number;
  column: number;
  /** Lines of the inline function argument. */
  argumentLine: number;
  argumentEndLine: number;
  /** `true` when some enclosing function (other than a `z.lazy` thunk) re-runs the call. */
  inFunction: boolean;
  /**
   * `true` when the call is part of what its enclosing function returns (`return z.custom(…)`,
   * `() => z.string().transform(…)`): a schema factory, which the rule leaves alone by default.
   */
  returned: boolean;
};

const PROBED = new Set(["custom", "transform"]);
const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

type Node = Rule.Node;

function isLazyThunk(node: Node): boolean {
  const parent = node.parent;
  return (
    parent?.type === "CallExpression" &&
    parent.arguments[0] === node &&
    parent.callee.type === "MemberExpression" &&
    parent.callee.property.type === "Identifier" &&
    parent.callee.property.name === "lazy"
  );
}

function enclosedByFunction(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (FUNCTION_TYPES.has(current.type) && !isLazyThunk(current)) return true;
    if (current.type === "PropertyDefinition" && !current.static) return true;
  }
  return false;
}

function isReturnedByEnclosingFunction(node: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === "ReturnStatement") return true;
    if (FUNCTION_TYPES.has(current.type)) {
      return current.type === "ArrowFunctionExpression" && current.body === child && child.type !== "BlockStatement";
    }
  }
  return false;
}

export const schemaCallProbe: Rule.RuleModule = {
  meta: { type: "problem", schema: [], messages: { site: "{{json}}" } },
  create(context) {
    return {
      CallExpression(node) {
        const { callee } = node;
        const first = node.arguments[0];
        if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier") return;
        if (!PROBED.has(callee.property.name)) return;
        if (!first || (first.type !== "ArrowFunctionExpression" && first.type !== "FunctionExpression")) return;
        // Report at the method name: that is the line a schema rule reports the call on, too.
        const location = callee.property.loc;
        const argument = first.loc;
        if (!location || !argument) return;
        const site: SchemaCallSite = {
          method: callee.property.name as SchemaCallSite["method"],
          line: location.start.line,
          column: location.start.column + 1,
          argumentLine: argument.start.line,
          argumentEndLine: argument.end.line,
          inFunction: enclosedByFunction(node),
          returned: isReturnedByEnclosingFunction(node),
        };
        context.report({ node: callee.property, messageId: "site", data: { json: JSON.stringify(site) } });
      },
    };
  },
};
