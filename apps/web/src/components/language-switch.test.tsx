import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { renderAt } from "../testing/render-app.tsx";

describe("language switch", () => {
  it("starts in Polish and switches strings and <html lang> to English and back", async () => {
    renderAt("/assessment/1");
    expect(document.documentElement.lang).toBe("pl");
    expect(await screen.findByLabelText(/Nazwa klastra/)).toBeTruthy();
    expect(screen.getByText("Przejdź do treści")).toBeTruthy();

    fireEvent.click(screen.getByTestId("language-en"));
    // The English catalogue is a chunk of its own, loaded on the first switch.
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    expect(screen.getByText("Skip to content")).toBeTruthy();
    expect(screen.getByLabelText(/Cluster name/)).toBeTruthy();
    expect(screen.getByTestId("language-en").getAttribute("aria-pressed")).toBe("true");
    expect(localStorage.getItem("klastry.language")).toBe("en");

    fireEvent.click(screen.getByTestId("language-pl"));
    expect(document.documentElement.lang).toBe("pl");
    expect(screen.getByText("Przejdź do treści")).toBeTruthy();
  });

  it("words validation messages in the chosen language", async () => {
    renderAt("/assessment/1");
    fireEvent.click(screen.getByTestId("language-en"));
    const year = await screen.findByLabelText("Year founded");
    fireEvent.input(year, { target: { value: "2200" } });
    expect((await screen.findByTestId("error-cluster-foundedYear")).textContent).toContain(
      "The largest allowed value is 2100",
    );
  });
});
