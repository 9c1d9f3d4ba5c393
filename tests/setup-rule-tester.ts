// Wires @typescript-eslint/rule-tester to vitest (see design.md: RuleTester.afterAll/describe/it/itOnly).
import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, describe, it } from "vitest";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
