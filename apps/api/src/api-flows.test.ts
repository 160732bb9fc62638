/**
 * The main flows on SQLite, and on PostgreSQL when reachable (skipped locally with the reason,
 * failed under CI=true).
 */
import { databasesUnderTest } from "@klastry/db/testing";
import { describe, it } from "vitest";
import { describeApiFlows } from "./api-flows.case.ts";

for (const target of await databasesUnderTest()) {
  if (target.failure !== undefined) {
    describe(`API flows on ${target.kind}`, () => {
      it("needs its database", () => {
        throw new Error(target.failure);
      });
    });
  } else if (target.skip !== undefined) {
    describe.skip(`API flows on ${target.kind} (skipped: ${target.skip})`, () => {
      it("needs its database", () => undefined);
    });
  } else {
    describe(`API flows on ${target.kind}`, () => describeApiFlows(target.kind));
  }
}
