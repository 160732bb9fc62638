import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAt } from "../testing/render-app.tsx";
import { fakeFetch } from "../testing/fake-fetch.ts";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The region API at the network boundary: key "kl_region14" is for region 14 and opens it only. */
function fakeRegionApi() {
  const seen: { url: string; authorization: string | null }[] = [];
  vi.stubGlobal(
    "fetch",
    fakeFetch((url, init) => {
      const authorization = new Headers(init?.headers).get("authorization");
      seen.push({ url, authorization });
      const page = { total: 0, page: 1, pageSize: 200 };
      if (url.startsWith("/api/v1/keys/me"))
        return authorization === "Bearer kl_region14"
          ? json({
              role: "region",
              region: "14",
              regionName: { pl: "mazowieckie", en: "Masovian" },
            })
          : json({ title: "Unauthorized", status: 401 }, 401);
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
              coveredClusters: 0,
              uncoveredClusters: 1,
              instruments: [],
              mayFund: [
                {
                  id: "fe-mazowsze",
                  name: "FE dla Mazowsza",
                  callStatus: "programme_running",
                  clusters: 1,
                },
              ],
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
  it("asks for the key once, opens the key's own region and shows its figures, needs and gaps", async () => {
    const seen = fakeRegionApi();
    const first = renderAt("/region");
    fireEvent.input(await screen.findByLabelText("Klucz API województwa"), {
      target: { value: "kl_region14" },
    });
    fireEvent.click(screen.getByTestId("region-key-submit"));

    // The key says its region: /region opens /region/14.
    await screen.findByRole("heading", { level: 1, name: "Pulpit regionu: mazowieckie" });
    const heat = await screen.findByTestId("heat-table");
    expect(
      within(within(heat).getByRole("row", { name: /Umiędzynarodowienie/ }))
        .getAllByRole("cell")
        .some((c) => c.textContent === "5"),
    ).toBe(true);
    expect(await screen.findByText("Klaster ICT (fikcyjny)")).toBeTruthy();
    const headline = await screen.findByTestId("region-headline");
    expect(within(headline).getByTestId("figure-clusters").textContent).toContain("1");
    expect(within(headline).getByTestId("figure-unmet").textContent).toContain(
      "MŚP (mikro, małe i średnie przedsiębiorstwa) – Umiędzynarodowienie i eksport",
    );
    await waitFor(() =>
      expect(screen.getByTestId("gaps").textContent).toContain("FE dla Mazowsza"),
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
    renderAt("/region/14");
    expect(await screen.findByTestId("heat-table")).toBeTruthy();
    expect(screen.queryByLabelText("Klucz API województwa")).toBeNull();
  });

  it("tells a key of another region which region it is for, links there and offers no data or export", async () => {
    const seen = fakeRegionApi();
    sessionStorage.setItem("klastry.regionKey", "kl_region14");
    renderAt("/region/06");
    const wrong = await screen.findByTestId("wrong-key");
    expect(wrong.textContent).toContain("Twój klucz daje dostęp do danych województwa mazowieckie");
    expect(within(wrong).getByTestId("wrong-key-link").getAttribute("href")).toBe("/region/14");
    expect(screen.queryByTestId("csv-clusters")).toBeNull();
    expect(seen.some((r) => r.url.startsWith("/api/v1/regions/06"))).toBe(false);
  });
});
