import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAt } from "../testing/render-app.tsx";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The region API at the network boundary: key "kl_region14" opens region 14 only. */
function fakeRegionApi() {
  const seen: { url: string; authorization: string | null }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get("authorization");
      seen.push({ url, authorization });
      const page = { total: 0, page: 1, pageSize: 200 };
      if (url.startsWith("/api/v1/instruments"))
        return json({
          items: [],
          ...page,
          total: url.includes("level=eu") ? 4 : 2,
          statusOn: "2026-11-29",
        });
      if (!url.startsWith("/api/v1/regions/14/"))
        return json({ title: "Forbidden", status: 403 }, 403);
      if (authorization !== "Bearer kl_region14")
        return json({ title: "Unauthorized", status: 401 }, 401);
      if (url.includes("/clusters"))
        return json({
          region: "14",
          items: [
            { id: "ict-mazowsze", name: "Klaster ICT (fikcyjny)", region: "14", fictional: true },
          ],
          ...page,
          total: 1,
        });
      if (url.includes("/recommendations")) return json({ region: "14", items: [], ...page });
      if (url.includes("/needs"))
        return json({
          region: "14",
          clusters: 1,
          items: [
            {
              actor: "sme",
              function: "internationalisation",
              count: 5,
              byPriority: { 1: 5, 2: 0, 3: 0 },
            },
          ],
          ...page,
          total: 1,
        });
      if (url.includes("/coverage"))
        return json({
          region: "14",
          clusters: 1,
          statusOn: "2026-11-29",
          gaps: 1,
          items: [
            {
              actor: "sme",
              function: "internationalisation",
              count: 5,
              byPriority: { 1: 5, 2: 0, 3: 0 },
              covered: false,
              instruments: [],
            },
          ],
          ...page,
          total: 1,
        });
      if (url.includes("/public-tasks"))
        return json({ region: "14", clusters: 1, items: [], ...page });
      return json({ title: "Not Found", status: 404 }, 404);
    }),
  );
  return seen;
}

afterEach(() => vi.unstubAllGlobals());

describe("region dashboard", () => {
  it("asks for the key once, keeps it for the session and shows the region's needs and gaps", async () => {
    const seen = fakeRegionApi();
    const first = renderAt("/region");
    fireEvent.change(await screen.findByLabelText(/Województwo/), { target: { value: "14" } });
    fireEvent.input(screen.getByLabelText("Klucz API województwa"), {
      target: { value: "kl_region14" },
    });
    fireEvent.click(screen.getByTestId("region-key-submit"));

    const heat = await screen.findByTestId("needs-heat-map");
    expect(
      within(within(heat).getByRole("row", { name: /MŚP/ }))
        .getAllByRole("cell")
        .some((c) => c.textContent === "5"),
    ).toBe(true);
    expect(await screen.findByText("Klaster ICT (fikcyjny)")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId("region-coverage").textContent).toContain("Luka: brak instrumentu"),
    );
    expect(sessionStorage.getItem("klastry.regionKey")).toBe("kl_region14");
    expect(localStorage.getItem("klastry.regionKey")).toBeNull();
    expect(
      seen
        .filter((r) => r.url.startsWith("/api/v1/regions/"))
        .every((r) => r.authorization === "Bearer kl_region14"),
    ).toBe(true);

    // A new page in the same session does not ask again.
    first.unmount();
    renderAt("/region");
    expect(await screen.findByTestId("needs-heat-map")).toBeTruthy();
    expect(screen.queryByLabelText("Klucz API województwa")).toBeNull();
  });
});
