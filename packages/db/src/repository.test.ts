/**
 * Runs the repository contract against SQLite and PostgreSQL. PostgreSQL is skipped with its
 * reason when unreachable locally, and fails under CI=true.
 */
import { describe, it } from "vitest";
import { runRepositoryCases } from "./repository.case.ts";
import { databasesUnderTest } from "./testing/index.ts";

for (const target of await databasesUnderTest()) {
  if (target.failure !== undefined) {
    const failure = target.failure;
    describe(target.kind, () => {
      it("is reachable", () => {
        throw new Error(failure);
      });
    });
    continue;
  }
  const title =
    target.skip === undefined ? target.kind : `${target.kind} (skipped: ${target.skip})`;
  describe.skipIf(target.skip !== undefined)(title, () => runRepositoryCases(target.kind));
}
