import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WIZARD_STORAGE_KEY } from "../lib/wizard-store.tsx";
import { buildRecommendationSet } from "../testing/recommendations.ts";
import { renderAt } from "../testing/render-app.tsx";
import { fakeFetch, jsonBodyOf } from "../testing/fake-fetch.ts";

/** A stand-in for the API at the network boundary: KKK known -> eligible, unknown -> undecided. */
function fakeApi() {
  const bodies: unknown[] = [];
  const fetchStub = fakeFetch((url, init) => {
    if (url.startsWith("/api/v1/recommendations")) {
      const body = jsonBodyOf(init) as { cluster: { kkk?: { holds: boolean } } };
      bodies.push(body);
      const set = buildRecommendationSet({ kkkKnown: body.cluster.kkk?.holds === true });
      return new Response(JSON.stringify(set), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }
    if (url.startsWith("/api/v1/funding-sources")) {
      return new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 200 }), {
        status: 200,
      });
    }
    return new Response(JSON.stringify({ title: "Not Found", status: 404 }), { status: 404 });
  });
  vi.stubGlobal("fetch", fetchStub);
  return { bodies };
}

afterEach(() => vi.unstubAllGlobals());

describe("results page", () => {
  it("re-evaluates in place when an open question is answered inline, keeps focus on the card and says where it went", async () => {
    localStorage.setItem(
      WIZARD_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        answers: {
          "cluster.name": "Klaster Testowy (fikcyjny)",
          "cluster.region": "24",
          "profile.members.sme": "20",
        },
        needs: { coordinator: { cluster_management: "1" } },
        publicTasks: {},
        saved: [],
      }),
    );
    const { bodies } = fakeApi();
    renderAt("/assessment/results");
    // A draft stored by the first version of the wizard (a priority per actor) still opens.
    const card = await screen.findByTestId("recommendation-kkk-internationalisation");
    expect(within(card).getByTestId("verdict").textContent).toBe("Nie wiadomo jeszcze");
    // Unanswered questions are absent from what is sent, not false.
    expect((bodies[0] as { cluster: Record<string, unknown> }).cluster).not.toHaveProperty("kkk");
    expect((bodies[0] as { needs: unknown }).needs).toEqual([
      { actor: "coordinator", function: "cluster_management", priority: 1 },
    ]);

    const question = within(card).getByRole("group", {
      name: "Czy klaster ma status Krajowego Klastra Kluczowego?",
    });
    const yes = within(question).getAllByLabelText("Tak")[0] as HTMLInputElement;
    yes.focus();
    fireEvent.click(yes);

    await waitFor(() =>
      expect(
        within(screen.getByTestId("recommendation-kkk-internationalisation")).getByTestId("verdict")
          .textContent,
      ).toBe("Kwalifikuje się"),
    );
    expect(bodies).toHaveLength(2);
    expect((bodies[1] as { cluster: { kkk: unknown } }).cluster.kkk).toEqual({ holds: true });
    await waitFor(() =>
      expect(screen.getByTestId("results-announcement").textContent).toBe(
        "Internacjonalizacja KKK: teraz „Kwalifikuje się”, w grupie „Koordynator w imieniu klastra”, pozycja 2 z 2.",
      ),
    );
    // The question is gone with its radios: the card's heading holds the focus.
    await waitFor(() => expect(document.activeElement?.id).toBe("card-kkk-internationalisation"));
  });

  it("says which answers to fix instead of evaluating an invalid survey", async () => {
    localStorage.setItem(
      WIZARD_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        answers: { "cluster.region": "24" },
        needs: {},
        publicTasks: {},
        saved: [],
      }),
    );
    const { bodies } = fakeApi();
    renderAt("/assessment/results");
    const notice = await screen.findByTestId("results-invalid");
    expect(notice.textContent).toContain("Nazwa klastra");
    expect(notice.textContent).toContain("Wpisz nazwę klastra.");
    expect(bodies).toHaveLength(0);
  });

  it("places the API's issues at the question they name, with a link to its step", async () => {
    localStorage.setItem(
      WIZARD_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        answers: { "cluster.name": "Klaster (fikcyjny)", "cluster.region": "24" },
        needs: {},
        publicTasks: {},
        saved: [],
      }),
    );
    vi.stubGlobal(
      "fetch",
      fakeFetch(
        () =>
          new Response(
            JSON.stringify({
              type: "about:blank",
              title: "Bad Request",
              status: 400,
              issues: [
                { path: "cluster.name", pointer: "/cluster/name", message: "nazwa jest zajęta" },
              ],
            }),
            { status: 400, headers: { "content-type": "application/problem+json" } },
          ),
      ),
    );
    renderAt("/assessment/results");
    const error = await screen.findByTestId("error");
    const link = within(error).getByRole("link", { name: /Klaster – Nazwa klastra/ });
    expect(link.getAttribute("href")).toBe("/assessment/1");
    expect(error.textContent).toContain("nazwa jest zajęta");
  });
});
