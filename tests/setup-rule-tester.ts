// Wires @typescript-eslint/rule-tester to vitest (its static RuleTester.afterAll/describe/it/itOnly hooks).
import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, describe, it } from "vitest";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
