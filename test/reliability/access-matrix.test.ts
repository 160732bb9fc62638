/**
 * Access matrix over HTTP (issue 7 item 4, issue 14 item 5): every role (none, an assessment
 * token, a survey invitation token, a key of each of the 16 regions, a national key, admin, a
 * revoked key, malformed credentials) against every route of the
 * OpenAPI document (regional routes for every region code) on the real server process. Only the
 * allowed cells succeed. Keys and tokens are stored only as hashes (every table of the SQLite file
 * is searched) and never appear in the server's logs.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { hashSecret } from "@klastry/db";
import { REGION_CODES } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKeys, sqlitePathOf, withDatabase } from "../support/keys.ts";
import { fetchOpenApi, fillPath, operationsOf, type Operation } from "../support/openapi.ts";
import { problemDefect } from "../support/problems.ts";
import { removeWorkDir, repoRoot, startServer, type RunningServer } from "../support/server.ts";

type Role =
  | "none"
  | "token"
  | "invitation"
  | `region:${string}`
  | "national"
  | "admin"
  | "revoked"
  | "malformed-key"
  | "malformed-token"
  | "unknown-token"
  | "not-bearer";
const ROLES: Role[] = [
  "none",
  "token",
  "invitation",
  ...REGION_CODES.map((code) => `region:${code}` as const),
  "national",
  "admin",
  "revoked",
  "malformed-key",
  "malformed-token",
  "unknown-token",
  "not-bearer",
];
/** Roles whose credential is missing or not valid: 401 wherever one is needed. */
const UNAUTHENTICATED: Role[] = [
  "none",
  // An invitation token is no key: to the key routes it is no credential at all.
  "invitation",
  "revoked",
  "malformed-key",
  "malformed-token",
  "unknown-token",
  "not-bearer",
];
/** The region of the stored assessment the matrix reads. */
const HOME = "10";

interface Cell {
  op: Operation;
  path: string;
  body?: unknown;
  allowed: Role[];
}

let server: RunningServer;
let rulesDir: string;
const credentials = new Map<Role, Record<string, string>>();
/** Every secret used, to look for in the database and the logs. */
const secrets: string[] = [];
let assessmentId = "";
let clusterId = "";
let cells: Cell[] = [];
/** Survey rounds of region HOME (its key owns them): one open, one closed. */
const rounds = { open: "", closed: "" };
const NO_SUCH_ASSESSMENT = "00000000-0000-4000-8000-000000000000";
const REGION_KEYS = REGION_CODES.map((code) => `region:${code}` as const);

/** Valid bodies for the documented request bodies; a new route with a body must be added here. */
function validBody(op: Operation): unknown {
  const bodies: Record<string, unknown> = {
    "POST /api/v1/recommendations": buildAssessment(),
    "POST /api/v1/assessments": buildAssessment({
      cluster: {
        name: "Klaster Macierzy (fikcyjny)",
        region: "12",
        sectors: [],
        smartSpecialisations: [],
      },
    }),
    "POST /api/v1/rules/impact": { files: [] },
    "POST /api/v1/rounds": {
      title: "Runda macierzy",
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      scope: "regional",
      region: HOME,
    },
    "POST /api/v1/rounds/{id}/invitations": "name,region,contact\nKlaster Listy (fikcyjny),10,\n",
    "POST /api/v1/rounds/{id}/moderation/{assessmentId}": { decision: "accepted" },
    // Keeps the cluster named, so region routes later in the matrix still see it.
    "PUT /api/v1/clusters/{id}/visibility": { visibility: "named" },
  };
  const key = `${op.method} ${op.template}`;
  if (!(key in bodies)) throw new Error(`no valid body for ${key}; add one to the access matrix`);
  return bodies[key];
}

/**
 * Routes whose rights the security schemes alone do not say: only the coordinator's token changes
 * a cluster's visibility (not even admin), and every key may ask what it is for.
 */
