import { describe, expect, it } from "vitest";
import { buildAssessment } from "../testing/index.ts";
import { AssessmentInputSchema } from "./assessment.ts";
import { issuesFromZod } from "../errors.ts";

function issuesOf(value: unknown, language: "pl" | "en" = "en") {
  const result = AssessmentInputSchema.safeParse(value);
  if (result.success) throw new Error("expected the input to be refused");
  return issuesFromZod(result.error, language);
}

describe("AssessmentInputSchema", () => {
  it("accepts a complete assessment", () => {
    expect(() => buildAssessment()).not.toThrow();
  });

  it("keeps unanswered questions absent instead of inventing zeros", () => {
    const parsed = AssessmentInputSchema.parse({
      cluster: { name: "Klaster X (fikcyjny)", region: "02" },
    });
    expect(parsed.profile.members).toEqual({});
    expect(parsed.profile.employees).toBeUndefined();
    expect(parsed.cluster.kkk).toBeUndefined();
    expect(parsed.needs).toBeUndefined();
    expect(parsed.publicTasks).toBeUndefined();
    expect(parsed.cluster.sectors).toBeUndefined();
  });

  it("keeps an explicit empty list as the answer none, apart from no answer", () => {
    const parsed = AssessmentInputSchema.parse({
      cluster: { name: "Klaster X (fikcyjny)", region: "02", sectors: [] },
      needs: [],
      publicTasks: [],
    });
    expect(parsed.needs).toEqual([]);
    expect(parsed.publicTasks).toEqual([]);
    expect(parsed.cluster.sectors).toEqual([]);
  });

  it("refuses a priority outside 1-3 and says which values are allowed", () => {
    const input = {
      ...buildAssessment(),
      needs: [{ actor: "sme", function: "internationalisation", priority: 4 }],
    };
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("needs[0].priority");
    expect(issues[0]?.pointer).toBe("/needs/0/priority");
    expect(issues[0]?.message).toMatch(/1 \(high\), 2 \(medium\) or 3 \(low\)/);
  });

  it("refuses an unknown region code and lists the allowed codes", () => {
    const issues = issuesOf({ cluster: { name: "Klaster X (fikcyjny)", region: "15" } });
    expect(issues[0]).toMatchObject({ code: "INVALID_VALUE", path: "cluster.region" });
    expect(issues[0]?.allowed).toContain("14");
    expect(issues[0]?.allowed).toHaveLength(16);
  });

  it("lists every problem at once, not only the first", () => {
    const issues = issuesOf({
      cluster: { name: "", region: "99", foundedYear: "2010" },
      needs: [{ actor: "robot", function: "internationalisation", priority: 1 }],
      extra: true,
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "cluster.name",
        "cluster.region",
        "cluster.foundedYear",
        "needs[0].actor",
        "",
      ]),
    );
  });

  it("refuses the same (actor, function) need twice", () => {
    const need = { actor: "sme", function: "internationalisation", priority: 1 };
    const issues = issuesOf({ ...buildAssessment(), needs: [need, { ...need, priority: 2 }] });
    expect(issues[0]?.path).toBe("needs[1]");
    expect(issues[0]?.message).toMatch(/duplicate need sme\/internationalisation/);
  });

  it("refuses a date that does not exist", () => {
    const issues = issuesOf({
      ...buildAssessment(),
      cluster: { ...buildAssessment().cluster, kkk: { holds: true, validUntil: "2025-02-30" } },
    });
    expect(issues[0]?.path).toBe("cluster.kkk.validUntil");
  });

  it("speaks Polish when asked", () => {
    const issues = issuesOf({ cluster: { name: "Klaster X (fikcyjny)", region: "15" } }, "pl");
    expect(issues[0]?.message).toMatch(/niedozwolona; dozwolone/);
  });
});

describe("issue messages", () => {
  it("list allowed TERYT codes in their natural order and quote the refused value", async () => {
    const { parseOrThrow, DomainValidationError } = await import("../errors.ts");
    try {
      parseOrThrow(
        AssessmentInputSchema,
        { cluster: { name: "Klaster X (fikcyjny)", region: "15" } },
        "assessment",
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainValidationError);
      const issue = (error as InstanceType<typeof DomainValidationError>).issues[0];
      expect(issue?.allowed?.slice(0, 3)).toEqual(["02", "04", "06"]);
      expect(issue?.message).toMatch(/^"15" is not allowed; allowed: "02", "04"/);
    }
  });
});
