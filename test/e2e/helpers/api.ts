/**
 * @module
 * Direct calls to the running server for test setup (storing an assessment another user made),
 * so a browser test starts from a known state without clicking through someone else's session.
 */
import type { AssessmentInputRaw } from "@klastry/domain";

export async function storeAssessment(
  baseUrl: string,
  input: AssessmentInputRaw,
  visibility: "named" | "anonymous" | "private" = "private",
): Promise<{ id: string; clusterId: string; accessToken: string }> {
  const response = await fetch(`${baseUrl}/api/v1/assessments?lang=pl&visibility=${visibility}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(
      `POST /api/v1/assessments answered ${response.status}: ${await response.text()}`,
    );
  }
  return (await response.json()) as { id: string; clusterId: string; accessToken: string };
}

/**
 * Counts self-registered assessments in official figures the way a round's owner does: an admin
 * opens a national round ("E2E round", once per server) and accepts each one.
 */
export async function acceptAssessments(
  baseUrl: string,
  adminKey: string,
  ids: readonly string[],
): Promise<void> {
  const headers = { authorization: `Bearer ${adminKey}`, "content-type": "application/json" };
  const call = async (path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as unknown;
  };
  const { items } = (await call("/rounds")) as {
    items: { id: string; title: string; status: string }[];
  };
  const round =
    items.find((r) => r.title === "E2E round" && r.status === "open") ??
    ((await call("/rounds", {
      title: "E2E round",
      periodStart: "2026-01-01",
      periodEnd: "2030-12-31",
      scope: "national",
    })) as { id: string });
  for (const id of ids)
    await call(`/rounds/${round.id}/moderation/${id}`, { decision: "accepted" });
}