const RIGHTS: Record<string, Role[]> = {
  "PUT /api/v1/clusters/{id}/visibility": ["token"],
  "GET /api/v1/keys/me": [...REGION_KEYS, "national", "admin"],
  "POST /api/v1/rounds": [`region:${HOME}`, "admin"],
  "GET /api/v1/rounds": [...REGION_KEYS, "national", "admin"],
  "GET /api/v1/rounds/{id}": [`region:${HOME}`, "national", "admin"],
  "POST /api/v1/rounds/{id}/close": [`region:${HOME}`, "admin"],
  "POST /api/v1/rounds/{id}/invitations": [`region:${HOME}`, "admin"],
  "GET /api/v1/rounds/{id}/invitations": [`region:${HOME}`, "admin"],
  "GET /api/v1/rounds/{id}/moderation": [`region:${HOME}`, "admin"],
  "POST /api/v1/rounds/{id}/moderation/{assessmentId}": [`region:${HOME}`, "admin"],
  "GET /api/v1/invitation": ["invitation"],
  "GET /api/v1/national": ["national", "admin"],
  "GET /api/v1/rounds/{id}/report": [`region:${HOME}`, "national", "admin"],
  "GET /api/v1/rounds/{id}/report/annex.csv": [`region:${HOME}`, "national", "admin"],
  "GET /api/v1/rounds/{id}/report/annex.xlsx": [`region:${HOME}`, "national", "admin"],
};

/** What an allowed role gets where it is not 200: created, closed already, no such answer. */
const OK: Record<string, number> = {
  "POST /api/v1/rounds": 201,
  "POST /api/v1/rounds/{id}/invitations": 201,
  "POST /api/v1/rounds/{id}/close": 409,
  "POST /api/v1/rounds/{id}/moderation/{assessmentId}": 404,
};
/** Bodies sent as they are, with their own type. */
const RAW_TYPES: Record<string, string> = {
  "POST /api/v1/rounds/{id}/invitations": "text/csv",
};

/**
 * Who may use a route, from its OpenAPI security: public routes everyone; others an admin key;
 * region-scoped ones ({code}, or an assessment's region) also that region's key; routes that
 * accept an assessment token also the token of that assessment.
 */
function allowedRoles(
  op: Operation,
  security: Record<string, string[]>[] | undefined,
  region: string,
): Role[] {
  const special = RIGHTS[`${op.method} ${op.template}`];
  if (special !== undefined) return special;
  if (op.isPublic) return ROLES;
  const schemes = new Set((security ?? []).flatMap((alternative) => Object.keys(alternative)));
  const allowed: Role[] = ["admin"];
  if (op.pathParams.includes("code") || schemes.has("assessmentToken"))
    allowed.push(`region:${region}`);
  if (schemes.has("assessmentToken")) allowed.push("token");
  return allowed;
}

function expectedStatus(cell: Cell, role: Role): number {
  const route = `${cell.op.method} ${cell.op.template}`;
  if (cell.allowed.includes(role))
    return (
      OK[route] ??
      (cell.op.method === "POST" && cell.op.template.endsWith("/assessments") ? 201 : 200)
    );
  // Only an invitation token opens an invitation; to everyone else it is no credential.
  if (route === "GET /api/v1/invitation") return 401;
  return UNAUTHENTICATED.includes(role) ? 401 : 403;
}

