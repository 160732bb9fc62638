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

describe("results", () => {
  it("starts with a summary of what to do next and says how the list is ordered", async () => {
    renderResults();
    const summary = await screen.findByTestId("results-summary");
    // FENG 2.17 is eligible with an open call; one question settles the KKK instrument.
    expect(within(summary).getByTestId("summary-line").textContent).toBe(
      "Możesz teraz złożyć wniosek do 1 instrumentu; odpowiedz na 1 pytanie, by rozstrzygnąć 1 instrument.",
    );
    expect(within(summary).getByTestId("results-order").textContent).toMatch(/^Kolejność:/);
    // Something fitting is open today: no "nothing is open" line.
    expect(within(summary).queryByTestId("summary-nothing-open")).toBeNull();
  });

  it("says in one line when nothing is open, what is expected next and what closed last", async () => {
    const set = buildRecommendationSet();
    for (const r of set.recommendations)
      if (r.availability.status === "open")
        r.availability = { status: "unknown", basis: "Brak dat w źródłach" };
    renderResults(set);
    const line = await screen.findByTestId("summary-nothing-open");
    expect(line.textContent).toContain("Żaden nabór pasującego instrumentu nie jest dziś otwarty.");
    expect(line.textContent).not.toContain("Dotacja dla klastrów wzrostowych"); // a near miss
    expect(line.textContent).toContain("Ostatnio zamknięty: Bon zamknięty, 30 czerwca 2026.");
  });

  it("groups instruments by who applies, says how many members may apply, and lists no plain misfit", async () => {
    renderResults();
    const coordinator = await screen.findByTestId("group-coordinator");
    const firms = screen.getByTestId("group-member_firms");
    expect(within(coordinator).getByRole("heading", { level: 2 }).textContent).toBe(
      "Koordynator w imieniu klastra (2)",
    );
    expect(within(coordinator).getByText(/FENG 2\.17/)).toBeTruthy();
    expect(within(coordinator).getByText("Internacjonalizacja KKK")).toBeTruthy();
    const near = within(firms).getByTestId("recommendation-regional-growth-cluster-grant");
    expect(within(near).getByTestId("verdict").textContent).toBe("Prawie pasuje");
    expect(within(near).getByTestId("applicant").textContent).toBe(
      "Firmy członkowskie – z Twoich członków może: 12 członków",
    );
    expect(screen.queryByText("Instrument zupełnie niepasujący")).toBeNull();
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

  it("gives reasons in the engine's words, collapsed until asked for, and what is missing in the open", async () => {
    renderResults();
    const card = await screen.findByTestId("recommendation-feng-2-17-rozwoj-oferty-klastrow");
    const toggle = within(card).getByRole("button", { name: "Dlaczego pasuje (1)" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    const reasons = within(card).getByTestId("reasons");
    expect(reasons.closest(".collapsed")).not.toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(reasons.closest(".collapsed")).toBeNull();
    expect(reasons.textContent).toBe("Klaster ma co najmniej 15 członków");
    const missing = within(
      screen.getByTestId("recommendation-regional-growth-cluster-grant"),
    ).getByTestId("missing");
    // The engine's text carries the values; the page adds nothing of its own.
    expect(missing.textContent).toBe("Klaster ma co najmniej 25 członków");
  });

  it("shows the status with its dates and basis, the amount apart from the call budget, links, confidence and the check date", async () => {
    renderResults();
    const card = await screen.findByTestId("recommendation-feng-2-17-rozwoj-oferty-klastrow");
    expect(within(card).getByTestId("status").textContent).toBe("Nabór otwarty");
    expect(within(card).getByTestId("when").textContent).toBe("do 15 grudnia 2026, zostało 16 dni");
    expect(within(card).getByTestId("basis").textContent).toBe("Nabór trwa: 01.11–15.12.2026");
    const text = card.textContent ?? "";
    expect(text).toContain("Polska Agencja Rozwoju Przedsiębiorczości");
    expect(text).toMatch(/od 100\s000\szł do 2\s000\s000\szł/);
    expect(within(card).getByTestId("official-page").getAttribute("href")).toBe(
      "https://example.org/klastry-test-source",
    );
    expect(within(card).getByTestId("provenance").textContent).toBe(
      "Pewność informacji: Wysoka (źródło oficjalne) · sprawdzono 29 listopada 2026",
    );
    const near = screen.getByTestId("recommendation-regional-growth-cluster-grant");
    expect(within(near).getByTestId("when").textContent).toBe("otwarcie 1 lutego 2027");
    expect(within(near).getByTestId("call-page").getAttribute("href")).toBe(
      "https://example.org/nabor-2027",
    );
    expect(within(near).getByTestId("official-page").getAttribute("href")).toBe(
      "https://example.org/dotacja-klastry",
    );
    expect(within(near).getByTestId("call-budget").textContent).toMatch(/20\s000\s000\szł/);
  });

  it("keeps instruments that only fund needs not marked apart, collapsed", async () => {
    renderResults();
    const also = await screen.findByTestId("also-funds");
    const toggle = within(also).getByRole("button", {
      name: "Finansują też potrzeby, których nie zaznaczono (1)",
    });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(also.textContent).toContain("Zielona pożyczka");
  });

  it("offers an inline answer to an open question that writes into the wizard's answers", async () => {
    renderResults();
    const card = await screen.findByTestId("recommendation-kkk-internationalisation");
    const group = within(card).getByRole("group", {
      name: "Czy klaster ma status Krajowego Klastra Kluczowego?",
    });
    fireEvent.click(within(group).getAllByLabelText("Tak")[0] as HTMLElement);
    const stored = JSON.parse(localStorage.getItem(WIZARD_STORAGE_KEY) ?? "{}") as {
      answers: Record<string, string>;
    };
    expect(stored.answers["cluster.kkk.holds"]).toBe("yes");
  });
});
