import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAt } from "../testing/render-app.tsx";
import { fakeFetch } from "../testing/fake-fetch.ts";

afterEach(() => vi.unstubAllGlobals());

const instrument = (id: string) => ({
  id,
  kind: "measure",
  name: { pl: `Instrument ${id}`, en: `Instrument ${id} (en)` },
  description: { pl: "Opis", en: "Description" },
  operator: { pl: "PARP", en: "PARP" },
  level: "national",
  regions: ["14"],
  fundingSources: ["erdf"],
  forms: ["grant"],
  eligibleActors: ["coordinator"],
  functions: ["cluster_management"],
  prerequisites: [],
  clusterSpecific: true,
  callWindows: [],
  confidence: "H",
  sources: [{ url: "https://example.org" }],
  lastVerified: "2026-10-01",
  callStatus: { status: "open", deadline: "2026-12-31" },
});

describe("catalogue", () => {
  it("sends the URL's filters to the API, and pages through the results", async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      "fetch",
      fakeFetch((url) => {
        urls.push(url);
        const page = Number(new URL(url, "http://x").searchParams.get("page"));
        const items = Array.from({ length: page === 2 ? 5 : 20 }, (_, i) =>
          instrument(`i-${page}-${i}`),
        );
        return new Response(
          JSON.stringify({ items, total: 25, page, pageSize: 20, statusOn: "2026-11-29" }),
          {
            status: 200,
            headers: { "content-type": "application/json" },
          },
        );
      }),
    );
    renderAt("/instruments?level=national");
    expect((await screen.findByTestId("catalogue-total")).textContent).toBe(
      "Znalezione instrumenty: 25",
    );
    const first = new URL(urls[0] ?? "", "http://x").searchParams;
    expect(first.get("level")).toBe("national");
    expect(first.get("pageSize")).toBe("20");
    expect(within(screen.getByTestId("instrument-list")).getAllByRole("listitem")).toHaveLength(20);
    expect(screen.getAllByText(/Nabór otwarty/).length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText("Województwo"), { target: { value: "14" } });
    await waitFor(() =>
      expect(urls.some((u) => u.includes("region=14") && u.includes("level=national"))).toBe(true),
    );

    fireEvent.click(screen.getByRole("button", { name: "Następna" }));
    await waitFor(() =>
      expect(within(screen.getByTestId("instrument-list")).getAllByRole("listitem")).toHaveLength(
        5,
      ),
    );
    expect(screen.getByText("Strona 2 z 2")).toBeTruthy();
  });
});