beforeAll(async () => {
  rulesDir = mkdtempSync(join(tmpdir(), "klastry-matrix-rules-"));
  cpSync(join(repoRoot, "rules"), rulesDir, {
    recursive: true,
    filter: (source) => !source.includes("node_modules"),
  });
  const workDir = mkdtempSync(join(tmpdir(), "klastry-matrix-"));
  const keys = await issueKeys({ workDir }, [
    ...REGION_CODES.map((code) => ({ role: `region:${code}` })),
    { role: "admin" },
    { role: "national" },
    { role: `region:${HOME}`, revoked: true },
  ]);
  server = await startServer({
    workDir,
    env: {
      RULES_DIR: rulesDir,
      RATE_LIMIT_PER_MINUTE: "10000000",
      RATE_LIMIT_KEY_PER_MINUTE: "10000000",
      RATE_LIMIT_BURST: "10000000",
    },
  });
  // Named: the coordinator lets region 10 see it, so that region's key opens it.
  const created = await fetch(`${server.url}/api/v1/assessments?visibility=named`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      buildAssessment({
        cluster: {
          name: "Klaster Dostępu (fikcyjny)",
          region: HOME,
          sectors: [],
          smartSpecialisations: [],
        },
      }),
    ),
  });
  const stored = (await created.json()) as { id: string; clusterId: string; accessToken: string };
  assessmentId = stored.id;
  clusterId = stored.clusterId;
  credentials.set("none", {});
  credentials.set("token", { "x-assessment-token": stored.accessToken });
  for (const key of keys) {
    const role: Role = key.revoked ? "revoked" : (key.role as Role);
    credentials.set(role, { authorization: `Bearer ${key.secret}` });
  }
  credentials.set("malformed-key", { authorization: "Bearer kl_not-a-real-key" });
  credentials.set("malformed-token", { "x-assessment-token": "kt_short" });
  // Well formed but opening nothing, e.g. a genuine token with one character changed.
  credentials.set("unknown-token", { "x-assessment-token": `kt_${"Z".repeat(43)}` });
  credentials.set("not-bearer", {
    authorization: `Basic ${Buffer.from("admin:admin").toString("base64")}`,
  });
  secrets.push(stored.accessToken, ...keys.map((key) => key.secret));

  // Survey rounds: two of region HOME opened by its key (one then closed), and a national one
  // with one invitation whose token is the "invitation" role.
  const call = async (role: Role, path: string, body: unknown, type = "application/json") => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method: "POST",
      headers: { ...credentials.get(role), "content-type": type },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; invitations?: { token: string }[] };
  };
  const period = { periodStart: "2026-01-01", periodEnd: "2026-12-31" };
  const regional = { title: "Runda 10", scope: "regional", region: HOME, ...period };
  rounds.open = (await call(`region:${HOME}`, "/rounds", regional)).id;
  rounds.closed = (await call(`region:${HOME}`, "/rounds", regional)).id;
  await call("admin", `/rounds/${rounds.closed}/close`, {});
  const national = await call("admin", "/rounds", { title: "Runda", scope: "national", ...period });
  const imported = await call(
    "admin",
    `/rounds/${national.id}/invitations`,
    "name,region,contact\nKlaster Zaproszony (fikcyjny),12,\n",
    "text/csv",
  );
  const invitation = imported.invitations?.[0]?.token ?? "";
  credentials.set("invitation", { "x-invitation-token": invitation });
  secrets.push(invitation);

  const doc = await fetchOpenApi(server.url);
  const securityOf = (op: Operation) =>
    (
      doc.paths[op.template]?.[op.method.toLowerCase()] as
        { security?: Record<string, string[]>[] } | undefined
    )?.security;
  cells = operationsOf(doc).flatMap((op): Cell[] => {
    const body = op.hasBody ? validBody(op) : undefined;
    const withBody = body === undefined ? {} : { body };
    if (op.pathParams.includes("code")) {
      return REGION_CODES.map((code) => ({
        op,
        path: fillPath(op.template, { code }),
        ...withBody,
        allowed: allowedRoles(op, securityOf(op), code),
      }));
    }
    if (op.template.startsWith("/api/v1/rounds/")) {
      const round = op.template.endsWith("/close") ? rounds.closed : rounds.open;
      return [
        {
          op,
          path: fillPath(op.template, { id: round, assessmentId: NO_SUCH_ASSESSMENT }),
          ...withBody,
          allowed: allowedRoles(op, securityOf(op), HOME),
        },
      ];
    }
    const id = op.template.startsWith("/api/v1/clusters/")
      ? clusterId
      : op.template.startsWith("/api/v1/instruments/")
        ? "feng-2-17-rozwoj-oferty-klastrow"
        : op.template.startsWith("/api/v1/rules/")
          ? "kkk-status"
          : assessmentId;
    return [
      {
        op,
        path: fillPath(op.template, { id }),
        ...withBody,
        allowed: allowedRoles(op, securityOf(op), HOME),
      },
    ];
  });
});

