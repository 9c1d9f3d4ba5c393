// Fix kind "wrap": a closure that reads locals is wrapped in `withKey(fn, ["module#name", ...captured])`,
// so calls with equal captured values share one function object. The key must cover every captured
// value, so the option does not apply when a capture can change after the call or is not initialised
// yet. It changes what the program allocates and adds an import: the rule offers it as a suggestion.
import { inTemporalDeadZone } from "../analysis/bindings.js";
import { type FixKind, notApplicable } from "./fix-kind.js";
import { isMethodShorthand, methodAsFunctionExpression, parameterListRange, parameterListText, paramsNeedingTypes } from "./function-text.js";
import { type TextEdit, mergeEdits } from "./text.js";
import { portableParameterTypes } from "./types.js";

function lexicalName(info: { usesThis: boolean; usesArguments: boolean; usesSuper: boolean; usesNewTarget: boolean }): string | undefined {
  if (info.usesThis) return "this";
  if (info.usesArguments) return "arguments";
  if (info.usesSuper) return "super";
  if (info.usesNewTarget) return "new.target";
  return undefined;
}

export const wrap: FixKind<"wrap", "wrapped"> = {
  kind: "wrap",
  action: "wrapped",
  summary: "sites wrapped in withKey",
  autofix: false,
  plan(context, { site, info, base }) {
    const { input, typescript, registry } = context;
    const { source } = input;
    const fn = site.fn;
    const lexical = lexicalName(info);
    if (lexical !== undefined) {
      return notApplicable("wrap", `it uses \`${lexical}\` of the enclosing function, which differs between calls`);
    }
    const reassigned = info.values.find((capture) => capture.reassigned);
    if (reassigned) {
      return notApplicable("wrap", `it captures \`${reassigned.name}\`, which is reassigned, so a shared function would read another call's variable`);
    }
    // The key is evaluated where the closure is created; the closure may read a binding declared below it later.
    const declaredBelow = info.values.find((capture) => inTemporalDeadZone(capture.variable, fn));
    if (declaredBelow) {
      const name = declaredBelow.name;
      return notApplicable("wrap", `it captures \`${name}\`, which is declared below it: a key evaluated here would throw before \`${name}\` is initialised`);
    }
    const withKeyImport = context.withKeyImport();
    const id = registry.id(`${context.moduleId}#${base}`);
    const captured = info.values.map((capture) => capture.name);
    const key = captured.length === 0 ? JSON.stringify(id) : `[${[JSON.stringify(id), ...captured].join(", ")}]`;
    const edits: TextEdit[] = [];
    if (withKeyImport.edit) edits.push(withKeyImport.edit);
    if (isMethodShorthand(fn)) {
      const keyText = source.text.slice(fn.parent.key.range[0], fn.parent.key.range[1]);
      edits.push({
        range: fn.parent.range,
        text: `${fn.parent.computed ? `[${keyText}]` : keyText}: ${withKeyImport.local}(${methodAsFunctionExpression(source, fn)}, ${key})`,
      });
    } else {
      edits.push({ range: [fn.range[0], fn.range[0]], text: `${withKeyImport.local}(` });
      // With type information, parameters that relied on contextual typing are annotated too:
      // inside overloaded or generic calls (effect 3 `pipe(filter(…))`) the generic withKey
      // cannot always pass the contextual type on.
      const needing = typescript && input.typeInfo ? paramsNeedingTypes(fn) : [];
      const types = needing.length > 0 && input.typeInfo ? portableParameterTypes(input.typeInfo, source, needing) : undefined;
      const paramRange = types && types.size > 0 ? parameterListRange(source, fn) : undefined;
      if (types && paramRange) edits.push({ range: paramRange, text: parameterListText(source, fn, types) });
      edits.push({ range: [fn.range[1], fn.range[1]], text: `, ${key})` });
    }
    return {
      kind: "wrap",
      edits,
      fix: mergeEdits(source.text, edits),
      name: id,
      data: { key: captured.length > 0 ? `["${id}", ${captured.join(", ")}]` : `"${id}"` },
    };
  },
};
