import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "./load-knowledge-base.ts";
import { KnowledgeBaseError, type KnowledgeIssue } from "./errors.ts";
import { rawFundingSource, rawInstrument, rawSampleCluster } from "@klastry/domain/testing";
import { rawPublicTasks, writeKnowledgeFixture } from "./testing/index.ts";

/** Loads a fixture that must fail and returns the error. */
function failure(overrides: Parameters<typeof writeKnowledgeFixture>[1]): KnowledgeBaseError {
  const dir = writeKnowledgeFixture(undefined, overrides);
  try {
    loadKnowledgeBase({ dir });
  } catch (error) {
    if (error instanceof KnowledgeBaseError) return error;
    throw error;
  }
  throw new Error("expected loadKnowledgeBase to throw");
}

function only(error: KnowledgeBaseError, code: KnowledgeIssue["code"]): KnowledgeIssue[] {
  return error.issues.filter((issue) => issue.code === code);
}

describe("loadKnowledgeBase", () => {
  it("loads a valid tree and sorts every list by id", () => {
    const dir = writeKnowledgeFixture(undefined, {
      instruments: [rawInstrument({ id: "zeta" }), rawInstrument({ id: "alpha", level: "eu" })],
      sampleClusters: [
        rawSampleCluster({ id: "b-cluster" }),
        rawSampleCluster({ id: "a-cluster" }),
      ],
    });
    const kb = loadKnowledgeBase({ dir });
    expect(kb.instruments.map((x) => x.id)).toEqual(["alpha", "zeta"]);
    expect(kb.sampleClusters.map((x) => x.id)).toEqual(["a-cluster", "b-cluster"]);
    expect(kb.fundingSources.map((x) => x.id)).toEqual(["test-erdf"]);
    expect(kb.publicTasks.map((x) => x.code)).toEqual(
      [...kb.publicTasks.map((x) => x.code)].sort(),
    );
    // Schema defaults are applied: prerequisites and availability.calls always exist.
    expect(kb.instruments[0]?.prerequisites).toEqual([]);
  });

  it("names the file and the path of a schema error, with code KNOWLEDGE_BASE_INVALID", () => {
    const error = failure({ instruments: [rawInstrument({ maxCoFinancingRate: 185 })] });
    expect(error.code).toBe("KNOWLEDGE_BASE_INVALID");
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      file: "instruments/national/test-instrument.yaml",
      path: "maxCoFinancingRate",
      pointer: "/maxCoFinancingRate",
      code: "TOO_BIG",
    });
    expect(error.message).toContain(
      "instruments/national/test-instrument.yaml: maxCoFinancingRate: 100 is the maximum",
    );
  });

  it("lists the allowed codes for an unknown region code", () => {
    const error = failure({ instruments: [rawInstrument({ regions: ["02", "99"] })] });
    const [issue] = error.issues;
    expect(issue).toMatchObject({
      file: "instruments/national/test-instrument.yaml",
      path: "regions[1]",
      code: "INVALID_VALUE",
    });
    expect(issue?.allowed).toContain("32");
    expect(issue?.allowed).toHaveLength(16);
    expect(error.message).toMatch(
      /regions\[1\]: "99" is not allowed; allowed: (?=.*"02")(?=.*"32")/,
    );
  });

  it("reports a duplicate id once per extra file, naming the first file", () => {
    const error = failure({
      instruments: [
        rawInstrument({ id: "same", level: "eu" }),
        rawInstrument({ id: "same", level: "national" }),
      ],
    });
    const duplicates = only(error, "DUPLICATE_ID");
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]?.file).toBe("instruments/national/same.yaml");
    expect(duplicates[0]?.message).toContain("instruments/eu/same.yaml");
  });

  it("refuses an id that differs from the file's base name", () => {
    const error = failure({
      files: {
        "funding-sources/wrong-name.yaml":
          "id: test-esf\nkind: eu_cohesion\nname: {pl: a, en: a}\ndescription: {pl: a, en: a}\nconfidence: H\nsources: [{url: 'https://example.org'}]\nlastVerified: '2026-11-29'\n",
      },
    });
    expect(error.issues).toEqual([
      expect.objectContaining({
        file: "funding-sources/wrong-name.yaml",
        path: "id",
        code: "INVALID",
      }),
    ]);
  });

  it("reports a dangling funding-source reference with the known ids", () => {
    const error = failure({
      instruments: [rawInstrument({ fundingSources: ["test-erdf", "no-such-fund"] })],
    });
    const dangling = only(error, "DANGLING_REFERENCE");
    expect(dangling).toHaveLength(1);
    expect(dangling[0]).toMatchObject({
      path: "fundingSources[1]",
      pointer: "/fundingSources/1",
      allowed: ["test-erdf"],
    });
    expect(error.message).toContain(
      'fundingSources[1]: unknown funding source "no-such-fund"; known: test-erdf',
    );
  });

  it("reports a predecessorOf that names no instrument", () => {
    const error = failure({ instruments: [rawInstrument({ predecessorOf: "ghost-measure" })] });
    expect(only(error, "DANGLING_REFERENCE")[0]).toMatchObject({ path: "predecessorOf" });
  });

  it("reports an instrument filed under the wrong level folder", () => {
    const record = rawInstrument({ level: "regional" });
    const error = failure({
      instruments: [],
      files: { "instruments/eu/test-instrument.yaml": JSON.stringify(record) },
    });
    expect(error.issues).toEqual([expect.objectContaining({ path: "level", code: "INVALID" })]);
  });

  it("reports every missing public task and a duplicated one", () => {
    const tasks = rawPublicTasks();
    const withoutTwo = tasks.filter(
      (t) => t.code !== "export_promotion" && t.code !== "data_collection",
    );
    const error = failure({
      publicTasks: [...withoutTwo, withoutTwo[0] as Record<string, unknown>],
    });
    const missing = only(error, "DANGLING_REFERENCE").map((issue) => issue.message);
    expect(missing).toEqual([
      expect.stringContaining('"export_promotion"'),
      expect.stringContaining('"data_collection"'),
    ]);
    expect(only(error, "DUPLICATE_ID")).toEqual([
      expect.objectContaining({ file: "public-tasks.yaml", path: `[${withoutTwo.length}].code` }),
    ]);
  });

  it("reports a missing public-tasks.yaml once, not once per task code", () => {
    const error = failure({ publicTasks: null });
    expect(error.issues).toEqual([
      expect.objectContaining({ file: "public-tasks.yaml", code: "INVALID" }),
    ]);
  });

  it("reports a YAML syntax error with file and line, and still checks the other files", () => {
    const error = failure({
      files: { "funding-sources/broken.yaml": "id: broken\nname: {pl: a\nkind: [\n" },
      sampleClusters: [rawSampleCluster({ fictional: false })],
    });
    const syntax = error.issues.find((issue) => issue.file === "funding-sources/broken.yaml");
    expect(syntax?.code).toBe("INVALID_FORMAT");
    expect(syntax?.message).toMatch(/YAML syntax error at line \d+, column \d+/);
    // All issues of all files arrive in one error, not only the first.
    expect(
      error.issues.some(
        (issue) =>
          issue.file === "sample-clusters/klaster-testowy-fikcyjny.yaml" &&
          issue.path === "fictional",
      ),
    ).toBe(true);
  });

  it("renders the message one issue per line as file: path: message", () => {
    const error = failure({
      instruments: [rawInstrument({ confidence: "X", forms: [] })],
      fundingSources: [rawFundingSource({ kind: "lottery" })],
    });
    const lines = error.message.split("\n").slice(1);
    expect(lines).toHaveLength(error.issues.length);
    for (const [index, issue] of error.issues.entries()) {
      expect(lines[index]).toBe(`${issue.file}: ${issue.path}: ${issue.message}`);
    }
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["confidence", "forms", "kind"]);
  });

  it("refuses a directory that does not exist", () => {
    expect(() => loadKnowledgeBase({ dir: "/nonexistent/klastry-knowledge" })).toThrow(
      KnowledgeBaseError,
    );
  });

  it("refuses a continuous offer without the note users read, naming the file and the path", () => {
    const error = failure({
      instruments: [
        rawInstrument({
          availability: {
            continuous: { until: "2029-12-31", source: "https://example.org/a", confidence: "M" },
          },
        }),
      ],
    });
    expect(error.issues).toEqual([
      expect.objectContaining({
        file: "instruments/national/test-instrument.yaml",
        path: "availability.continuous.note",
      }),
    ]);
  });

  it("loads a continuous offer and an instrument with no funding source", () => {
    const note = { pl: "Kredyty wypłacane do 31.12.2029.", en: "Loans disbursed by 31 Dec 2029." };
    const continuous = {
      until: "2029-12-31",
      note,
      source: "https://example.org/a",
      confidence: "M",
    };
    const dir = writeKnowledgeFixture(undefined, {
      instruments: [rawInstrument({ fundingSources: [], availability: { continuous } })],
      // The fixture's funding source is then used by nothing, which the loader allows.
    });
    const [instrument] = loadKnowledgeBase({ dir }).instruments;
    expect(instrument?.availability.continuous).toEqual(continuous);
    expect(instrument?.fundingSources).toEqual([]);
  });

  it("refuses a recurring call with no past window to rest on", () => {
    const note = { pl: "Co roku.", en: "Every year." };
    const recurrence = { cycle: "yearly", note, source: "https://example.org/a", confidence: "H" };
    const error = failure({
      instruments: [rawInstrument({ availability: { calls: [], recurrence } })],
    });
    expect(error.issues[0]).toMatchObject({ path: "availability.recurrence" });
  });
});
