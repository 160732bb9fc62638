import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { WIZARD_STORAGE_KEY } from "../lib/wizard-store.tsx";
import { renderAt } from "../testing/render-app.tsx";

function type(element: HTMLElement, value: string) {
  fireEvent.input(element, { target: { value } });
}

describe("self-assessment wizard", () => {
  it("shows a Polish message beside a field typed out of range, tied with aria-describedby", async () => {
    renderAt("/assessment/1");
    const year = await screen.findByLabelText("Rok założenia");
    type(year, "1800");
    const message = await screen.findByTestId("error-cluster-foundedYear");
    expect(message.textContent).toContain("Najmniejsza dozwolona wartość to 1950");
    expect(year.getAttribute("aria-invalid")).toBe("true");
    expect(year.getAttribute("aria-describedby")).toContain(message.id);
    // The message sits in the field's own wrapper, right after the input.
    expect(year.parentElement?.contains(message)).toBe(true);
  });

  it("refuses to leave step 1 without a name and says so beside the field", async () => {
    renderAt("/assessment/1");
    fireEvent.click(await screen.findByTestId("wizard-next"));
    const message = await screen.findByTestId("error-cluster-name");
    expect(message.textContent).toContain("Wpisz nazwę klastra.");
    expect(screen.getByTestId("wizard-step-1")).toBeTruthy();
    expect(document.activeElement?.id).toBe("cluster-name");
  });

  it("shows text that is not a number back with a message instead of dropping it", async () => {
    renderAt("/assessment/2");
    const sme = await screen.findByLabelText(/MŚP/);
    type(sme, "12a");
    expect((await screen.findByTestId("error-profile-members-sme")).textContent).toContain(
      "Wpisz liczbę",
    );
    expect((sme as HTMLInputElement).value).toBe("12a");
  });

  it("keeps answers when moving between steps", async () => {
    const { history } = renderAt("/assessment/1");
    type(await screen.findByLabelText(/Nazwa klastra/), "Klaster Próbny (fikcyjny)");
    fireEvent.change(screen.getByLabelText(/Województwo/), { target: { value: "24" } });
    fireEvent.click(screen.getByTestId("wizard-next"));
    await screen.findByTestId("wizard-step-2");
    expect(screen.getByTestId("wizard-progress").textContent).toBe("Krok 2 z 5");
    expect(screen.getByTestId("wizard-step-link-2").getAttribute("aria-current")).toBe("step");
    type(screen.getByLabelText(/MŚP/), "40");
    fireEvent.click(screen.getByTestId("wizard-back"));
    await screen.findByTestId("wizard-step-1");
    expect(screen.getByLabelText<HTMLInputElement>(/Nazwa klastra/).value).toBe(
      "Klaster Próbny (fikcyjny)",
    );
    history.set({ value: "/assessment/2" });
    await screen.findByTestId("wizard-step-2");
    expect(screen.getByLabelText<HTMLInputElement>(/MŚP/).value).toBe("40");
  });

  it("keeps answers across a remount through localStorage", async () => {
    const first = renderAt("/assessment/1");
    type(await screen.findByLabelText(/Nazwa klastra/), "Klaster Pamięci (fikcyjny)");
    await waitFor(() =>
      expect(localStorage.getItem(WIZARD_STORAGE_KEY)).toContain("Klaster Pamięci"),
    );
    first.unmount();
    renderAt("/assessment/1");
    expect((await screen.findByLabelText<HTMLInputElement>(/Nazwa klastra/)).value).toBe(
      "Klaster Pamięci (fikcyjny)",
    );
  });

  it("leaves unanswered questions out instead of storing false or 0", async () => {
    renderAt("/assessment/1");
    type(await screen.findByLabelText(/Nazwa klastra/), "Klaster (fikcyjny)");
    await waitFor(() =>
      expect(localStorage.getItem(WIZARD_STORAGE_KEY)).toContain("Klaster (fikcyjny)"),
    );
    const stored = JSON.parse(localStorage.getItem(WIZARD_STORAGE_KEY) ?? "{}") as {
      answers: Record<string, string>;
    };
    expect(Object.keys(stored.answers)).toEqual(["cluster.name"]);
  });

  it("asks about the Warsaw capital region only for mazowieckie", async () => {
    renderAt("/assessment/1");
    const region = await screen.findByLabelText(/Województwo/);
    expect(screen.queryByText(/regionie warszawskim stołecznym/)).toBeNull();
    fireEvent.change(region, { target: { value: "14" } });
    expect(await screen.findByText(/regionie warszawskim stołecznym/)).toBeTruthy();
  });

  it("starts over on request, clearing answers but keeping saved private tokens", async () => {
    localStorage.setItem(
      WIZARD_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        answers: { "cluster.name": "Stary Klaster (fikcyjny)" },
        needs: {},
        publicTasks: {},
        clusterId: "stary-klaster",
        saved: [
          {
            assessmentId: "a1",
            clusterId: "stary-klaster",
            token: "kt_x",
            savedAt: "2026-11-01T00:00:00Z",
          },
        ],
      }),
    );
    vi.stubGlobal("confirm", () => true);
    renderAt("/assessment/1");
    expect((await screen.findByLabelText<HTMLInputElement>(/Nazwa klastra/)).value).toBe(
      "Stary Klaster (fikcyjny)",
    );
    fireEvent.click(screen.getByTestId("wizard-reset"));
    expect(screen.getByLabelText<HTMLInputElement>(/Nazwa klastra/).value).toBe("");
    await waitFor(() => {
      const stored = JSON.parse(localStorage.getItem(WIZARD_STORAGE_KEY) ?? "{}") as {
        answers: object;
        clusterId?: string;
        saved: unknown[];
      };
      expect(stored.answers).toEqual({});
      expect(stored.clusterId).toBeUndefined();
      expect(stored.saved).toHaveLength(1);
    });
    vi.unstubAllGlobals();
  });
});
