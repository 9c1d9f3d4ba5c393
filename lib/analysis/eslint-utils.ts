// @eslint-community/eslint-utils with typescript-eslint's AST types: the same functions that
// `@typescript-eslint/utils` re-exports as `ASTUtils`, imported from their source package so the
// plugin's run-time dependencies carry no TypeScript peer range (the types are erased).
import * as eslintUtils from "@eslint-community/eslint-utils";
import type { ASTUtils } from "@typescript-eslint/utils";

export const findVariable = eslintUtils.findVariable as unknown as typeof ASTUtils.findVariable;
export const getFunctionHeadLocation = eslintUtils.getFunctionHeadLocation as unknown as typeof ASTUtils.getFunctionHeadLocation;
export const ReferenceTracker = eslintUtils.ReferenceTracker as unknown as typeof ASTUtils.ReferenceTracker;
