/**
 * @module
 * A knowledge fixture of three FICTIONAL instruments (ids start with `demo-`) matching the example
 * rule files in `test-fixtures/rules`, so tests do not depend on the real catalogue.
 */
import { fileURLToPath } from "node:url";
import type { Instrument } from "@klastry/domain";
import { buildInstrument } from "@klastry/domain/testing";

/** Folder of the example rule files. */
export const FIXTURE_RULES_DIR = fileURLToPath(
  new URL("../../test-fixtures/rules", import.meta.url),
);

export function fixtureKnowledge(): { instruments: Instrument[] } {
  return {
    instruments: [
      buildInstrument({
        id: "demo-cluster-grant",
        shortName: { pl: "DEMO 1", en: "DEMO 1" },
        eligibleActors: ["coordinator"],
        functions: ["cluster_management", "promotion_branding"],
        availability: { calls: [{ opens: "2025-01-15", closes: "2025-04-30" }] },
      }),
      buildInstrument({
        id: "demo-export-voucher",
        forms: ["voucher"],
        eligibleActors: ["sme"],
        functions: ["internationalisation"],
        applicant: "member_firms",
        availability: {
          continuous: {
            from: "2024-01-01",
            until: "2030-12-31",
            note: { pl: "Oferta testowa.", en: "A test offer." },
            source: "https://example.org/instrument",
            confidence: "H",
          },
        },
      }),
      buildInstrument({
        id: "demo-eastern-loan",
        level: "regional",
        forms: ["loan"],
        regions: ["06", "18", "20", "26", "28", "14"],
        eligibleActors: ["coordinator", "sme"],
        functions: ["access_to_finance", "cluster_management"],
        availability: { calls: [{ opens: "2025-06-01", closes: "2025-09-30" }] },
      }),
    ],
  };
}
