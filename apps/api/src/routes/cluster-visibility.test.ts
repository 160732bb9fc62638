/**
 * The coordinator's choice of whom the region's authority is shown the cluster's assessments to,
 * end to end through the API: chosen when saving, read and changed with the private link's token,
 * and followed by every region route and CSV export at once.
 */
import { buildAssessment } from "@klastry/domain/testing";
import type { DatabaseKind } from "@klastry/db";
import { acceptAnswers } from "@klastry/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../testing/databases.ts";
import { bearer, jsonBody, openTestApi, type TestApi } from "../testing/harness.ts";

interface Created {
  id: string;
  clusterId: string;
  accessToken: string;
  visibility: string;
}

function visibilitySuite(kind: DatabaseKind): void {
  let api: TestApi;
  let region: string;
  let admin: string;

  beforeAll(async () => {
    api = await openTestApi(kind, { env: { RATE_LIMIT_BURST: "100000" } });
    region = await api.key("region:10");
    admin = await api.key("admin");
  });
  afterAll(async () => api?.dispose());

  async function save(name: string, visibility?: string): Promise<Created> {
    const query = visibility === undefined ? "" : `?visibility=${visibility}`;
    const res = await api.app.request(
      `/api/v1/assessments${query}`,
      jsonBody(
        buildAssessment({
          cluster: { name, region: "10", sectors: [], smartSpecialisations: [] },
          needs: [{ actor: "sme", function: "skills_training", priority: 1 }],
          publicTasks: [{ task: "vocational_education", readiness: "ready" }],
        }),
      ),
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    // Self-registered: counted once a round's owner accepts it.
    await acceptAnswers(api.db, created.id);
    return created;
  }

  async function regionView() {
    const get = async (what: string, accept = "application/json") =>
      api.app.request(`/api/v1/regions/10/${what}`, {
        headers: bearer(region, { accept }),
      });
    const clusters = (await (await get("clusters")).json()) as { items: { name: string }[] };
    const recommendations = (await (await get("recommendations")).json()) as {
      items: { clusterName: string }[];
    };
    const needs = (await (await get("needs")).json()) as {
      clusters: number;
      items: { actor: string; function: string; count: number }[];
    };
    const tasks = (await (await get("public-tasks")).json()) as {
      items: { task: string; count: number; clusters: { name: string }[] }[];
    };
    const csv = await (await get("clusters", "text/csv")).text();
    const recommendationsCsv = await (await get("recommendations", "text/csv")).text();
    const skills = needs.items.find((c) => c.actor === "sme" && c.function === "skills_training");
    const vocational = tasks.items.find((t) => t.task === "vocational_education");
    return {
      named: clusters.items.map((c) => c.name),
      recommended: recommendations.items.map((c) => c.clusterName),
      needsCount: skills?.count ?? 0,
      tasksCount: vocational?.count ?? 0,
      taskNames: vocational?.clusters.map((c) => c.name) ?? [],
      csv: csv + recommendationsCsv,
    };
  }

  it("shows a named cluster by name, counts an anonymous one only in totals, and a private one nowhere", async () => {
    await save("Klaster Jawny (fikcyjny)", "named");
    await save("Klaster Anonimowy (fikcyjny)", "anonymous");
    await save("Klaster Prywatny (fikcyjny)", "private");
    await save("Klaster Bez Wyboru (fikcyjny)");
    const view = await regionView();
    expect(view.named).toContain("Klaster Jawny (fikcyjny)");
    expect(view.recommended).toContain("Klaster Jawny (fikcyjny)");
    expect(view.taskNames).toEqual(["Klaster Jawny (fikcyjny)"]);
    for (const hidden of ["Anonimowy", "Prywatny", "Bez Wyboru"]) {
      expect(view.named.join("\n")).not.toContain(hidden);
      expect(view.recommended.join("\n")).not.toContain(hidden);
      expect(view.csv).not.toContain(hidden);
    }
    // The named and the anonymous cluster are in the totals; the private ones are not.
    expect(view.needsCount).toBe(2);
    expect(view.tasksCount).toBe(2);
  });

  it("answers the choice when saving: the one sent, else private for a new cluster", async () => {
    expect((await save("Klaster Wybór (fikcyjny)", "anonymous")).visibility).toBe("anonymous");
    expect((await save("Klaster Domyślny (fikcyjny)")).visibility).toBe("private");
  });

  it("reads and changes the choice with the private link's token, and every region route follows at once", async () => {
    const saved = await save("Klaster Zmienny (fikcyjny)", "private");
    const token = { "x-assessment-token": saved.accessToken };
    const path = `/api/v1/clusters/${saved.clusterId}/visibility`;
    const read = await api.app.request(path, { headers: token });
    expect(await read.json()).toEqual({ clusterId: saved.clusterId, visibility: "private" });
    expect((await regionView()).named).not.toContain("Klaster Zmienny (fikcyjny)");
    expect(
      (await api.app.request(`/api/v1/assessments/${saved.id}`, { headers: bearer(region) }))
        .status,
    ).toBe(403);

    const changed = await api.app.request(path, {
      method: "PUT",
      headers: { "content-type": "application/json", ...token },
      body: JSON.stringify({ visibility: "named" }),
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ clusterId: saved.clusterId, visibility: "named" });
    expect((await regionView()).named).toContain("Klaster Zmienny (fikcyjny)");
    expect(
      (await api.app.request(`/api/v1/assessments/${saved.id}`, { headers: bearer(region) }))
        .status,
    ).toBe(200);
  });

  it("refuses a change by anyone but the coordinator, and an unknown choice with the allowed ones", async () => {
    const saved = await save("Klaster Strzeżony (fikcyjny)", "anonymous");
    const path = `/api/v1/clusters/${saved.clusterId}/visibility`;
    const put = (headers: Record<string, string>, visibility: string) =>
      api.app.request(path, {
        method: "PUT",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ visibility }),
      });
    expect((await put(bearer(admin), "named")).status).toBe(403);
    expect((await put(bearer(region), "named")).status).toBe(403);
    const wrong = await put({ "x-assessment-token": saved.accessToken }, "everyone");
    expect(wrong.status).toBe(400);
    const problem = (await wrong.json()) as { issues: { allowed?: string[]; received?: string }[] };
    expect(problem.issues[0]?.allowed).toEqual(["named", "anonymous", "private"]);
    expect(problem.issues[0]?.received).toBe('"everyone"');
    // Another cluster's token opens nothing here.
    const other = await save("Klaster Obcy (fikcyjny)", "named");
    expect((await put({ "x-assessment-token": other.accessToken }, "named")).status).toBe(403);
    expect((await api.db.clusters.findById(saved.clusterId))?.visibility).toBe("anonymous");
  });

  it("keeps the earlier choice when a later assessment of the cluster sends none", async () => {
    const first = await save("Klaster Pamiętliwy (fikcyjny)", "named");
    const res = await api.app.request(
      "/api/v1/assessments",
      jsonBody(
        buildAssessment({
          clusterId: first.clusterId,
          cluster: {
            name: "Klaster Pamiętliwy (fikcyjny)",
            region: "10",
            sectors: [],
            smartSpecialisations: [],
          },
        }),
        { "x-assessment-token": first.accessToken },
      ),
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as Created).visibility).toBe("named");
  });
}

describeEachDatabase("cluster visibility", visibilitySuite);
