/**
 * @module
 * The official path for tests that store answers through the public wizard and expect them in
 * region figures: a round's owner accepts them, as in production (a self-registered answer counts
 * only once accepted). One national round, "Test round", is opened on first use.
 */
import type { Database } from "../open-database.ts";

/** Accepts the given self-registered assessments into a national test round; returns its id. */
export async function acceptAnswers(db: Database, ...assessmentIds: string[]): Promise<string> {
  const rounds = await db.survey.listRounds();
  const round =
    rounds.find((r) => r.title === "Test round" && r.status === "open") ??
    (await db.survey.createRound(
      {
        title: "Test round",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        scope: "national",
      },
      "admin",
    ));
  for (const id of assessmentIds) await db.survey.decide(round, id, "accepted", "test");
  return round.id;
}