afterAll(async () => {
  await server?.stop();
  if (server) removeWorkDir(server.workDir);
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

describe("access matrix over HTTP", () => {
  it("lets only the allowed cells succeed for every role on every documented route", async () => {
    expect(credentials.size).toBe(ROLES.length);
    const wrong: string[] = [];
    let size = 0;
    for (const cell of cells) {
      for (const role of ROLES) {
        size += 1;
        const headers: Record<string, string> = { ...credentials.get(role) };
        const raw = RAW_TYPES[`${cell.op.method} ${cell.op.template}`];
        if (cell.body !== undefined) headers["content-type"] = raw ?? "application/json";
        const res = await fetch(`${server.url}${cell.path}`, {
          method: cell.op.method,
          headers,
          ...(cell.body === undefined
            ? {}
            : {
                body:
                  raw !== undefined && typeof cell.body === "string"
                    ? cell.body
                    : JSON.stringify(cell.body),
              }),
        });
        const text = await res.text();
        const expected = expectedStatus(cell, role);
        if (res.status !== expected)
          wrong.push(
            `${cell.op.method} ${cell.path} as ${role}: ${res.status}, expected ${expected}`,
          );
        if (res.status >= 400) {
          const defect = problemDefect(res.status, res.headers.get("content-type") ?? "", text);
          if (defect !== null) wrong.push(`${cell.op.method} ${cell.path} as ${role}: ${defect}`);
        }
        if (res.status === 401 && !/^Bearer /.test(res.headers.get("www-authenticate") ?? ""))
          wrong.push(`${cell.path} as ${role}: 401 without a Bearer challenge`);
      }
    }
    console.log(
      `access matrix: ${cells.length} routes (regional routes once per region) x ${ROLES.length} roles = ${size} cells, ${wrong.length} wrong`,
    );
    expect(wrong).toEqual([]);
    expect(size).toBeGreaterThanOrEqual(17 * ROLES.length);
  });

  it("refuses a key revoked while the server runs, at once", async () => {
    const headers = credentials.get(`region:${HOME}`)!;
    const path = `/api/v1/regions/${HOME}/clusters`;
    expect((await fetch(`${server.url}${path}`, { headers })).status).toBe(200);
    const secret = headers.authorization!.replace("Bearer ", "");
    await withDatabase({ workDir: server.workDir }, async (db) => {
      const key = (await db.apiKeys.list()).find(
        (entry) => entry.role === `region:${HOME}` && entry.revokedAt === null,
      );
      expect(key).toBeDefined();
      expect(await db.apiKeys.revoke(key!.id)).toBe(true);
    });
    const res = await fetch(`${server.url}${path}`, { headers });
    expect(res.status).toBe(401);
    expect(secrets).toContain(secret);
  });

  it("refuses a token in the query with a 400 naming the header, and keeps that token out of the logs", async () => {
    const token = credentials.get("token")!["x-assessment-token"]!;
    const res = await fetch(`${server.url}/api/v1/assessments/${assessmentId}?token=${token}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("X-Assessment-Token");
    expect(server.logs()).not.toContain(token.slice(3));
  });

  it("stores keys and tokens only as their hashes: no secret in any table of the database", () => {
    const file = new Sqlite(sqlitePathOf(server.workDir), { readonly: true, fileMustExist: true });
    try {
      const tables = (
        file.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((row) => row.name);
      expect(tables).toEqual(expect.arrayContaining(["api_key", "assessment"]));
      let dump = "";
      for (const table of tables) {
        for (const row of file.prepare(`SELECT * FROM "${table}"`).all() as Record<
          string,
          unknown
        >[]) {
          dump += `${Object.values(row)
            .map((value) => (Buffer.isBuffer(value) ? value.toString("latin1") : String(value)))
            .join("\u0001")}\n`;
        }
      }
      for (const secret of secrets) {
        expect(dump.includes(secret), "a secret is stored in clear").toBe(false);
        // The part after the prefix, too, in case a prefix were stripped before storing.
        expect(dump.includes(secret.slice(3)), "a secret's body is stored in clear").toBe(false);
        expect(dump.includes(hashSecret(secret)), "its hash is stored").toBe(true);
      }
    } finally {
      file.close();
    }
  });

  it("never writes a key or a token to its logs", () => {
    const logs = server.logs();
    expect(logs).toContain(`/api/v1/assessments/${assessmentId}`);
    for (const secret of secrets)
      expect(logs.includes(secret.slice(3)), "a secret in the logs").toBe(false);
    expect(logs).not.toContain("kl_not-a-real-key");
  });
});
