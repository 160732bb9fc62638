import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { renderAt } from "../testing/render-app.tsx";

describe("page frame", () => {
  it("has a skip link that moves keyboard focus to the main content", async () => {
    renderAt("/");
    await screen.findByRole("heading", { level: 1 });
    const skip = screen.getByRole("link", { name: "Przejdź do treści" });
    fireEvent.click(skip);
    expect(document.activeElement?.id).toBe("main");
  });

  it("names every page in the title, in the page's language", async () => {
    renderAt("/");
    await screen.findByRole("heading", { level: 1 });
    expect(document.title).toBe("Wsparcie publiczne dla Twojego klastra · Klastry");
    fireEvent.click(screen.getByTestId("language-en"));
    // The English catalogue loads on the first switch.
    await waitFor(() => expect(document.title).toBe("Public support for your cluster · Klastry"));
  });

  it("moves focus to the new content after a client-side navigation", async () => {
    renderAt("/");
    await screen.findByRole("heading", { level: 1 });
    const link = screen.getByTestId("start-assessment");
    link.focus();
    fireEvent.click(link);
    await screen.findByTestId("wizard-step-1");
    // The frame focuses <main>; the wizard then starts at its step, so Tab reaches the first question.
    await waitFor(() => expect(document.activeElement?.id).toBe("wizard-step-heading"));
  });
});
