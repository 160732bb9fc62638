/**
 * A national survey round over HTTP on a real database (issue 14): an admin opens a round,
 * imports 5 clusters, 3 answer through their private links (60%), the national picture and the
 * report count their needs, a self-registered answer stays out until accepted, small cells are
 * "<3" everywhere and no export gives one back by subtraction; tokens are stored as hashes only
 * and never logged.
 */
import ExcelJS from "exceljs";
import {
  NationalPictureSchema,
  ReportDataSchema,
  type AssessmentInputRaw,
  type InvitationImportResult,
  type InvitationList,
  type NationalPicture,
  type ReportData,
  type Round,
} from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases.ts";
import { parseCsv } from "./invitation-import.ts";
import { bearer, jsonBody, openTestApi, type TestApi } from "../../testing/harness.ts";

const LIST = `name,region,contact
Klaster Alfa (fikcyjny),10,alfa@example.org
Klaster Beta (fikcyjny),10,
"Klaster Gamma, Łódź (fikcyjny)",10,gamma@example.org
Klaster Delta (fikcyjny),12,
Klaster Epsilon (fikcyjny),14,epsilon@example.org
`;

function answer(name: string, region: AssessmentInputRaw["cluster"]["region"]) {
  return buildAssessment({
    cluster: { ...buildAssessment().cluster, name, region },
    needs: [
      { actor: "coordinator", function: "cluster_management", priority: 1 },
      { actor: "sme", function: "green_transition", priority: 2 },
    ],
    publicTasks: [{ task: "export_promotion", readiness: "ready" }],
  });
}

