/**
 * Bad input, generated (issue 7 item 1, issue 15): thousands of malformed and hostile requests
 * from fast-check against every route of a real server process (the route list comes from its
 * OpenAPI document, so new routes are fuzzed too), plus wrong methods and unknown routes, once on
 * SQLite and once on PostgreSQL. Every answer is a 4xx problem document, or a documented 2xx when
 * the input happens to be valid; never a 5xx. Every documented route is hit. Afterwards the
 * server is healthy and no prototype was polluted.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, type RawRequest } from "../support/http.ts";
import { issueKeys, type DatabaseTarget } from "../support/keys.ts";
import {
  fetchOpenApi,
  matchOperation,
  operationsOf,
  ResponseValidator,
  type Operation,
} from "../support/openapi.ts";
import { removeWorkDir, repoRoot, startServer, type RunningServer } from "../support/server.ts";
import {
  deepBodies,
  nestedJson,
  operationRequest,
  unknownRouteRequest,
  wrongMethodRequest,
  type FuzzContext,
} from "./hostile-input.ts";
import { createScratchDatabase, postgresPlan, type ScratchDatabase } from "../support/postgres.ts";
import { judge } from "./judge.ts";

/** Generated requests per run and database (issue 15 asks for at least 3,000). */
const GENERATED_RUNS = 3_000;
const BODY_LIMIT = 256 * 1024;
const CANDIDATE_RULE = "cluster/kkk-status.rule.json";

type Kind = "sqlite" | "postgres";

