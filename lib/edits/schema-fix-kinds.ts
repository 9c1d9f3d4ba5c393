// The fix kinds of `no-schema-in-function`, in the order a schema plan asks them (the rule offers the
// options in this order; the codemod's choice is migrate-schemas.ts). A new kind is one module (see
// schema-fix-kind.ts), one entry here, and a suggestion message in the rule.
import { hoistSchema, hoistSchemaLazy } from "./schema-hoist.js";
import { hoistSchemaParts } from "./schema-hoist-parts.js";
import { schemaFactoryFix } from "./schema-factory.js";
import { useMemoFix } from "./schema-use-memo.js";

export const schemaFixKinds = [hoistSchema, hoistSchemaLazy, useMemoFix, schemaFactoryFix, hoistSchemaParts] as const;
