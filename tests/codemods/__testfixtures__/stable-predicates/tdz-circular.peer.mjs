// Module B of the circular pair (not migrated): calls A's function during its own initialisation.
import { isSku } from "./a.mjs";

export const checked = [isSku("ab-1"), isSku("nope")];
