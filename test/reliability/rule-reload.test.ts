/**
 * Rule reload under load (issue 7 item 3): while evaluations and regional reads run without
 * pause, a BROKEN rules folder is reloaded (422; the old rulebook stays served), then a GOOD
 * changed one (200, a new version). No request fails, and every answer is consistent with exactly
 * one rulebook version: its X-Rulebook-Version header equals its body's rulebookVersion, and its
 * body equals what that version gives for the same input (a rule removed in the new version shows
 * only in answers of the old one).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKeys } from "../support/keys.ts";
import { removeWorkDir, repoRoot, startServer, type RunningServer } from "../support/server.ts";

const DATE = "2026-03-01";

/** Every rule file of a rules folder with the instrument it recommends, sorted by path. */
function ruleFiles(dir: string): { file: string; instrument: string }[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".rule.json") && !file.includes("node_modules"))
    .sort()
    .map((file) => ({
      file,
      instrument: String(
        (JSON.parse(readFileSync(join(dir, file), "utf8")) as { instrument?: unknown }).instrument,
      ),
    }));
}

interface Answer {
  route: string;
  status: number;
  header: string | null;
  version: string | undefined;
  /** The body without the version, to compare with what that version gives. */
  content: string;
  instruments: string[];
}

let server: RunningServer;
let rulesDir: string;
let adminKey: string;
let regionKey: string;
const assessment = buildAssessment({
  cluster: {
    name: "Klaster Przeładowania (fikcyjny)",
    region: "24",
    sectors: [],
    smartSpecialisations: [],
  },
});

const routes = {
  evaluate: () =>
    fetch(`${server.url}/api/v1/recommendations?date=${DATE}&lang=en`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(assessment),
    }),
  region: () =>
    fetch(`${server.url}/api/v1/regions/24/recommendations?date=${DATE}&lang=en`, {
      headers: { authorization: `Bearer ${regionKey}` },
    }),
};

async function ask(route: keyof typeof routes): Promise<Answer> {
  const res = await routes[route]();
  const text = await res.text();
  let body: {
    rulebookVersion?: string;
    recommendations?: { instrumentId: string }[];
    items?: { recommendations: { instrumentId: string }[] }[];
  } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // kept as an unparsed answer; the status check reports it
  }
  const { rulebookVersion, ...rest } = body;
  const instruments =
    route === "evaluate"
      ? (body.recommendations ?? []).map((r) => r.instrumentId)
      : (body.items ?? []).flatMap((item) => item.recommendations.map((r) => r.instrumentId));
  return {
    route,
    status: res.status,
    header: res.headers.get("x-rulebook-version"),
    version: rulebookVersion,
    content: JSON.stringify(rest),
    instruments,
  };
}

async function reload(): Promise<{
  status: number;
  body: { version?: string; changed?: boolean; code?: string };
}> {
  const res = await fetch(`${server.url}/api/v1/rules/reload`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminKey}` },
  });
  return {
    status: res.status,
    body: (await res.json()) as { version?: string; changed?: boolean; code?: string },
  };
}

beforeAll(async () => {
  rulesDir = mkdtempSync(join(tmpdir(), "klastry-reload-rules-"));
  cpSync(join(repoRoot, "rules"), rulesDir, {
    recursive: true,
    filter: (source) => !source.includes("node_modules"),
  });
  const workDir = mkdtempSync(join(tmpdir(), "klastry-reload-"));
  const [admin, region] = await issueKeys({ workDir }, [{ role: "admin" }, { role: "region:24" }]);
  adminKey = admin!.secret;
  regionKey = region!.secret;
  server = await startServer({
    workDir,
    env: {
      RULES_DIR: rulesDir,
      RATE_LIMIT_PER_MINUTE: "10000000",
      RATE_LIMIT_KEY_PER_MINUTE: "10000000",
      RATE_LIMIT_BURST: "10000000",
    },
  });
  for (let i = 0; i < 3; i += 1) {
    const res = await fetch(`${server.url}/api/v1/assessments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(assessment),
    });
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await server?.stop();
  if (server) removeWorkDir(server.workDir);
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

