// Fix kind "wrap": a closure that reads locals is wrapped in `withKey(fn, ["module#name", ...captured])`,
// so calls with equal captured values share one function object. The key must cover every captured
// value, so the option does not apply when a capture can change after the call, is not initialised
// yet, or is a new object on every call (a key compares it by identity and never hits). It changes
// what the program allocates and adds an import: the rule offers it as a suggestion.
import { inTemporalDeadZone } from "../analysis/bindings.js";
import { type CaptureInfo, lexicalNames } from "../analysis/captures.js";
import type { FunctionNode } from "../analysis/ast.js";
import { type FixKind, type PlanContext, type SiteFacts, dynamicScopeReason, notApplicable } from "./fix-kind.js";
import { isMethodShorthand, methodAsFunctionExpression, parameterListRange, parameterListText, paramsNeedingTypes } from "./function-text.js";
import { fileStyle, stringLiteral } from "./style.js";
import { type TextEdit, mergeEdits } from "./text.js";
import { portableParameterTypes } from "./types.js";

/** Why a closure capturing a new object per call is not wrapped (shared with the rule's message). */
export function freshCaptureReason(name: string): string {
  return `it captures \`${name}\`, a new object on every call: a withKey key compares it by identity and can never hit, so a wrap would only miss — key the values it reads instead, or build it once`;
}

/** Why no `withKey` key can cover what the closure captures; undefined when a wrap is sound. */
export function wrapBlocker(info: CaptureInfo, fn: FunctionNode): string | undefined {
  const dynamic = dynamicScopeReason(info);
  if (dynamic) return dynamic;
  const lexical = lexicalNames(info)[0];
  if (lexical !== undefined) return `it uses \`${lexical}\` of the enclosing function, which differs between calls`;
  const reassigned = info.values.find((capture) => capture.reassigned);
  if (reassigned) return `it captures \`${reassigned.name}\`, which is reassigned, so a shared function would read another call's variable`;
  // A key compares captured objects by identity: a wrap around a new object per call only misses.
  const fresh = info.values.find((capture) => capture.freshPerRun);
  if (fresh) return freshCaptureReason(fresh.name);
  // The key is evaluated where the closure is created; the closure may read a binding declared below it later.
  const declaredBelow = info.values.find((capture) => inTemporalDeadZone(capture.variable, fn));
  if (declaredBelow) {
    const name = declaredBelow.name;
    return `it captures \`${name}\`, which is declared below it: a key evaluated here would throw before \`${name}\` is initialised`;
  }
  return undefined;
}

/** The key text `["id", a, b]` (or `"id"` when nothing is captured), the id in the file's quotes. */
export function keyText(context: PlanContext, id: string, captured: readonly string[]): string {
  const idText = stringLiteral(id, fileStyle(context.input.source).quote);
  return captured.length === 0 ? idText : `[${[idText, ...captured].join(", ")}]`;
}

/**
 * The edits inside the closure that make it `withKey(<closure>, <key>)`: the call's opening (with the
 * parameters annotated where they relied on contextual typing, when types are known), then `, key)`.
 * A method shorthand is rewritten as a whole. `inner` edits (member reads replaced) go in between.
 */
export function wrapEdits(context: PlanContext, facts: SiteFacts, key: string, inner: readonly TextEdit[] = []): TextEdit[] {
  const { input, typescript } = context;
  const { source } = input;
  const fn = facts.site.fn;
  const local = context.withKeyImport().local;
  if (isMethodShorthand(fn)) {
    const keyName = source.text.slice(fn.parent.key.range[0], fn.parent.key.range[1]);
    return [
      {
        range: fn.parent.range,
        text: `${fn.parent.computed ? `[${keyName}]` : keyName}: ${local}(${methodAsFunctionExpression(source, fn)}, ${key})`,
      },
    ];
  }
  const edits: TextEdit[] = [{ range: [fn.range[0], fn.range[0]], text: `${local}(` }];
  // With type information, parameters that relied on contextual typing are annotated too: inside
  // overloaded or generic calls (effect 3 `pipe(filter(…))`) the generic withKey cannot always pass
  // the contextual type on.
  const needing = typescript && input.typeInfo ? paramsNeedingTypes(fn) : [];
  const types = needing.length > 0 && input.typeInfo ? portableParameterTypes(input.typeInfo, source, needing) : undefined;
  const paramRange = types && types.size > 0 ? parameterListRange(source, fn) : undefined;
  if (types && paramRange) edits.push({ range: paramRange, text: parameterListText(source, fn, types) });
  edits.push(...inner, { range: [fn.range[1], fn.range[1]], text: `, ${key})` });
  return edits;
}

export const wrap: FixKind<"wrap", "wrapped"> = {
  kind: "wrap",
  action: "wrapped",
  summary: "sites wrapped in withKey",
  autofix: false,
  plan(context, facts) {
    const { info, site } = facts;
    const blocker = wrapBlocker(info, site.fn);
    if (blocker) return notApplicable("wrap", blocker);
    const withKeyImport = context.withKeyImport();
    const id = context.wrapId(facts);
    const captured = info.values.map((capture) => capture.name);
    const edits: TextEdit[] = [...(withKeyImport.edit ? [withKeyImport.edit] : []), ...wrapEdits(context, facts, keyText(context, id, captured))];
    return {
      kind: "wrap",
      edits,
      fix: mergeEdits(context.input.source.text, edits),
      name: id,
      data: { key: captured.length > 0 ? `["${id}", ${captured.join(", ")}]` : `"${id}"` },
    };
  },
};
