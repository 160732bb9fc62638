/**
 * @module
 * The needs-survey routes: rounds and their invitations and moderation (`rounds.ts`), the
 * national picture (`national.ts`) and a round's report (`report.ts`).
 */
import type { RouteDeps } from "../../deps.ts";
import { ApiError } from "../../problems/api-error.ts";
import { createRouter } from "../router.ts";
import {
  closeRoundRoute,
  createRoundRoute,
  decideModerationRoute,
  getInvitationRoute,
  getRoundRoute,
  importInvitationsRoute,
  listInvitationsRoute,
  listModerationRoute,
  listRoundsRoute,
  nationalRoute,
  reportCsvRoute,
  reportRoute,
  reportXlsxRoute,
} from "./contracts.ts";

const pending = (): never => {
  throw new ApiError("DATABASE_UNAVAILABLE", "the survey routes are being built");
};

export function surveyRoutes(
  _deps: Pick<RouteDeps, "db" | "rulebookStore" | "keys" | "knowledge">,
) {
  return createRouter()
    .openapi(createRoundRoute, pending)
    .openapi(listRoundsRoute, pending)
    .openapi(getRoundRoute, pending)
    .openapi(closeRoundRoute, pending)
    .openapi(importInvitationsRoute, pending)
    .openapi(listInvitationsRoute, pending)
    .openapi(listModerationRoute, pending)
    .openapi(decideModerationRoute, pending)
    .openapi(getInvitationRoute, pending)
    .openapi(nationalRoute, pending)
    .openapi(reportRoute, pending)
    .openapi(reportCsvRoute, pending)
    .openapi(reportXlsxRoute, pending);
}
