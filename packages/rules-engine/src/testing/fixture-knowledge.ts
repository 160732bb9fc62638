/**
 * @module
 * A knowledge fixture of three FICTIONAL instruments (ids start with `demo-`) matching the example
 * rule files in `test-fixtures/rules`, so tests do not depend on the real catalogue.
 */
import { fileURLToPath } from "node:url";
import type { Instrument } from "@klastry/domain";
import { buildInstrument } from "./index.ts";

/** Folder of the example rule files. */
export const FIXTURE_RULES_DIR = fileURLToPath(
  new URL("../../test-fixtures/rules", import.meta.url),
);

export function fixtureKnowledge(): { instruments: Instrument[] } {
  return {
    instruments: [
      buildInstrument({
        id: "demo-cluster-grant",
        shortName: "DEMO 1",
        eligibleActors: ["coordinator"],
        functions: ["cluster_management", "promotion_branding"],
        callWindows: [{ opens: "2025-01-15", closes: "2025-04-30" }],
      }),
      buildInstrument({
        id: "demo-export-voucher",
        forms: ["voucher"],
        eligibleActors: ["sme"],
        functions: ["internationalisation"],
        callWindows: [{ opens: "2024-01-01" }],
      }),
      buildInstrument({
        id: "demo-eastern-loan",
        level: "regional",
        forms: ["loan"],
        regions: ["06", "18", "20", "26", "28", "14"],
        eligibleActors: ["coordinator", "sme"],
        functions: ["access_to_finance", "cluster_management"],
        callWindows: [{ opens: "2025-06-01", closes: "2025-09-30" }],
      }),
    ],
  };
}
