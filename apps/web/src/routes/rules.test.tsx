import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderAt } from "../testing/render-app.tsx";
import { fakeFetch, jsonBodyOf } from "../testing/fake-fetch.ts";

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const RULE_TEXT = `${JSON.stringify({ id: "feng-2-17", instrument: "feng-2-17", weight: 10 }, null, 2)}\n`;

const REPORT = {
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
          instrumentName: { pl: "Rozwój oferty klastrów", en: "Cluster offer development" },
          before: "not_eligible",
          after: "eligible",
          nearMissBefore: false,
          nearMissAfter: false,
          standingBefore: "not_eligible",
          standingAfter: "eligible",
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
  changedInstruments: ["feng-2-17"],
  byInstrument: [
    {
      instrumentId: "feng-2-17",
      instrumentName: { pl: "Rozwój oferty klastrów", en: "Cluster offer development" },
      gained: 1,
      lost: 0,
    },
  ],
  rules: [
    {
      ruleId: "feng-2-17",
      instrumentId: "feng-2-17",
      change: "changed",
      file: { before: "grants/feng-2-17.rule.json", after: "grants/feng-2-17.rule.json" },
      fields: [],
      conditions: [
        {
          condition: "members",
          change: "changed",
          before: "memberCount >= 15",
          after: "memberCount >= 10",
        },
      ],
      conditionText: [],
      reasonsChanged: false,
      descriptionChanged: false,
    },
  ],
  summary: {
    rulesAdded: 0,
    rulesRemoved: 0,
    rulesChanged: 1,
    instrumentsChanged: 1,
    clustersChanged: 1,
    clustersGaining: 1,
    clustersLosing: 0,
    changed: true,
  },
};

function fakeRulesApi(report: unknown = REPORT) {
  const posted: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    "fetch",
    fakeFetch((url, init) => {
      if (url.startsWith("/api/v1/instruments/"))
        return json({ title: "Not Found", status: 404 }, 404);
      if (new Headers(init?.headers).get("authorization") !== "Bearer kl_admin")
        return json({ title: "Unauthorized", status: 401 }, 401);
      if (url.startsWith("/api/v1/rules/impact")) {
        posted.push({ url, body: jsonBodyOf(init) });
        return json(report);
      }
      if (url.startsWith("/api/v1/rules/feng-2-17/file"))
        return json({ id: "feng-2-17", file: "grants/feng-2-17.rule.json", text: RULE_TEXT });
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

async function signIn() {
  renderAt("/rules");
  fireEvent.input(await screen.findByLabelText("Klucz administratora"), {
    target: { value: "kl_admin" },
  });
  fireEvent.click(screen.getByTestId("admin-key-submit"));
  const book = await screen.findByTestId("rulebook");
  await waitFor(() => expect(book.textContent).toContain("Klaster ma dość członków"));
  return book;
}

/** The candidate's text, whichever editor shows it (CodeMirror, or the text area before it). */
function editorText(): string {
  const area = document.querySelector<HTMLTextAreaElement>("textarea#candidate-rule");
  return area?.value ?? document.querySelector(".cm-content")?.textContent ?? "";
}

function upload(text: string, name: string) {
  const input = screen.getByLabelText<HTMLInputElement>("Wczytaj plik reguły (.json)");
  Object.defineProperty(input, "files", {
    configurable: true,
    value: [new File([text], name, { type: "application/json" })],
  });
  fireEvent.change(input);
}

describe("rules page", () => {
  it("opens a rule of the rulebook with its real path, previews its impact by name and says what made the difference", async () => {
    const posted = fakeRulesApi();
    const book = await signIn();
    expect(book.textContent).toContain("Wersja v1");
    fireEvent.click(within(book).getByTestId("edit-rule-feng-2-17"));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>(/Ścieżka pliku/).value).toBe(
        "grants/feng-2-17.rule.json",
      ),
    );
    await waitFor(() => expect(editorText()).toContain('"feng-2-17"'));
    expect(screen.getByTestId("download-path").textContent).toContain(
      "rules/grants/feng-2-17.rule.json",
    );

    fireEvent.click(screen.getByTestId("impact-submit"));
    const report = await screen.findByTestId("impact-report");
    expect(posted[0]?.body).toEqual({
      files: [{ file: "grants/feng-2-17.rule.json", rule: JSON.parse(RULE_TEXT) as unknown }],
      remove: [],
    });
    expect(within(report).getByTestId("impact-summary").textContent).toContain(
      "Zmienia się 1 instrument; zyskuje 1 klaster, traci 0 klastrów.",
    );
    expect(within(report).getByTestId("impact-summary").textContent).toContain(
      "Sprawdzono 5 klastrów",
    );
    const row = within(report).getByRole("row", { name: /Klaster ICT/ });
    // Instruments by name, not id.
    expect(row.textContent).toContain("Rozwój oferty klastrów");
    expect(row.textContent).not.toContain("feng-2-17,");
    expect(row.textContent).toContain("Nie kwalifikuje się → Kwalifikuje się");
    // The condition that made the difference, from the API's causes.
    expect(row.textContent).toContain("(przez members: memberCount >= 15 → >= 10)");
    expect(within(report).getByTestId("impact-rules").textContent).toContain(
      "members: memberCount >= 15 → memberCount >= 10",
    );
  });

  it("keeps the real path of an uploaded rule instead of candidate/<name>", async () => {
    const posted = fakeRulesApi();
    await signIn();
    upload(RULE_TEXT, "feng-2-17.rule.json");
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>(/Ścieżka pliku/).value).toBe(
        "grants/feng-2-17.rule.json",
      ),
    );
    fireEvent.click(screen.getByTestId("impact-submit"));
    await screen.findByTestId("impact-report");
    expect((posted[0]?.body as { files: { file: string }[] }).files[0]?.file).toBe(
      "grants/feng-2-17.rule.json",
    );
  });

  it("refuses text that is not JSON beside the editor, and says why nothing changed when nothing did", async () => {
    const posted = fakeRulesApi({
      ...REPORT,
      items: [],
      total: 0,
      byInstrument: [],
      rules: [],
      summary: {
        ...REPORT.summary,
        rulesChanged: 0,
        instrumentsChanged: 0,
        clustersChanged: 0,
        clustersGaining: 0,
        changed: false,
      },
    });
    await signIn();
    upload("{ nie json", "zepsuta.rule.json");
    await waitFor(() => expect(editorText()).toContain("nie json"));
    fireEvent.click(screen.getByTestId("impact-submit"));
    expect((await screen.findByTestId("error-candidate-rule")).textContent).toContain(
      "To nie jest poprawny JSON",
    );
    expect(posted).toHaveLength(0);

    upload(RULE_TEXT, "feng-2-17.rule.json");
    await waitFor(() => expect(editorText()).toContain('"feng-2-17"'));
    fireEvent.click(screen.getByTestId("impact-submit"));
    const why = await screen.findByTestId("impact-why");
    expect(why.textContent).toContain("Plik kandydata jest taki sam jak plik w zbiorze reguł.");
  });
});
