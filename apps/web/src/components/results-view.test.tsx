import { MemoryRouter, Route } from "@solidjs/router";
import { fireEvent, render, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { WIZARD_STORAGE_KEY, WizardProvider } from "../lib/wizard-store.tsx";
import { buildRecommendationSet } from "../testing/recommendations.ts";
import { ResultsView } from "./results-view.tsx";

function renderResults(set = buildRecommendationSet()) {
  return render(() => (
    <MemoryRouter root={(props) => <WizardProvider>{props.children}</WizardProvider>}>
      <Route path="/" component={() => <ResultsView set={set} answerable />} />
    </MemoryRouter>
  ));
}

describe("results grouping", () => {
  it("puts each instrument in its group: eligible, can't tell yet, near misses", async () => {
    renderResults();
    const eligible = await screen.findByTestId("results-eligible");
    const undecided = screen.getByTestId("results-undecided");
    const near = screen.getByTestId("results-near-misses");
    expect(within(eligible).getByText(/FENG 2\.17/)).toBeTruthy();
    expect(within(undecided).getByText("Internacjonalizacja KKK")).toBeTruthy();
    expect(within(near).getByText("Dotacja dla klastrów wzrostowych")).toBeTruthy();
    // A plain non-eligible instrument is counted, not listed.
    expect(screen.queryByText("Instrument zupełnie niepasujący")).toBeNull();
    expect(screen.getByText(/Pozostałe niepasujące instrumenty: 3/)).toBeTruthy();
  });

  it("shows a failed 'any of' line with its alternatives, each in the engine's words", async () => {
    const set = buildRecommendationSet();
    const near = set.recommendations.find((r) => r.nearMiss);
    if (near) {
      near.missing = [
        {
          ruleId: "regional-growth",
          condition: "status",
          text: "Jedno z: Klaster ma ważny status KKK; albo Klaster jest ponadregionalnym klastrem wzrostowym",
          fact: "kkkValidOnDate",
          operator: "any",
          lever: "actionable",
          alternatives: [
            {
              ruleId: "regional-growth",
              condition: "kkk",
              text: "Klaster nie ma ważnego statusu KKK",
              fact: "kkkValidOnDate",
              operator: "equal",
              lever: "actionable",
            },
          ],
        },
      ];
    }
    renderResults(set);
    const missing = within(
      await screen.findByTestId("recommendation-regional-growth-cluster-grant"),
    ).getByTestId("missing");
    expect(missing.textContent).toContain("Jedno z: Klaster ma ważny status KKK");
    expect(missing.textContent).toContain("Klaster nie ma ważnego statusu KKK");
  });

  it("gives reasons in words with the cluster's own value, and what is missing for near misses", async () => {
    renderResults();
    const card = await screen.findByTestId("recommendation-feng-2-17-rozwoj-oferty-klastrow");
    const reasons = within(card).getByTestId("reasons");
    expect(reasons.textContent).toBe("Klaster ma co najmniej 15 członków");
    const missing = within(
      screen.getByTestId("recommendation-regional-growth-cluster-grant"),
    ).getByTestId("missing");
    // The engine's text carries the values; the page adds nothing of its own.
    expect(missing.textContent).toBe("Klaster ma co najmniej 25 członków");
  });

  it("shows operator, level, forms, call status, deadline and the amount in Polish formats", async () => {
    renderResults();
    const card = await screen.findByTestId("recommendation-feng-2-17-rozwoj-oferty-klastrow");
    const text = card.textContent ?? "";
    expect(text).toContain("Polska Agencja Rozwoju Przedsiębiorczości");
    expect(text).toContain("Krajowy");
    expect(text).toContain("Dotacja");
    expect(text).toContain("Nabór otwarty");
    expect(text).toContain("15 grudnia 2026");
    expect(text).toMatch(/od 100\s000\szł do 2\s000\s000\szł/);
  });

  it("offers an inline answer to an open question that writes into the wizard's answers", async () => {
    renderResults();
    const undecided = await screen.findByTestId("results-undecided");
    const group = within(undecided).getByRole("group", {
      name: "Czy klaster ma status Krajowego Klastra Kluczowego?",
    });
    fireEvent.click(within(group).getAllByLabelText("Tak")[0] as HTMLElement);
    const stored = JSON.parse(localStorage.getItem(WIZARD_STORAGE_KEY) ?? "{}") as {
      answers: Record<string, string>;
    };
    expect(stored.answers["cluster.kkk.holds"]).toBe("yes");
  });
});
