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
