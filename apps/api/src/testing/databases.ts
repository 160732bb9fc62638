/**
 * @module
 * Runs a suite once per database: SQLite always; PostgreSQL when reachable, skipped locally with
 * the reason, and failed under CI=true (CI must prove both dialects).
 */
import type { DatabaseKind } from "@klastry/db";
import { databasesUnderTest } from "@klastry/db/testing";
import { describe, it } from "vitest";

const targets = await databasesUnderTest();

export function describeEachDatabase(title: string, suite: (kind: DatabaseKind) => void): void {
  for (const target of targets) {
    const name = `${title} on ${target.kind}`;
    if (target.failure !== undefined) {
      const failure = target.failure;
      describe(name, () => {
        it("needs its database", () => {
          throw new Error(failure);
        });
      });
    } else if (target.skip !== undefined) {
      describe.skip(`${name} (skipped: ${target.skip})`, () => {
        it("needs its database", () => undefined);
      });
    } else {
      describe(name, () => suite(target.kind));
    }
  }
}

/** The PostgreSQL target only (for suites that need two connections to one database). */
export function describePostgres(title: string, suite: () => void): void {
  const target = targets.find((t) => t.kind === "postgres");
  if (target?.failure !== undefined) {
    const failure = target.failure;
    describe(title, () => {
      it("needs PostgreSQL", () => {
        throw new Error(failure);
      });
    });
  } else if (target === undefined || target.skip !== undefined) {
    describe.skip(`${title} (skipped: ${target?.skip ?? "no PostgreSQL target"})`, () => {
      it("needs PostgreSQL", () => undefined);
    });
  } else {
    describe(title, suite);
  }
}
