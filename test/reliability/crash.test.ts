/**
 * Crash durability (issue 7 item 2): assessment writes stream into the real server (one
 * sequential writer and several concurrent ones); the server is killed with SIGKILL mid-stream
 * and restarted on the same data. Every write answered 201 must be there and whole, and the
 * database intact: SQLite passes PRAGMA integrity_check; on PostgreSQL counts and contents agree.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { REGION_CODES, type AssessmentInput } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { describe, expect, it } from "vitest";
import { sqlitePathOf } from "../support/keys.ts";
import { createScratchDatabase, postgresPlan } from "../support/postgres.ts";
import { removeWorkDir, startServer, type RunningServer } from "../support/server.ts";

const CONCURRENT_WRITERS = 4;
/** Kill once this many writes were acknowledged, while the writers keep going. */
const KILL_AFTER = 60;
/** This test is about durability; limits.test.ts covers rate limits. */
const NO_RATE_LIMITS = {
  RATE_LIMIT_PER_MINUTE: "10000000",
  RATE_LIMIT_KEY_PER_MINUTE: "10000000",
  RATE_LIMIT_BURST: "10000000",
};

interface Acknowledged {
  id: string;
  token: string;
  sent: AssessmentInput;
  answer: { clusterId: string; recommendations: unknown };
}

function assessmentNo(n: number): AssessmentInput {
  return buildAssessment({
    cluster: {
      name: `Klaster Trwały ${n} "zapis" <${n}> (fikcyjny)`,
      region: REGION_CODES[n % REGION_CODES.length]!,
      sectors: [`sektor ${n}`],
      smartSpecialisations: [],
      foundedYear: 1990 + (n % 30),
    },
    needs: [
      {
        actor: "sme",
        function: n % 2 === 0 ? "internationalisation" : "rdi_cooperation",
        priority: ((n % 3) + 1) as 1 | 2 | 3,
      },
    ],
  });
}

