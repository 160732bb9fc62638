/**
 * @module
 * The needs-survey routes: rounds and their invitations and moderation (`rounds.ts`), the
 * national picture (`national.ts`) and a round's report (`report.ts`).
 */
import type { RouteDeps } from "../../deps.ts";
import { createRouter } from "../router.ts";
import { nationalRoutes } from "./national.ts";
import { reportRoutes } from "./report.ts";
import { roundRoutes } from "./rounds.ts";

export function surveyRoutes(deps: Pick<RouteDeps, "db" | "rulebookStore" | "keys" | "knowledge">) {
  return createRouter()
    .route("/", roundRoutes(deps))
    .route("/", nationalRoutes(deps))
    .route("/", reportRoutes(deps));
}
