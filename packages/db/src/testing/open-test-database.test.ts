import { describe, expect, it } from "vitest";
import { planDatabasesUnderTest } from "./open-test-database.ts";

describe("planDatabasesUnderTest", () => {
  const down = {
    available: false as const,
    reason: "PostgreSQL at 127.0.0.1:5432 is unreachable (ECONNREFUSED)",
  };

  it("runs both dialects when PostgreSQL answers", () => {
    expect(planDatabasesUnderTest({ available: true }, true)).toEqual([
      { kind: "sqlite" },
      { kind: "postgres" },
    ]);
  });

  it("skips PostgreSQL with the reason when it is unreachable locally", () => {
    expect(planDatabasesUnderTest(down, false)).toEqual([
      { kind: "sqlite" },
      { kind: "postgres", skip: down.reason },
    ]);
  });

  it("turns an unreachable PostgreSQL into a failure under CI=true", () => {
    const [, postgres] = planDatabasesUnderTest(down, true);
    expect(postgres?.failure).toContain("CI=true requires PostgreSQL");
    expect(postgres?.skip).toBeUndefined();
  });
});
