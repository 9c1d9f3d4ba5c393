// withKey stages on parsed snippets.
import type { TSESTree } from "@typescript-eslint/types";
import { findWithKeyCalls, runtimeWithKey } from "../../../lib/analysis/with-key/index.js";
import { parse } from "../../snippets.js";

export const imp = `import { withKey } from "stable-schema";\n`;

/** The source and its traced withKey calls. */
export function calls(code: string): { source: ReturnType<typeof parse>; calls: TSESTree.CallExpression[] } {
  const source = parse(code);
  return { source, calls: findWithKeyCalls(source.ast, source.scopeManager, [runtimeWithKey]) };
}
