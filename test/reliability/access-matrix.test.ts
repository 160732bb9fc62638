/**
 * Access matrix over HTTP (issue 7 item 4): every role (none, an assessment token, a key of each
 * of the 16 regions, admin, a revoked key, malformed credentials) against every route of the
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
  | `region:${string}`
  | "admin"
  | "revoked"
  | "malformed-key"
  | "malformed-token"
  | "unknown-token"
  | "not-bearer";
const ROLES: Role[] = [
  "none",
  "token",
  ...REGION_CODES.map((code) => `region:${code}` as const),
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
  "GET /api/v1/keys/me": [...REGION_CODES.map((code) => `region:${code}` as const), "admin"],
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
  if (cell.allowed.includes(role))
    return cell.op.method === "POST" && cell.op.template.endsWith("/assessments") ? 201 : 200;
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
        if (cell.body !== undefined) headers["content-type"] = "application/json";
        const res = await fetch(`${server.url}${cell.path}`, {
          method: cell.op.method,
          headers,
          ...(cell.body === undefined ? {} : { body: JSON.stringify(cell.body) }),
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
