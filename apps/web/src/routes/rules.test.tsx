import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAt } from "../testing/render-app.tsx";

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function fakeRulesApi() {
  const posted: unknown[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (new Headers(init?.headers).get("authorization") !== "Bearer kl_admin")
        return json({ title: "Unauthorized", status: 401 }, 401);
      if (url.startsWith("/api/v1/rules/impact")) {
        posted.push(JSON.parse(String(init?.body)));
        return json({
          items: [
            {
              clusterId: "ict",
              clusterName: "Klaster ICT (fikcyjny)",
              region: "14",
              assessmentId: "a1",
              gained: ["feng-2-17"],
              lost: [],
              verdictChanges: [
                {
                  instrumentId: "feng-2-17",
                  before: "not_eligible",
                  after: "eligible",
                  causes: [
                    {
                      kind: "condition",
                      ruleId: "feng-2-17",
                      condition: "members",
                      label: { pl: "Liczba członków", en: "Number of members" },
                      before: "memberCount >= 15",
                      after: "memberCount >= 10",
                      outcomeBefore: "fail",
                      outcomeAfter: "pass",
                      actual: 12,
                    },
                  ],
                },
              ],
            },
          ],
          total: 1,
          page: 1,
          pageSize: 200,
          currentVersion: "v1",
          candidateVersion: "v2",
          evaluatedOn: "2026-11-29",
          clustersEvaluated: 5,
          byInstrument: [
            {
              instrumentId: "feng-2-17",
              instrumentName: { pl: "Rozwój oferty klastrów", en: "Cluster offer development" },
              gained: 1,
              lost: 0,
            },
          ],
        });
      }
      if (url.startsWith("/api/v1/rules")) {
        return json({
          version: "v1",
          loadedAt: "2026-11-29T10:00:00.000Z",
          lastReloadFailed: false,
          files: ["grants/feng-2-17.rule.json"],
          rules: [
            {
              id: "feng-2-17",
              file: "grants/feng-2-17.rule.json",
              instrument: "feng-2-17",
              weight: 10,
              priority: 1,
              reasons: {
                members: {
                  pass: { pl: "Klaster ma dość członków", en: "Enough members" },
                  fail: { pl: "Za mało członków", en: "Too few members" },
                },
              },
            },
          ],
        });
      }
      return json({ title: "Not Found", status: 404 }, 404);
    }),
  );
  return posted;
}

describe("rules page", () => {
  it("lists rules with their reasons and previews the impact of a candidate file", async () => {
    const posted = fakeRulesApi();
    renderAt("/rules");
    fireEvent.input(await screen.findByLabelText("Klucz administratora"), {
      target: { value: "kl_admin" },
    });
    fireEvent.click(screen.getByTestId("admin-key-submit"));
    const book = await screen.findByTestId("rulebook");
    await waitFor(() => expect(book.textContent).toContain("Klaster ma dość członków"));
    expect(book.textContent).toContain("Wersja v1");

    const textarea = screen.getByLabelText("Treść pliku reguły (JSON)");
    fireEvent.input(textarea, { target: { value: "{ nie json" } });
    fireEvent.click(screen.getByTestId("impact-submit"));
    expect((await screen.findByTestId("error-candidate-rule")).textContent).toContain(
      "To nie jest poprawny JSON",
    );
    expect(textarea.getAttribute("aria-invalid")).toBe("true");
    expect(posted).toHaveLength(0);

    fireEvent.input(screen.getByLabelText(/Ścieżka pliku/), {
      target: { value: "grants/feng-2-17.rule.json" },
    });
    fireEvent.input(textarea, { target: { value: '{"id":"feng-2-17"}' } });
    fireEvent.click(screen.getByTestId("impact-submit"));
    const report = await screen.findByTestId("impact-report");
    expect(posted[0]).toEqual({
      files: [{ file: "grants/feng-2-17.rule.json", rule: { id: "feng-2-17" } }],
      remove: [],
    });
    const row = within(report).getByRole("row", { name: /Klaster ICT/ });
    expect(row.textContent).toContain("feng-2-17");
    expect(row.textContent).toContain("Nie kwalifikuje się → Kwalifikuje się");
    // The condition that made the difference, from the API's causes.
    expect(row.textContent).toContain("(przez members: memberCount >= 15 → >= 10)");
    expect(within(report).getByTestId("impact-by-instrument").textContent).toContain(
      "feng-2-17 Rozwój oferty klastrów: zyskuje klastrów: 1",
    );
  });
});
