import { createRule } from "../lib/rules/create-rule.js";
import { replaceWith } from "../lib/rules/fix.js";
import { checkWithKeyCalls, withKeySources, type WithKeyProblem } from "../lib/analysis/with-key/index.js";
import { keyFixes } from "../lib/edits/key.js";
import { moduleIdentity } from "../lib/edits/module-id.js";
import { readSettings, withKeySource } from "../lib/settings.js";

export type Options = [{ allowUnusedKeys?: boolean }];
/** The checker's problem types are the rule's messageIds; the suggestions add to or remove from the key, or qualify the id. */
export type MessageIds = WithKeyProblem["type"] | "addToKey" | "removeFromKey" | "qualifyId";

function dataOf(problem: WithKeyProblem): Record<string, string | number> {
  switch (problem.type) {
    case "badKey":
      return { reason: problem.reason };
    case "missingKey":
    case "unusedKey":
    case "lexicalThis":
      return { id: problem.id, name: problem.name };
    case "reassigned":
    case "uninitializedKey":
      return { id: problem.id, name: problem.name, line: problem.line };
    case "freshKey":
      return { id: problem.id, text: problem.text };
    case "duplicateId":
      return { id: problem.id, line: problem.line };
    case "unqualifiedId":
      return { id: problem.id, name: problem.name, qualified: problem.qualified };
  }
}

export default createRule<Options, MessageIds>({
  name: "require-stable-key",
  meta: {
    type: "problem",
    docs: {
      description: "Require `withKey` keys that cover everything the closure captures, and nothing that changes on every call",
      recommended: "recommended",
    },
    fixable: "code",
    hasSuggestions: true,
    defaultOptions: [{ allowUnusedKeys: false }],
    messages: {
      badKey: "The key of `withKey` must be a string literal id or an array literal `[\"id\", ...captured]`: {{reason}}.",
      missingKey:
        "The key \"{{id}}\" does not include `{{name}}`, which the closure captures: calls with a different `{{name}}` would share one function.",
      reassigned:
        "`{{name}}` is reassigned (line {{line}}) after the closure with key \"{{id}}\" is created: a shared function would read another call's `{{name}}`. Copy it into a `const`.",
      lexicalThis:
        "The closure with key \"{{id}}\" uses the enclosing `{{name}}`, which a key cannot cover: the shared function would keep the first call's `{{name}}`.",
      freshKey: "Key element `{{text}}` of \"{{id}}\" is different on every evaluation: the key never matches and every call misses.",
      duplicateId: "Key id \"{{id}}\" is already used at line {{line}} for different code: give each closure its own id.",
      uninitializedKey:
        "Key element `{{name}}` of \"{{id}}\" is declared below this call (line {{line}}): evaluating the key throws a ReferenceError. Declare it before the closure.",
      unusedKey: "The key \"{{id}}\" includes `{{name}}`, which the closure does not use: it splits the cache for nothing.",
      unqualifiedId:
        "The closure with key \"{{id}}\" reads the module-level `{{name}}`, but the id is not qualified with this module: another module with the same code and id but its own `{{name}}` would get this function. Use \"{{qualified}}\".",
      addToKey: "Add {{names}} to the key.",
      removeFromKey: "Remove {{names}} from the key.",
      qualifyId: "Use the module-qualified id \"{{qualified}}\".",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowUnusedKeys: {
            type: "boolean",
            description: "Do not report key elements the closure does not use (`unusedKey`).",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const sources = withKeySources(withKeySource(readSettings(context.settings)));
    if (!sources.some((source) => sourceCode.text.includes(source.name))) return {};
    return {
      Program() {
        const problems = checkWithKeyCalls(
          { text: sourceCode.text, ast: sourceCode.ast, scopeManager: sourceCode.scopeManager!, visitorKeys: sourceCode.visitorKeys },
          sources,
          { allowUnusedKeys: options.allowUnusedKeys ?? false, moduleId: moduleIdentity(context.filename) },
        );
        for (const problem of problems) {
          // Every fix is also a named suggestion that does this problem's part alone.
          const { fix, suggestion } = keyFixes(sourceCode.text, problem);
          context.report({
            node: problem.node,
            messageId: problem.type,
            data: dataOf(problem),
            ...(fix ? { fix: replaceWith(fix) } : {}),
            ...(suggestion
              ? {
                  suggest: [
                    problem.type === "unqualifiedId"
                      ? { messageId: "qualifyId" as const, data: { qualified: problem.qualified }, fix: replaceWith(suggestion) }
                      : {
                          messageId: problem.type === "missingKey" ? ("addToKey" as const) : ("removeFromKey" as const),
                          data: { names: suggestion.names.map((name) => `\`${name}\``).join(", ") },
                          fix: replaceWith(suggestion),
                        },
                  ],
                }
              : {}),
          });
        }
      },
    };
  },
});