function surveySuite(kind: DatabaseKind): void {
  let api: TestApi;
  let admin: Record<string, string>;
  let national: Record<string, string>;
  let region10: Record<string, string>;
  let round: Round;
  let imported: InvitationImportResult;
  let selfRegisteredId = "";

  const get = (path: string, headers: Record<string, string>) =>
    api.app.request(`/api/v1${path}`, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    api.app.request(`/api/v1${path}`, jsonBody(body, headers));
  const csvPost = (path: string, text: string, headers: Record<string, string>) =>
    api.app.request(`/api/v1${path}`, {
      method: "POST",
      headers: { "content-type": "text/csv", ...headers },
      body: text,
    });
  const picture = async (query = "") => {
    const res = await get(`/national${query}`, national);
    expect(res.status).toBe(200);
    return NationalPictureSchema.parse(await res.json());
  };

  beforeAll(async () => {
    api = await openTestApi(kind, { env: { RATE_LIMIT_BURST: "100000" } });
    admin = bearer(await api.key("admin"));
    national = bearer(await api.key("national"));
    region10 = bearer(await api.key("region:10"));
  });
  afterAll(async () => api?.dispose());

  describe("a round from opening to report", () => {
    it("lets an admin open a national round, and refuses it to a region's key", async () => {
      const body = {
        title: "Badanie potrzeb 2026",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        scope: "national",
      };
      expect((await post("/rounds", body, region10)).status).toBe(403);
      const res = await post("/rounds", body, admin);
      expect(res.status).toBe(201);
      round = (await res.json()) as Round;
      expect(round).toMatchObject({ status: "open", owner: "admin", region: null });
    });

    it("refuses a list with bad lines, naming each, and imports nothing", async () => {
      const res = await csvPost(
        `/rounds/${round.id}/invitations`,
        "name,region,contact\nKlaster X,99,\n,10,\nKlaster Y,10,\n",
        admin,
      );
      expect(res.status).toBe(400);
      const problem = (await res.json()) as {
        issues: { path: string; message: string; allowed?: string[] }[];
      };
      expect(problem.issues.map((i) => i.path)).toEqual(["line 2.region", "line 3.name"]);
      expect(problem.issues[0]?.allowed).toContain("14");
      const list = (await (
        await get(`/rounds/${round.id}/invitations`, admin)
      ).json()) as InvitationList;
      expect(list.total).toBe(0);
    });

    it("imports 5 clusters with one private link each, tokens stored only as hashes", async () => {
      const res = await csvPost(`/rounds/${round.id}/invitations`, LIST, admin);
      expect(res.status).toBe(201);
      imported = (await res.json()) as InvitationImportResult;
      expect(imported.imported).toBe(5);
      expect(imported.invitations[2]?.clusterName).toBe("Klaster Gamma, Łódź (fikcyjny)");
      expect(new Set(imported.invitations.map((i) => i.token)).size).toBe(5);
      for (const invitation of imported.invitations)
        expect(invitation.link).toContain(`#${invitation.token}`);
      const rows = await api.db.dataSource.query<{ token_hash: string }[]>(
        "SELECT token_hash FROM survey_invitation",
      );
      for (const invitation of imported.invitations)
        expect(rows.some((r) => r.token_hash.includes(invitation.token))).toBe(false);
    });

    it("marks an opened invitation started and an answered one submitted: 3 of 5 is 60%", async () => {
      const header = (i: number) => ({ "x-invitation-token": imported.invitations[i]!.token });
      const opened = await get("/invitation", header(0));
      expect(opened.status).toBe(200);
      expect(await opened.json()).toMatchObject({
        clusterName: "Klaster Alfa (fikcyjny)",
        status: "started",
      });
      for (const [i, name] of [
        [0, "Klaster Alfa (fikcyjny)"],
        [1, "Klaster Beta (fikcyjny)"],
        [2, "Klaster Gamma (fikcyjny)"],
      ] as const) {
        const res = await post("/assessments?visibility=anonymous", answer(name, "10"), header(i));
        expect(res.status).toBe(201);
        expect(((await res.json()) as { roundId: string }).roundId).toBe(round.id);
      }
      expect((await get("/invitation", header(3))).status).toBe(200);
      const list = (await (
        await get(`/rounds/${round.id}/invitations`, admin)
      ).json()) as InvitationList;
      expect(list.items.map((i) => i.status)).toEqual([
        "submitted",
        "submitted",
        "submitted",
        "started",
        "invited",
      ]);
      expect(list.responseRate).toEqual({ invited: 5, started: 4, submitted: 3, rate: 60 });
      expect(list.byRegion.find((r) => r.region === "10")).toMatchObject({
        invited: 3,
        submitted: 3,
        rate: 100,
      });
      expect(list.byRegion.find((r) => r.region === "14")).toMatchObject({
        invited: 1,
        submitted: 0,
        rate: 0,
      });
    });

    it("counts the round's answers in the national picture", async () => {
      const view = await picture(`?round=${round.id}&date=2026-06-01`);
      expect(view.clusters).toBe(3);
      const cell = (region: string) =>
        view.needs.find(
          (n) =>
            n.region === region && n.actor === "coordinator" && n.function === "cluster_management",
        );
      expect(cell("10")?.count).toBe(3);
      expect(cell("12")?.count).toBe(0);
      expect(view.regions).toHaveLength(16);
      expect(view.regions.find((r) => r.region === "10")?.responseRate).toBe(100);
      // Regions versus the centre: a region with no answers reports no need (a 0 is not a need).
      const levels = (region: string) => view.levels.find((l) => l.region === region);
      expect(levels("12")).toMatchObject({ needs: 0, gaps: 0, onlyRegional: 0, onlyCentral: 0 });
      expect(levels("10")?.needs).toBeGreaterThan(0);
    });

    it("keeps a self-registered answer out until the round's owner accepts it", async () => {
      const res = await post(
        "/assessments?visibility=anonymous",
        answer("Klaster Samozgłoszony (fikcyjny)", "10"),
        {},
      );
      expect(res.status).toBe(201);
      selfRegisteredId = ((await res.json()) as { id: string }).id;
      // The fictional sample clusters shipped with the product count as official too.
      const before = (await picture()).clusters;
      expect(typeof before).toBe("number");
      expect((await picture(`?round=${round.id}`)).clusters).toBe(3);
      const pending = (await (await get(`/rounds/${round.id}/moderation`, admin)).json()) as {
        items: { assessmentId: string; clusterName: string | null }[];
      };
      expect(pending.items.map((i) => i.assessmentId)).toEqual([selfRegisteredId]);
      // Anonymous: the owner sees the answer, not the cluster's name.
      expect(pending.items[0]?.clusterName).toBeNull();
      expect(
        (
          await post(
            `/rounds/${round.id}/moderation/${selfRegisteredId}`,
            { decision: "accepted" },
            region10,
          )
        ).status,
      ).toBe(403);
      const accepted = await post(
        `/rounds/${round.id}/moderation/${selfRegisteredId}`,
        { decision: "accepted" },
        admin,
      );
      expect(accepted.status).toBe(200);
      expect((await picture()).clusters).toBe(Number(before) + 1);
      expect((await picture(`?round=${round.id}`)).clusters).toBe(4);
      const again = await post(
        `/rounds/${round.id}/moderation/${selfRegisteredId}`,
        { decision: "rejected" },
        admin,
      );
      expect(again.status).toBe(409);
    });

    it("reports the round by the ten questions, with its method", async () => {
      const res = await get(`/rounds/${round.id}/report?date=2026-06-01`, national);
      expect(res.status).toBe(200);
      const report: ReportData = ReportDataSchema.parse(await res.json());
      expect(report.questions.map((q) => q.id)).toEqual([
        "q1",
        "q2",
        "q3",
        "q4",
        "q5",
        "q6",
        "q7",
        "q8",
        "q9",
        "q10",
      ]);
      expect(report.method).toMatchObject({
        invited: 5,
        submitted: 3,
        responseRate: 60,
        selfRegisteredAccepted: 1,
        clusters: 4,
        minCellSize: 3,
      });
      expect(
        report.needs.find((n) => n.actor === "sme" && n.function === "green_transition")?.count,
      ).toBe(4);
      expect(report.actors.find((a) => a.actor === "coordinator")?.count).toBe(4);
      expect(JSON.stringify(report)).not.toContain("Klaster Alfa");
    });

    it("gives the annex as CSV and as an XLSX workbook with the same protected counts", async () => {
      const csv = await get(`/rounds/${round.id}/report/annex.csv`, national);
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text).toContain("needs,");
      expect(text).not.toContain("Klaster Alfa");
      const xlsx = await get(`/rounds/${round.id}/report/annex.xlsx?lang=en`, national);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const names = workbook.worksheets.map((sheet) => sheet.name);
      expect(names).toEqual(
        expect.arrayContaining(["Method", "Needs", "Public tasks", "Regions vs centre"]),
      );
      const needs = workbook.getWorksheet("Needs")!;
      const values = needs.getSheetValues().flat().map(String);
      expect(values).toContain("4");
    });

    it("lets no subtraction between the national CSV and the report's annex recover a small cell", async () => {
      // Two more answers elsewhere make small cells in other regions beside region 10's 4.
      const header = (i: number) => ({ "x-invitation-token": imported.invitations[i]!.token });
      expect(
        (
          await post(
            "/assessments?visibility=named",
            answer("Klaster Delta (fikcyjny)", "12"),
            header(3),
          )
        ).status,
      ).toBe(201);
      const nationalCsv = await (
        await get(`/national?round=${round.id}`, { ...national, accept: "text/csv" })
      ).text();
      const annex = await (await get(`/rounds/${round.id}/report/annex.csv`, national)).text();
      expect(nationalCsv).toContain("<3");
      const rows = (text: string) => parseCsv(text.replace(/^\uFEFF/, ""), ",");
      const regionCells = rows(nationalCsv).filter(
        (cells) => cells[0] === "needs" && cells[1] !== "all",
      );
      const totals = new Map(
        rows(annex)
          .filter((cells) => cells[0] === "needs" && cells[2] === "clusters")
          .map((cells) => [cells[1], cells[3]]),
      );
      let checked = 0;
      for (const [item, total] of totals) {
        const [actor, fn] = (item ?? "").split(" / ");
        const cells = regionCells
          .filter((c) => c[2] === actor && c[3] === fn)
          .map((c) => c[6] ?? "");
        expect(cells).toHaveLength(16);
        if (!/^\d+$/.test(total ?? "")) continue;
        const shown = cells.filter((v) => /^\d+$/.test(v)).reduce((s, v) => s + Number(v), 0);
        const hidden = cells.filter((v) => !/^\d+$/.test(v));
        const rest = Number(total) - shown;
        // A single hidden cell, or hidden cells all at their least or their most, would be exact.
        if (hidden.length > 0) {
          checked += 1;
          expect(hidden.length).toBeGreaterThan(1);
          const most = hidden.reduce((s, v) => s + (v === "<3" ? 2 : Infinity), 0);
          const least = hidden.reduce((s, v) => s + (v === "<3" ? 1 : 3), 0);
          expect(rest).toBeGreaterThan(least);
          expect(rest).toBeLessThan(most);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it("closes the round: its links take no more answers", async () => {
      expect((await post(`/rounds/${round.id}/close`, {}, region10)).status).toBe(403);
      const closed = await post(`/rounds/${round.id}/close`, {}, admin);
      expect(closed.status).toBe(200);
      expect(((await closed.json()) as Round).status).toBe("closed");
      const late = await post("/assessments", answer("Klaster Epsilon (fikcyjny)", "14"), {
        "x-invitation-token": imported.invitations[4]!.token,
      });
      expect(late.status).toBe(409);
    });

    it("shows the change from the earlier round: needs before and after, gaps closed or new", async () => {
      const next = (await (
        await post(
          "/rounds",
          {
            title: "Badanie 2027",
            periodStart: "2027-01-01",
            periodEnd: "2027-12-31",
            scope: "national",
          },
          admin,
        )
      ).json()) as Round;
      const list =
        "name,region\nKlaster Alfa (fikcyjny),10\nKlaster Beta (fikcyjny),10\nKlaster Gamma (fikcyjny),10\n";
      const issued = (await (
        await csvPost(`/rounds/${next.id}/invitations`, list, admin)
      ).json()) as InvitationImportResult;
      for (const invitation of issued.invitations) {
        const body = buildAssessment({
          cluster: { ...buildAssessment().cluster, name: invitation.clusterName, region: "10" },
          needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
        });
        const res = await post("/assessments?visibility=anonymous", body, {
          "x-invitation-token": invitation.token,
        });
        expect(res.status).toBe(201);
      }
      expect((await get(`/national?compareWith=${round.id}`, national)).status).toBe(400);
      const view = await picture(`?round=${next.id}&compareWith=${round.id}&date=2026-06-01`);
      expect(view.change?.from.id).toBe(round.id);
      expect(view.change?.to.id).toBe(next.id);
      const green = view.change?.needs.find(
        (n) => n.actor === "sme" && n.function === "green_transition",
      );
      expect(green).toMatchObject({ before: 5, after: 0, delta: -5 });
      const management = view.change?.needs.find(
        (n) => n.actor === "coordinator" && n.function === "cluster_management",
      );
      expect(management).toMatchObject({ before: 5, after: 3, delta: -2 });
      expect(view.change?.gapsAfter).toBe(
        view.change!.gapsBefore - view.change!.closedGaps + view.change!.newGaps,
      );
    });

    it("never writes an invitation token to the logs", () => {
      const logs = api.logs.join("\n");
      for (const invitation of imported.invitations) expect(logs).not.toContain(invitation.token);
    });
  });
}

describeEachDatabase("national needs survey", surveySuite);

export type { NationalPicture };