function fuzzSuite(kind: Kind): void {
  let postgres: ScratchDatabase | undefined;
  let server: RunningServer;
  let rulesDir: string;
  let ctx: FuzzContext;
  let operations: Operation[];
  let validator: ResponseValidator;
  const tally = { requests: 0, failures: 0 };
  const byStatus = new Map<number, number>();
  const byRoute = new Map<string, number>();
  const failures: string[] = [];

  async function exchange(req: RawRequest) {
    tally.requests += 1;
    const res = await send(server.url, req);
    byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
    const route = matchOperation(operations, req.method, pathOf(req.path));
    if (route !== undefined) {
      const name = `${route.method} ${route.template}`;
      byRoute.set(name, (byRoute.get(name) ?? 0) + 1);
    }
    const defect = judge(req, res, operations, validator);
    if (defect !== null) {
      tally.failures += 1;
      if (failures.length < 20) failures.push(`${req.method} ${req.path.slice(0, 200)}: ${defect}`);
    }
    return { res, defect };
  }

  beforeAll(async () => {
    if (kind === "postgres") postgres = await createScratchDatabase("fuzz");
    const workDir = mkdtempSync(join(tmpdir(), "klastry-fuzz-"));
    rulesDir = mkdtempSync(join(tmpdir(), "klastry-fuzz-rules-"));
    cpSync(join(repoRoot, "rules"), rulesDir, {
      recursive: true,
      filter: (source) => !source.includes("node_modules"),
    });
    const target: DatabaseTarget =
      postgres === undefined ? { workDir } : { databaseUrl: postgres.url };
    const [admin, region] = await issueKeys(target, [{ role: "admin" }, { role: "region:24" }]);
    server = await startServer({
      workDir,
      env: {
        RULES_DIR: rulesDir,
        BODY_LIMIT: String(BODY_LIMIT),
        // This test is about input, not rate limits (limits.test.ts covers those).
        RATE_LIMIT_PER_MINUTE: "10000000",
        RATE_LIMIT_KEY_PER_MINUTE: "10000000",
        RATE_LIMIT_BURST: "10000000",
        ...(postgres === undefined ? { DATABASE_URL: "" } : { DATABASE_URL: postgres.url }),
      },
    });
    const doc = await fetchOpenApi(server.url);
    operations = operationsOf(doc);
    validator = new ResponseValidator(doc);
    const assessment = buildAssessment();
    const created = await fetch(`${server.url}/api/v1/assessments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(assessment),
    });
    const stored = (await created.json()) as { id: string; clusterId: string; accessToken: string };
    const instruments = (await (
      await fetch(`${server.url}/api/v1/instruments?pageSize=1`)
    ).json()) as { items: { id: string }[] };
    ctx = {
      operations,
      bodyLimit: BODY_LIMIT,
      adminKey: admin!.secret,
      regionKey: region!.secret,
      assessmentToken: stored.accessToken,
      assessmentId: stored.id,
      clusterId: stored.clusterId,
      instrumentId: instruments.items[0]?.id ?? "unknown",
      validBodies: {
        "POST /api/v1/recommendations": assessment,
        "POST /api/v1/assessments": assessment,
        // A real rule file as a candidate, so generated values land inside a rule too.
        "POST /api/v1/rules/impact": {
          files: [
            {
              file: CANDIDATE_RULE,
              rule: JSON.parse(readFileSync(join(rulesDir, CANDIDATE_RULE), "utf8")) as unknown,
            },
          ],
          remove: [],
        },
        "PUT /api/v1/clusters/{id}/visibility": { visibility: "anonymous" },
        "POST /api/v1/rounds": {
          title: "Runda fuzz",
          periodStart: "2026-01-01",
          periodEnd: "2026-12-31",
          scope: "national",
        },
        // CSV text, not JSON: generated JSON bodies get a 415 problem, which is an answer too.
        "POST /api/v1/rounds/{id}/invitations":
          "name,region,contact\nKlaster Fuzz (fikcyjny),14,\n",
        "POST /api/v1/rounds/{id}/moderation/{assessmentId}": { decision: "accepted" },
      },
    };
  });

  afterAll(async () => {
    console.log(
      `fuzz on ${kind}: ${tally.requests} requests (${byRoute.size} documented routes hit), ${tally.failures} failures, ${[...byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0)} answers 5xx`,
    );
    console.log(
      `fuzz statuses on ${kind}: ${[...byStatus]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}x${n}`)
        .join(" ")}`,
    );
    if (failures.length > 0)
      console.log(`fuzz failures (first ${failures.length}):\n${failures.join("\n")}`);
    await server?.stop();
    if (server) removeWorkDir(server.workDir);
    if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
    await postgres?.drop();
  });

  describe(`hostile input against the real server on ${kind}`, () => {
    it("reads a route list from the OpenAPI document that covers every part of the API", () => {
      const templates = operations.map((op) => `${op.method} ${op.template}`);
      expect(templates.length).toBeGreaterThanOrEqual(17);
      for (const expected of [
        "POST /api/v1/recommendations",
        "POST /api/v1/assessments",
        "GET /api/v1/regions/{code}/needs",
        "POST /api/v1/rules/reload",
      ]) {
        expect(templates).toContain(expected);
      }
      // The shape check of 2xx answers is not vacuous: it refuses a body that is not the document's.
      const health = operations.find((op) => op.template === "/api/v1/health")!;
      expect(validator.check(health, 200, "application/json", { status: "fine" })).not.toBeNull();
      for (const op of operations.filter((o) => o.hasBody)) {
        expect(ctx.validBodies, `a valid body for ${op.method} ${op.template}`).toHaveProperty([
          `${op.method} ${op.template}`,
        ]);
      }
    });

    it(`answers ${GENERATED_RUNS} generated requests with 4xx problems or documented 2xx, never a 5xx`, async () => {
      const request = fc.oneof(
        { weight: 8, arbitrary: operationRequest(ctx) },
        { weight: 1, arbitrary: wrongMethodRequest(ctx) },
        { weight: 1, arbitrary: unknownRouteRequest() },
      );
      await fc.assert(
        fc.asyncProperty(request, async (req) => {
          const { defect } = await exchange(req);
          return defect === null;
        }),
        { numRuns: GENERATED_RUNS, endOnFailure: false },
      );
      expect(failures).toEqual([]);
      // Every documented operation got its share of the generated requests.
      for (const op of operations)
        expect(
          byRoute.get(`${op.method} ${op.template}`) ?? 0,
          `${op.method} ${op.template}`,
        ).toBeGreaterThan(20);
    });

    it("answers every route with a wrong method, an oversize body, invalid UTF-8 and 20,000-deep nesting with a problem", async () => {
      for (const op of operations) {
        const path = op.template.replace("{code}", "14").replace("{id}", ctx.assessmentId);
        const cases: RawRequest[] = [
          {
            method: op.method,
            path: `${path}?date=%FF%FE&lang=%C0%AF&page=%ED%A0%80`,
            headers: { authorization: `Bearer ${ctx.adminKey}` },
          },
          {
            method: op.method,
            path: `${path}?q=\xff\xfe&pageSize=\xc0`,
            headers: { authorization: `Bearer ${ctx.adminKey}` },
          },
          {
            method: op.method === "GET" ? "DELETE" : "PUT",
            path,
            headers: { "content-type": "application/json" },
            body: "{}",
          },
        ];
        if (op.hasBody) {
          cases.push({
            method: op.method,
            path,
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${ctx.adminKey}`,
            },
            body: Buffer.alloc(BODY_LIMIT + 1, 0x20),
          });
          cases.push({
            method: op.method,
            path,
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${ctx.adminKey}`,
            },
            body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
          });
          cases.push({
            method: op.method,
            path,
            headers: {
              "content-type": "application/json",
              authorization: `Bearer ${ctx.adminKey}`,
            },
            body: nestedJson(20_000),
          });
          for (const body of deepBodies(
            ctx.validBodies[`${op.method} ${op.template}`],
            20_000,
            25,
          )) {
            cases.push({
              method: op.method,
              path,
              headers: {
                "content-type": "application/json",
                authorization: `Bearer ${ctx.adminKey}`,
              },
              body,
            });
          }
        }
        for (const req of cases) {
          const { res, defect } = await exchange(req);
          expect(defect, `${req.method} ${req.path}`).toBeNull();
          if (req.body !== undefined && Buffer.byteLength(req.body) > BODY_LIMIT && op.hasBody)
            expect(res.status).toBe(413);
        }
      }
    });

    it("lets no prototype-pollution key change later requests", async () => {
      const payloads = [
        '{"__proto__":{"polluted":"yes","pageSize":1,"lang":"en"}}',
        '{"constructor":{"prototype":{"polluted":"yes","pageSize":1,"lang":"en"}}}',
      ];
      const valid = JSON.stringify(
        buildAssessment({
          cluster: {
            name: "Klaster Zatruty (fikcyjny)",
            region: "24",
            sectors: [],
            smartSpecialisations: [],
          },
        }),
      );
      for (const payload of payloads) {
        for (const route of [
          "/api/v1/recommendations",
          "/api/v1/assessments",
          "/api/v1/rules/impact",
        ]) {
          // At the top level, inside the cluster and as the whole body.
          const bodies = [
            `${valid.slice(0, -1)},${payload.slice(1)}`,
            valid.replace('"cluster":{', `"cluster":{${payload.slice(1, -1)},`),
            payload,
          ];
          for (const body of bodies) {
            const { res, defect } = await exchange({
              method: "POST",
              path: `${route}?__proto__[polluted]=yes&constructor[prototype][polluted]=yes`,
              headers: {
                "content-type": "application/json",
                authorization: `Bearer ${ctx.adminKey}`,
              },
              body,
            });
            expect(defect, `${route} ${body.slice(0, 80)}`).toBeNull();
            expect(res.status, `${route} refuses the unknown key`).toBeGreaterThanOrEqual(400);
          }
        }
      }
      // Were Object.prototype polluted, zod's strict objects (which walk keys with for...in) would
      // refuse every valid body, and defaults would read the inherited pageSize and lang.
      const list = await exchange({ method: "GET", path: "/api/v1/instruments" });
      expect((JSON.parse(list.res.text()) as { pageSize: number }).pageSize).toBe(20);
      const evaluated = await exchange({
        method: "POST",
        path: "/api/v1/recommendations",
        headers: { "content-type": "application/json" },
        body: valid,
      });
      expect(evaluated.res.status).toBe(200);
      expect((JSON.parse(evaluated.res.text()) as { language: string }).language).toBe("pl");
      const created = await exchange({
        method: "POST",
        path: "/api/v1/assessments",
        headers: { "content-type": "application/json" },
        body: valid,
      });
      expect(created.res.status).toBe(201);
      const { id, accessToken } = JSON.parse(created.res.text()) as {
        id: string;
        accessToken: string;
      };
      const read = await exchange({
        method: "GET",
        path: `/api/v1/assessments/${id}`,
        headers: { "x-assessment-token": accessToken },
      });
      expect(read.res.status).toBe(200);
      expect(read.res.text()).not.toContain("polluted");
      const { assessment } = JSON.parse(read.res.text()) as { assessment: Record<string, unknown> };
      const sent = JSON.parse(valid) as Record<string, unknown>;
      for (const key of ["cluster", "profile", "needs", "publicTasks", "ownContribution"])
        expect(assessment[key], key).toEqual(sent[key]);
    });

    it("still answers /health after all of it", async () => {
      const res = await fetch(`${server.url}/api/v1/health`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe("ok");
      expect(server.child.exitCode).toBeNull();
      // No request was answered 5xx, so none was logged as failed either.
      expect(server.logs()).not.toContain('"level":"error"');
    });
  });
}

/** The path of a raw request target, for matching it to a documented route. */
function pathOf(target: string): string {
  try {
    return new URL(target, "http://server").pathname;
  } catch {
    return target;
  }
}

fuzzSuite("sqlite");

const postgresRun = await postgresPlan();
if (postgresRun.run) fuzzSuite("postgres");
else
  describe.skip(`hostile input against the real server on postgres (skipped: ${postgresRun.reason})`, () => {
    it("needs PostgreSQL", () => undefined);
  });
