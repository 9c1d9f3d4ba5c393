// Fix kind "wrapMembers": a closure that reads only members of a captured object (`row.prefix`) is
// wrapped in `withKey` keyed on those members, copied into locals before the closure is created
// (`const prefix = row.prefix`), instead of on the object's identity — a per-row or per-request
// object never matches, and the cache would retain it. The read moves from call time to creation
// time, so it is a suggestion; the codemod prefers it to the plain wrap.
import { type FixKind, type FixOption } from "./fix-kind.js";
import { isMethodShorthand } from "./function-text.js";
import { copyEdits, memberKeysFor } from "./member-keys.js";
import { fileStyle } from "./style.js";
import { mergeEdits } from "./text.js";
import { keyText, wrapBlocker, wrapEdits } from "./wrap.js";

/** No member keys for this site: the option is skipped silently (the plain wrap says why not, if it does not apply either). */
const none: FixOption = { kind: "wrapMembers", edits: [] };

export const wrapMembers: FixKind<"wrapMembers", "wrapped"> = {
  kind: "wrapMembers",
  action: "wrapped",
  summary: "sites wrapped in withKey",
  autofix: false,
  plan(context, facts) {
    const { input, registry, eol } = context;
    const { source } = input;
    const { info, site } = facts;
    const fn = site.fn;
    if (isMethodShorthand(fn) || wrapBlocker(info, fn)) return none;
    const withKeyImport = context.withKeyImport();
    const id = context.wrapId(facts);
    const members = memberKeysFor(source, fn, info, registry, input.typeInfo);
    if (!members) return none;
    // Keyed on the members read (`row.prefix`), copied into locals before the closure.
    const captured = [...members.kept.map((capture) => capture.name), ...members.copies.map((copy) => copy.local)];
    const closure = wrapEdits(context, facts, keyText(context, id, captured), members.replacements);
    const copies = copyEdits(source, fn, members, closure, fileStyle(source), eol);
    if (!copies) return none;
    const edits = [...(withKeyImport.edit ? [withKeyImport.edit] : []), ...copies];
    return {
      kind: "wrapMembers",
      edits,
      fix: mergeEdits(source.text, edits),
      name: id,
      data: {
        copies: members.copies.map((copy) => `\`${copy.object}.${copy.member}\``).join(", "),
        key: `["${id}", ${captured.join(", ")}]`,
      },
    };
  },
};
