// The one place where the analysis meets differences between the ASTs it is given.
//
// The rules run on ESTree from two hosts: ESLint with @typescript-eslint/parser (and the codemod, which
// parses with the same parser), and Oxlint's JS plugins (`jsPlugins`), which serialise Oxc's AST to the
// same TS-ESTree shape. Measured on the example app and every codemod fixture (tests/oxlint/):
//  - optional children: typescript-eslint leaves an absent one `undefined`; Oxlint sets it to `null`
//    (`typeAnnotation`, `returnType`, `typeParameters`, `typeArguments`, `superTypeArguments`,
//    `accessibility`, `default`, `directive`). Read them through `optionalChild`, never compare them
//    with `undefined` or `null` directly (eslint.config.js forbids it in lib/);
//  - JSX names are tokens of type "Identifier" (ESLint: "JSXIdentifier"); nodes are the same. The
//    analysis reads tokens by value only;
//  - visitor keys: Oxlint lists no TS keyword nodes (`TSAsyncKeyword`…) and adds Oxc-only ones
//    (`ParenthesizedExpression`, `TSParenthesizedType`, …) that never occur in the ESTree it serialises;
//  - parser services are empty (no type information): the rules then work from the scope manager, as
//    under ESLint without `parserOptions.project`.
// `range`, `loc`, `parent`, comments, tokens' ranges and values, and the scope manager (scopes, variables,
// references, `through`) are the same in both.
import type { TSESTree } from "@typescript-eslint/utils";

/** Keys of `N` whose value may be absent. */
type OptionalKeys<N> = { [K in keyof N]-?: undefined extends N[K] ? K : null extends N[K] ? K : never }[keyof N];

/** An optional child of `node`, `undefined` when absent whether the host left it out or set it to `null`. */
export function optionalChild<N extends TSESTree.Node, K extends OptionalKeys<N>>(node: N, key: K): Exclude<N[K], null> | undefined {
  return (node[key] ?? undefined) as Exclude<N[K], null> | undefined;
}
