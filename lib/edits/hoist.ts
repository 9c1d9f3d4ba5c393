// Fix kind "hoist": move a closure that reads nothing from the code around it to a module-level
// `const` (or a function declaration when the code that uses it can run before the module body), and
// put its name where it was. Cannot change behaviour: the rule applies it as an autofix.
import type { TSESTree } from "@typescript-eslint/utils";
import { blockersOf } from "../analysis/captures.js";
import { type FixKind, dynamicScopeReason, notApplicable } from "./fix-kind.js";
import {
  annotatedFunctionText,
  functionDeclarationText,
  hasThisParameter,
  isMethodShorthand,
  methodAsFunctionExpression,
  movedText,
  paramName,
  paramsNeedingTypes,
  typeAliases,
} from "./function-text.js";
import { nameQualifiersFor } from "./names.js";
import { insertionPoint, runsBeforeModuleBody, topLevelStatement } from "./placement.js";
import { fileStyle } from "./style.js";
import { type TextEdit, mergeEdits } from "./text.js";
import { commentsBefore } from "./tokens.js";
import { portableParameterTypes } from "./types.js";

export const hoist: FixKind<"hoist", "hoisted"> = {
  kind: "hoist",
  action: "hoisted",
  summary: "sites hoisted",
  autofix: true,
  plan(context, { site, info, base }) {
    const { input, typescript, registry, eol } = context;
    const { source } = input;
    const fn = site.fn;
    const dynamic = dynamicScopeReason(info);
    if (dynamic) return notApplicable("hoist", dynamic);
    const blockers = blockersOf(info);
    if (blockers.length > 0) {
      return notApplicable("hoist", `it reads ${blockers.map((name) => `\`${name}\``).join(", ")} from the code around it`);
    }
    if (typescript && info.usesOwnThis && !hasThisParameter(fn)) {
      // `function (v) { this.parent… }`: `this` is typed by the call it is passed to; at module level
      // it would be an implicit `any` (an error under `strict`).
      return notApplicable("hoist", "it reads `this`, which gets its type from the call; at module level it would be `any`");
    }
    let types = new Map<TSESTree.Parameter, string>();
    const needing = typescript ? paramsNeedingTypes(fn) : [];
    if (needing.length > 0) {
      const printed = input.typeInfo ? portableParameterTypes(input.typeInfo, source, needing) : undefined;
      const param = paramName(source, needing[0]!);
      if (!printed) {
        return input.typeInfo
          ? notApplicable("hoist", `the type of parameter \`${param}\` cannot be written at module level`)
          : notApplicable("hoist", `parameter \`${param}\` gets its type from the call; without type information it cannot be annotated`, {
              needsTypes: true,
            });
      }
      types = printed;
    }
    const statement = topLevelStatement(fn);
    const form = runsBeforeModuleBody(statement) ? "function" : "const";
    const name = registry.identifier(base, nameQualifiersFor(site));
    const style = fileStyle(source);
    const aliases = typeAliases(registry, name, types, style, eol);
    const written =
      form === "function"
        ? functionDeclarationText(source, fn, name, aliases.types, style, eol)
        : `const ${name} = ${movedText(source, fn, isMethodShorthand(fn) ? methodAsFunctionExpression(source, fn) : annotatedFunctionText(source, fn, aliases.types))}${style.semi ? ";" : ""}`;
    const declaration = written === undefined ? undefined : aliases.text + written;
    if (declaration === undefined) {
      return notApplicable("hoist", "a named function expression inside a hoisted function declaration would be read before it is initialised");
    }
    // Comments right before the closure move with it (a method shorthand keeps them on its key).
    const comments = isMethodShorthand(fn) ? [] : commentsBefore(source.ast, fn);
    const movedStart = comments[0]?.range[0] ?? fn.range[0];
    const commentText = comments.map((comment) => source.text.slice(comment.range[0], comment.range[1]) + eol).join("");
    const at = insertionPoint(source, statement);
    let replaced: TextEdit = { range: [movedStart, fn.range[1]], text: name };
    if (isMethodShorthand(fn)) {
      const keyText = source.text.slice(fn.parent.key.range[0], fn.parent.key.range[1]);
      replaced = { range: fn.parent.range, text: `${fn.parent.computed ? `[${keyText}]` : keyText}: ${name}` };
    }
    const edits: TextEdit[] = [{ range: [at, at], text: `${commentText}${declaration}${eol}${eol}` }, replaced];
    return {
      kind: "hoist",
      edits,
      fix: mergeEdits(source.text, edits),
      name,
      data: { name, form: form === "const" ? "constant" : "function" },
    };
  },
};
