import { MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WIZARD_STORAGE_KEY, WizardProvider } from "../lib/wizard-store.tsx";
import { buildRecommendationSet } from "../testing/recommendations.ts";
import { fakeFetch, jsonBodyOf } from "../testing/fake-fetch.ts";
import { ComparePanel } from "./compare-panel.tsx";

afterEach(() => vi.unstubAllGlobals());

const earlier = {
  id: "a-old",
  clusterId: "klaster-x",
  createdAt: "2026-10-01T08:00:00.000Z",
  cluster: { name: "Klaster X (fikcyjny)", region: "24", sectors: [], smartSpecialisations: [] },
  profile: { members: { sme: 20 } },
  needs: [],
  publicTasks: [],
  ownContribution: {},
};

describe("compare panel", () => {
  it("reads the cluster's history with the saved token and lists instruments gained since", async () => {
    localStorage.setItem(
      WIZARD_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        answers: {},
        needs: {},
        publicTasks: {},
        clusterId: "klaster-x",
        saved: [
          {
            assessmentId: "a-new",
            clusterId: "klaster-x",
            token: "kt_x",
            savedAt: "2026-11-29T08:00:00.000Z",
          },
        ],
      }),
    );
    const requests: { url: string; authorization: string | null; body?: unknown }[] = [];
    vi.stubGlobal(
      "fetch",
      fakeFetch((url, init) => {
        requests.push({
          url,
          authorization: new Headers(init?.headers).get("authorization"),
          body: jsonBodyOf(init),
        });
        const body = url.startsWith("/api/v1/clusters/klaster-x/assessments")
          ? {
              items: [earlier, { ...earlier, id: "a-new", createdAt: "2026-11-29T08:00:00.000Z" }],
              total: 2,
              page: 1,
              pageSize: 200,
            }
          : buildRecommendationSet({ kkkKnown: false });
        return new Response(JSON.stringify(body), {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      }),
    );
    render(() => (
      <MemoryRouter root={(props) => <WizardProvider>{props.children}</WizardProvider>}>
        <Route
          path="/"
          component={() => <ComparePanel current={buildRecommendationSet({ kkkKnown: true })} />}
        />
      </MemoryRouter>
    ));
    const select = await screen.findByTestId("compare-select");
    await within(select).findByText(/ostatnio zapisana/);
    expect(requests[0]?.authorization).toBe("Bearer kt_x");
    fireEvent.change(select, { target: { value: "a-old" } });
    const gained = await screen.findByTestId("compare-gained");
    expect(gained.textContent).toContain("Internacjonalizacja KKK");
    expect(screen.getByTestId("compare-lost").textContent).toBe("brak");
    // The earlier answers were evaluated again (today, same rulebook) to compare like with like.
    expect(
      requests.some(
        (r) =>
          r.url.startsWith("/api/v1/recommendations") &&
          (r.body as { clusterId?: string }).clusterId === "klaster-x",
      ),
    ).toBe(true);
  });
});