/** Streams writes until `stop()` resolves true or the server stops answering. */
function streamWrites(server: RunningServer, shouldStop: () => boolean) {
  const acknowledged: Acknowledged[] = [];
  /** Answers other than 201 while the server was up: each is a failure of the test. */
  const refused: string[] = [];
  let attempted = 0;
  let next = 0;
  const writer = async () => {
    while (!shouldStop()) {
      const n = next++;
      const sent = assessmentNo(n);
      attempted += 1;
      try {
        const res = await fetch(`${server.url}/api/v1/assessments`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(sent),
          signal: AbortSignal.timeout(20_000),
        });
        if (res.status !== 201) {
          refused.push(
            `POST /api/v1/assessments answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
          );
          return;
        }
        const body = (await res.json()) as {
          id: string;
          accessToken: string;
          clusterId: string;
          recommendations: unknown;
        };
        acknowledged.push({
          id: body.id,
          token: body.accessToken,
          sent,
          answer: { clusterId: body.clusterId, recommendations: body.recommendations },
        });
      } catch {
        // The server is gone (killed): this write was never acknowledged.
        if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      }
    }
  };
  const sequential = writer();
  const concurrent = Array.from({ length: CONCURRENT_WRITERS }, () => writer());
  return {
    done: Promise.all([sequential, ...concurrent]),
    acknowledged,
    refused,
    attempted: () => attempted,
  };
}

async function crashAndRestart(start: () => Promise<RunningServer>) {
  const first = await start();
  let killed = false;
  const stream = streamWrites(first, () => killed);
  const deadline = Date.now() + 60_000;
  while (
    stream.acknowledged.length < KILL_AFTER &&
    stream.refused.length === 0 &&
    Date.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (stream.acknowledged.length < KILL_AFTER) {
    killed = true;
    await first.stop("SIGKILL");
    await stream.done;
    throw new Error(
      `only ${stream.acknowledged.length} writes acknowledged before the kill; refused: ${stream.refused.join("; ") || "none"}\n${first.logs().slice(-2000)}`,
    );
  }
  const inFlight = stream.attempted() - stream.acknowledged.length;
  await first.stop("SIGKILL");
  killed = true;
  await stream.done;
  return {
    first,
    acknowledged: [...stream.acknowledged],
    attempted: stream.attempted(),
    inFlightAtKill: inFlight,
  };
}

async function verifyAcknowledged(
  server: RunningServer,
  acknowledged: Acknowledged[],
): Promise<number> {
  let found = 0;
  for (const write of acknowledged) {
    const res = await fetch(`${server.url}/api/v1/assessments/${write.id}`, {
      headers: { "x-assessment-token": write.token },
    });
    expect(res.status, `assessment ${write.id}`).toBe(200);
    const record = (await res.json()) as {
      assessment: Record<string, unknown>;
      recommendations: unknown;
    };
    const { clusterId: _none, ...sent } = write.sent;
    for (const [key, value] of Object.entries(sent))
      expect(record.assessment[key], `${write.id} ${key}`).toEqual(value);
    expect(record.assessment.clusterId).toBe(write.answer.clusterId);
    expect(record.recommendations, `${write.id} recommendations`).toEqual(
      write.answer.recommendations,
    );
    found += 1;
  }
  return found;
}

describe("crash durability on SQLite", () => {
  it("keeps every acknowledged write whole after SIGKILL, and the file passes integrity_check", async () => {
    const workDir = mkdtempSync(join(tmpdir(), "klastry-crash-"));
    try {
      const { acknowledged, attempted, inFlightAtKill } = await crashAndRestart(() =>
        startServer({ workDir, env: NO_RATE_LIMITS }),
      );
      expect(inFlightAtKill, "writes were in flight when the server was killed").toBeGreaterThan(0);

      // The file as the crash left it (with its WAL), before any process recovers it.
      const file = new Sqlite(sqlitePathOf(workDir), { readonly: true, fileMustExist: true });
      try {
        expect(file.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
        const ids = new Set(
          (file.prepare("SELECT id FROM assessment").all() as { id: string }[]).map(
            (row) => row.id,
          ),
        );
        for (const write of acknowledged)
          expect(ids.has(write.id), `row of ${write.id}`).toBe(true);
      } finally {
        file.close();
      }

      const second = await startServer({ workDir, env: NO_RATE_LIMITS });
      try {
        const found = await verifyAcknowledged(second, acknowledged);
        console.log(
          `crash: acknowledged ${acknowledged.length}, found ${found} (SQLite; ${attempted} attempted, ${inFlightAtKill} in flight at the kill)`,
        );
        expect(found).toBe(acknowledged.length);
      } finally {
        await second.stop();
      }
    } finally {
      removeWorkDir(workDir);
    }
  });
});

const postgres = await postgresPlan();

describe.skipIf(!postgres.run)(
  `crash durability on PostgreSQL${postgres.run ? "" : ` (skipped: ${postgres.reason})`}`,
  () => {
    it("keeps every acknowledged write whole after SIGKILL; counts and contents agree", async () => {
      const database = await createScratchDatabase("crash");
      const workDir = mkdtempSync(join(tmpdir(), "klastry-crash-pg-"));
      const start = () =>
        startServer({ workDir, env: { ...NO_RATE_LIMITS, DATABASE_URL: database.url } });
      try {
        const before = await start();
        const [{ count: baseline }] = (await database.query<{ count: string }>(
          "SELECT count(*) AS count FROM assessment",
        )) as [{ count: string }];
        await before.stop();
        const { acknowledged, attempted, inFlightAtKill } = await crashAndRestart(start);
        const rows = await database.query<{ id: string }>("SELECT id FROM assessment");
        const stored = rows.length - Number(baseline);
        expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
        expect(stored).toBeLessThanOrEqual(attempted);
        const ids = new Set(rows.map((row) => row.id));
        for (const write of acknowledged)
          expect(ids.has(write.id), `row of ${write.id}`).toBe(true);
        const second = await start();
        try {
          const found = await verifyAcknowledged(second, acknowledged);
          console.log(
            `crash: acknowledged ${acknowledged.length}, found ${found} (PostgreSQL; ${attempted} attempted, ${inFlightAtKill} in flight at the kill, ${stored} rows)`,
          );
          expect(found).toBe(acknowledged.length);
        } finally {
          await second.stop();
        }
      } finally {
        removeWorkDir(workDir);
        await database.drop();
      }
    });
  },
);