describe("rule reload under load", () => {
  it("keeps answering with exactly one rulebook version per answer through a broken and a good reload", async () => {
    const baseline = { evaluate: await ask("evaluate"), region: await ask("region") };
    const oldVersion = baseline.evaluate.version!;
    // The good version drops a rule whose instrument the answers list (with any verdict); the
    // broken version spoils another file.
    const files = ruleFiles(rulesDir);
    const dropped = files.find(
      (entry) =>
        baseline.evaluate.instruments.includes(entry.instrument) &&
        files.filter((f) => f.instrument === entry.instrument).length === 1,
    );
    expect(dropped, "a rule whose instrument the answers list").toBeDefined();
    const droppedRule = dropped!.file;
    const droppedInstrument = dropped!.instrument;
    const brokenRule = files.find((entry) => entry.file !== droppedRule)!.file;
    expect(baseline.region.instruments).toContain(droppedInstrument);

    const answers: Answer[] = [];
    let running = true;
    let loadFailure: Error | undefined;
    const load = Array.from({ length: 4 }, (_, i) =>
      (async () => {
        try {
          while (running) answers.push(await ask(i % 2 === 0 ? "evaluate" : "region"));
        } catch (error) {
          loadFailure ??= error instanceof Error ? error : new Error(String(error));
          throw error;
        }
      })(),
    );
    // Each step lets the load answer a few more requests (a count, not a clock: on a slow machine
    // a fixed pause could pass with no answer at all, on a fast one it only wasted time).
    const pause = async () => {
      const target = answers.length + 12;
      while (answers.length < target) {
        if (loadFailure !== undefined) throw loadFailure;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    let broken: Awaited<ReturnType<typeof reload>>;
    let good: Awaited<ReturnType<typeof reload>>;
    const original = readFileSync(join(rulesDir, brokenRule), "utf8");
    try {
      await pause();
      // Cut short: not even JSON any more.
      writeFileSync(join(rulesDir, brokenRule), original.slice(0, Math.floor(original.length / 2)));
      broken = await reload();
      const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as {
        rulebookVersion: string;
        lastReloadFailed: boolean;
      };
      expect(health).toMatchObject({ rulebookVersion: oldVersion, lastReloadFailed: true });
      await pause();
      writeFileSync(join(rulesDir, brokenRule), original);
      rmSync(join(rulesDir, droppedRule));
      good = await reload();
      await pause();
    } finally {
      running = false;
      await Promise.all(load);
    }

    expect(broken.status).toBe(422);
    expect(broken.body.code).toBe("RULEBOOK_INVALID");
    expect(good.status).toBe(200);
    expect(good.body.changed).toBe(true);
    const newVersion = good.body.version!;
    expect(newVersion).not.toBe(oldVersion);

    const after = { evaluate: await ask("evaluate"), region: await ask("region") };
    expect(after.evaluate.version).toBe(newVersion);
    expect(after.evaluate.instruments).not.toContain(droppedInstrument);
    const expected = new Map([
      [`evaluate ${oldVersion}`, baseline.evaluate.content],
      [`region ${oldVersion}`, baseline.region.content],
      [`evaluate ${newVersion}`, after.evaluate.content],
      [`region ${newVersion}`, after.region.content],
    ]);

    const versions = new Map<string, number>();
    for (const answer of answers) {
      expect(answer.status, `${answer.route} answered`).toBe(200);
      expect(answer.header, `${answer.route} header`).toBe(answer.version);
      expect([oldVersion, newVersion]).toContain(answer.version);
      expect(answer.content, `${answer.route} body under ${answer.version}`).toBe(
        expected.get(`${answer.route} ${answer.version}`),
      );
      expect(answer.instruments.includes(droppedInstrument)).toBe(answer.version === oldVersion);
      versions.set(answer.version!, (versions.get(answer.version!) ?? 0) + 1);
    }
    console.log(
      `reload: ${answers.length} answers under load, ${versions.get(oldVersion) ?? 0} of ${oldVersion}, ${versions.get(newVersion) ?? 0} of ${newVersion}, 0 failed`,
    );
    // The load really spanned both reloads.
    expect(versions.get(oldVersion) ?? 0).toBeGreaterThan(0);
    expect(versions.get(newVersion) ?? 0).toBeGreaterThan(0);
  });
});
