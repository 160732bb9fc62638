import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WIZARD_STORAGE_KEY } from "../lib/wizard-store.tsx";
import { buildRecommendationSet } from "../testing/recommendations.ts";
import { renderAt } from "../testing/render-app.tsx";
import { fakeFetch, jsonBodyOf } from "../testing/fake-fetch.ts";
import { tokenFromLocation } from "./saved-assessment.tsx";

afterEach(() => vi.unstubAllGlobals());

const stored = {
  id: "a-1",
  clusterId: "klaster-zapisany",
  createdAt: "2026-11-20T10:00:00.000Z",
  cluster: {
    name: "Klaster Zapisany (fikcyjny)",
    region: "14",
    sectors: [],
    smartSpecialisations: [],
    inWarsawCapitalRegion: false,
  },
  profile: { members: { sme: 30 } },
  needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
  publicTasks: [],
  ownContribution: {},
};

describe("saved assessment page", () => {
  it("reads the token from the link's fragment (or query)", () => {
    expect(tokenFromLocation("#token=kt_abc", "")).toBe("kt_abc");
    expect(tokenFromLocation("", "?token=kt_q")).toBe("kt_q");
    expect(tokenFromLocation("", "")).toBe("");
  });

  it("opens the assessment with its private token, offers the same exports, and continues from it in the wizard", async () => {
    const calls: { url: string; authorization: string | null; method: string }[] = [];
    vi.stubGlobal(
      "fetch",
      fakeFetch((url, init) => {
        calls.push({
          url,
          authorization: new Headers(init?.headers).get("authorization"),
          method: init?.method ?? "GET",
        });
        if (url.startsWith("/api/v1/clusters/klaster-zapisany/visibility")) {
          const visibility =
            init?.method === "PUT"
              ? (jsonBodyOf(init) as { visibility: string }).visibility
              : "anonymous";
          return new Response(JSON.stringify({ clusterId: "klaster-zapisany", visibility }), {
            status: 200,
            headers: { "content-type": "application/json" },
          });
        }
        if (url.startsWith("/api/v1/assessments/a-1")) {
          return new Response(
            JSON.stringify({
              assessment: stored,
              assessedOn: "2026-11-20",
              region: "14",
              recommendations: buildRecommendationSet(),
            }),
            { status: 200, headers: { "content-type": "application/json" } },
          );
        }
        if (url.startsWith("/api/v1/recommendations")) {
          return new Response(JSON.stringify(buildRecommendationSet()), {
            status: 200,
            headers: { "content-type": "application/json" },
          });
        }
        return new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 200 }), {
          status: 200,
        });
      }),
    );
    renderAt("/assessments/a-1#token=kt_secret");
    expect((await screen.findByTestId("saved-summary")).textContent).toContain(
      "Klaster Zapisany (fikcyjny)",
    );
    expect(
      within(await screen.findByTestId("group-coordinator")).getByText(/FENG 2\.17/),
    ).toBeTruthy();
    expect(calls.find((c) => c.url.startsWith("/api/v1/assessments/a-1"))?.authorization).toBe(
      "Bearer kt_secret",
    );
    // The same tools as the results page.
    for (const tool of ["print", "download-json", "download-csv"])
      expect(screen.getByTestId(tool)).toBeTruthy();

    // Whom the region is shown the cluster to, changed with the same token.
    const now = await screen.findByTestId("visibility-now");
    expect(now.textContent).toContain("Teraz: Tylko w anonimowych zestawieniach.");
    const panel = screen.getByTestId("visibility-panel");
    fireEvent.click(within(panel).getByTestId("visibility-named"));
    fireEvent.click(within(panel).getByTestId("change-visibility"));
    await waitFor(() =>
      expect(screen.getByTestId("visibility-now").textContent).toContain(
        "Teraz: Widoczna z nazwą klastra.",
      ),
    );
    const put = calls.find((c) => c.method === "PUT");
    expect(put?.url).toBe("/api/v1/clusters/klaster-zapisany/visibility");
    expect(put?.authorization).toBe("Bearer kt_secret");

    fireEvent.click(screen.getByTestId("continue-in-wizard"));
    await screen.findByTestId("results-cluster");
    await waitFor(() => {
      const draft = JSON.parse(localStorage.getItem(WIZARD_STORAGE_KEY) ?? "{}") as {
        answers: Record<string, string>;
        clusterId: string;
        saved: { token: string }[];
      };
      expect(draft.answers["cluster.name"]).toBe("Klaster Zapisany (fikcyjny)");
      expect(draft.answers["profile.members.sme"]).toBe("30");
      expect(draft.clusterId).toBe("klaster-zapisany");
      expect(draft.saved.map((entry) => entry.token)).toEqual(["kt_secret"]);
    });
  });
});
