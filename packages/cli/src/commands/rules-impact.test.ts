/**
 * `klastry rules impact` on a real temporary git repository: the shipped rules and knowledge
 * committed on `main`, a branch lowering the KKK status member threshold (51 -> 40), a branch
 * with a broken rule file. The command runs in-process against those revisions.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssessmentInput } from "@klastry/domain";
import { buildAssessment } from "@klastry/domain/testing";
import { openDatabase } from "@klastry/db";
import type { RulebookImpact } from "@klastry/rules-engine";
import type { CommandIo } from "../io.ts";
import { generatePopulation } from "../impact/generate-population.ts";
import { run } from "../run.ts";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const repo = mkdtempSync(join(tmpdir(), "klastry-impact-repo-"));
const KKK = "rules/cluster/kkk-status.rule.json";
// Round V of the KKK competition is open on this day (31 May - 13 Sep 2021).
const DATE = "2021-07-01";
const GENERATED = 600;

const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", ...args], {
    cwd: repo,
    encoding: "utf8",
  });

function capture(cwd = repo): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

async function impact(args: string[], cwd = repo) {
  const io = capture(cwd);
  const code = await run(
    [
      "rules",
      "impact",
      "--date",
      DATE,
      "--generated",
      String(GENERATED),
      "--assessments",
      "none",
      ...args,
    ],
    io,
  );
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

const memberCount = (a: AssessmentInput) => {
  const counts = Object.values(a.profile.members);
  return counts.length === 0 ? undefined : counts.reduce((sum, c) => sum + (c ?? 0), 0);
};

beforeAll(() => {
  cpSync(join(root, "rules"), join(repo, "rules"), {
    recursive: true,
    filter: (source) => !source.includes("node_modules"),
  });
  cpSync(join(root, "packages/knowledge/data"), join(repo, "packages/knowledge/data"), {
    recursive: true,
  });
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "the shipped rulebook");
  git("checkout", "-q", "-b", "broken");
  writeFileSync(
    join(repo, KKK),
    readFileSync(join(repo, KKK), "utf8").replace('"fact": "memberCount"', '"fact": "memberCont"'),
  );
  git("commit", "-q", "-am", "a misspelt fact");
  git("checkout", "-q", "main");
  // An instrument (and its rule) that only this branch's knowledge base has.
  git("checkout", "-q", "-b", "extra-instrument");
  const instruments = join(repo, "packages/knowledge/data/instruments/national");
  writeFileSync(
    join(instruments, "kkk-status-test-extra.yaml"),
    readFileSync(join(instruments, "kkk-status.yaml"), "utf8").replace(
      "id: kkk-status",
      "id: kkk-status-test-extra",
    ),
  );
  writeFileSync(
    join(repo, "rules/cluster/kkk-status-test-extra.rule.json"),
    readFileSync(join(repo, KKK), "utf8").replaceAll('"kkk-status"', '"kkk-status-test-extra"'),
  );
  git("add", ".");
  git("commit", "-q", "-m", "an instrument the working tree does not know");
  git("checkout", "-q", "main");
  git("checkout", "-q", "-b", "lower-kkk");
  const lowered = readFileSync(join(repo, KKK), "utf8").replace('"value": 51', '"value": 40');
  expect(lowered).not.toBe(readFileSync(join(repo, KKK), "utf8"));
  writeFileSync(join(repo, KKK), lowered);
  git("commit", "-q", "-am", "KKK status from 40 members");
}, 60_000);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

// Each case runs the whole command (knowledge base, two rulebooks, hundreds of clusters) one to
// three times; on a loaded machine that outlasts vitest's 5 s default.
describe("klastry rules impact", { timeout: 60_000 }, () => {
  it("names the instrument, the clusters that gain it and the lowered threshold, and exits 1", async () => {
    const { code, out } = await impact(["--against", "main", "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as RulebookImpact;
    const gainers = report.clusters.filter((c) => c.gained.includes("kkk-status"));
    // The oracle, straight from the generated answers: 40-50 members, founded 3+ years before,
    // the coordinator needs cluster management or promotion (the rule's other conditions).
    const expected = generatePopulation(GENERATED)
      .filter(({ assessment: a }) => {
        const members = memberCount(a);
        const needs = (a.needs ?? [])
          .filter((need) => need.actor === "coordinator")
          .map((n) => n.function);
        return (
          members !== undefined &&
          members >= 40 &&
          members < 51 &&
          a.cluster.foundedYear !== undefined &&
          2021 - a.cluster.foundedYear >= 3 &&
          (needs.includes("cluster_management") || needs.includes("promotion_branding"))
        );
      })
      .map((s) => s.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(gainers.filter((c) => c.source === "generated").map((c) => c.id)).toEqual(expected);
    expect(report.instruments).toEqual([
      expect.objectContaining({
        instrumentId: "kkk-status",
        // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any
        gained: expect.objectContaining({ eligible: gainers.length }),
        causes: [
          expect.objectContaining({
            condition: "enough-members",
            before: "memberCount >= 51",
            after: "memberCount >= 40",
            outcomeBefore: "fail",
            outcomeAfter: "pass",
          }),
        ],
      }),
    ]);
    expect(report.summary).toMatchObject({ rulesChanged: 1, clustersLosing: 0 });
    expect(report.before.label).toMatch(/^main \([0-9a-f]{7}\)$/);

    const text = await impact(["--against", "main"]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`1 instrument changes; ${gainers.length} clusters gain, 0 lose`);
    expect(text.out).toContain("enough-members: memberCount >= 51 -> >= 40");
    expect(text.out).toContain(gainers[0]!.name);
    // Nothing was checked out: the working tree still holds the branch's rule.
    expect(git("status", "--porcelain")).toBe("");
    expect(readFileSync(join(repo, KKK), "utf8")).toContain('"value": 40');
  });

  it("reports no change against the revision the working tree equals, and exits 0", async () => {
    const { code, out } = await impact(["--against", "lower-kkk"]);
    expect(code).toBe(0);
    expect(out).toContain("0 instruments change; 0 clusters gain, 0 lose");
    expect(out).toContain("No change");
    const json = await impact(["--against", "HEAD", "--format", "json"]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as RulebookImpact).summary.changed).toBe(false);
  });

  it("fails with exit 3 under --fail-on-loss when clusters lose an eligible verdict", async () => {
    git("checkout", "-q", "main");
    try {
      const plain = await impact(["--against", "lower-kkk"]);
      expect(plain.code).toBe(1);
      expect(plain.out).toMatch(/0 clusters gain, \d+ lose/);
      const strict = await impact(["--against", "lower-kkk", "--fail-on-loss"]);
      expect(strict.code).toBe(3);
      // Nothing lost, nothing to fail on.
      expect((await impact(["--against", "main", "--fail-on-loss"])).code).toBe(0);
    } finally {
      git("checkout", "-q", "lower-kkk");
    }
  });

  it("writes markdown for a pull request: the summary first, tables, details collapsed", async () => {
    const { code, out } = await impact(["--against", "main", "--format", "markdown"]);
    expect(code).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      "### Rule impact: working tree against " + lines[0]!.split("against ")[1],
    );
    expect(lines[2]).toMatch(/^\*\*1 instrument changes; \d+ clusters gain, 0 lose\.\*\*$/);
    expect(out).toContain("| Instrument | Clusters | Eligible | Near miss | Can't tell |");
    expect(out).toMatch(/\| .* `kkk-status` \| \d+ \| \+\d+ −0 \|/);
    expect(out).toContain("`enough-members`: `memberCount >= 51` -> `>= 40`");
    expect(out).toContain("<details>\n<summary>Clusters that change");
    expect(out.indexOf("<details>")).toBeGreaterThan(out.indexOf("| Rule | Change | Conditions |"));
  });

  it("prints JSON that validates against the committed JSON Schema", async () => {
    const { out } = await impact(["--against", "main", "--format", "json"]);
    const schema = JSON.parse(
      readFileSync(join(root, "packages/rules-engine/impact-report.schema.json"), "utf8"),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const report = JSON.parse(out) as unknown;
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(report)).toBe(true);
    // The schema is not a rubber stamp: a report missing its summary is refused.
    expect(validate({ ...(report as object), summary: undefined })).toBe(false);
  });

  it("speaks Polish with --lang pl", async () => {
    const { out } = await impact(["--against", "main", "--lang", "pl"]);
    expect(out).toMatch(/Instrumenty ze zmianami: 1; klastry zyskują: \d+, tracą: 0/);
    expect(out).toContain("niespełniony -> spełniony");
  });

  it("compares with a folder of rule files as it would with a revision", async () => {
    const folder = mkdtempSync(join(tmpdir(), "klastry-impact-folder-"));
    try {
      git("--work-tree", folder, "checkout", "main", "--", "rules");
      git("reset", "-q");
      const viaFolder = await impact(["--against", folder, "--format", "json"]);
      const viaGit = await impact(["--against", "main", "--format", "json"]);
      expect(viaFolder.code).toBe(1);
      const strip = (text: string) => {
        const { before: _label, ...rest } = JSON.parse(text) as RulebookImpact;
        return rest;
      };
      expect(strip(viaFolder.out)).toEqual(strip(viaGit.out));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("evaluates the stored assessments of the local database and a JSON file of assessments", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "klastry-impact-db-"));
    try {
      const clusterOf = (name: string, sme: number) =>
        buildAssessment({
          cluster: { name, region: "16", foundedYear: 2010 },
          profile: {
            members: {
              sme,
              large_enterprise: 0,
              research_organisation: 0,
              business_support_institution: 0,
              local_government: 0,
              other: 0,
            },
          },
          needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
        });
      const db = await openDatabase({ sqlitePath: join(cwd, "data/klastry.sqlite") });
      try {
        await db.migrate();
        await db.assessments.create({
          input: clusterOf("Klaster Bazodanowy (fikcyjny)", 45),
          assessedOn: "2021-06-01",
        });
      } finally {
        await db.close();
      }
      const dir = join(repo, "rules");
      const stored = await impact(
        ["--against", "main", "--dir", dir, "--assessments", "db", "--generated", "0"],
        cwd,
      );
      expect(stored.code).toBe(1);
      expect(stored.out).toMatch(/\(1 stored, 13 sample\)|1 stored/);
      expect(stored.out).toContain("Klaster Bazodanowy (fikcyjny) (16, stored)");

      writeFileSync(
        join(cwd, "clusters.json"),
        JSON.stringify([
          { id: "plik-1", assessment: clusterOf("Klaster z Pliku (fikcyjny)", 44) },
          clusterOf("Klaster Duży (fikcyjny)", 80),
        ]),
      );
      const file = await impact(
        [
          "--against",
          "main",
          "--dir",
          dir,
          "--assessments",
          "clusters.json",
          "--generated",
          "0",
          "--format",
          "json",
        ],
        cwd,
      );
      const report = JSON.parse(file.out) as RulebookImpact;
      expect(report.population.bySource.file).toBe(2);
      expect(
        report.clusters.filter((c) => c.source === "file").map((c) => [c.id, c.gained]),
      ).toEqual([["plik-1", ["kkk-status"]]]);

      writeFileSync(
        join(cwd, "bad.json"),
        JSON.stringify([{ cluster: { name: "X", region: "99" } }]),
      );
      const bad = await impact(
        ["--against", "main", "--dir", dir, "--assessments", "bad.json"],
        cwd,
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/bad\.json\[0\]\.cluster\.region: /);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("checks a revision's rule of an instrument the knowledge base dropped against that revision's instruments", async () => {
    const { code, out, err } = await impact(["--against", "extra-instrument", "--format", "json"]);
    expect(err).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(out) as RulebookImpact;
    expect(report.rules.map((r) => [r.ruleId, r.change])).toEqual([
      ["kkk-status", "changed"],
      ["kkk-status-test-extra", "removed"],
    ]);
  });

  it("refuses a revision that does not exist with a clear error and exit 2", async () => {
    const { code, err } = await impact(["--against", "no-such-branch"]);
    expect(code).toBe(2);
    expect(err).toContain('--against "no-such-branch" is neither a revision of the git repository');
    expect(err).toContain("allowed: a branch, tag or commit");
    const option = await impact(["--against", "--output=x"]);
    expect(option.code).toBe(2);
  });

  it("names the revision and the file of a broken rule on the other side", async () => {
    const { code, err } = await impact(["--against", "broken"]);
    expect(code).toBe(2);
    expect(err).toContain("the rulebook of broken (");
    expect(err).toMatch(
      /broken:rules\/cluster\/kkk-status\.rule\.json: \/conditions\/all\/\d+\/fact: unknown fact "memberCont"; did you mean "memberCount"\?/,
    );
  });

  it("names the working tree and the file of a broken rule in it", async () => {
    writeFileSync(join(repo, KKK), "{ not json");
    try {
      const { code, err } = await impact(["--against", "main"]);
      expect(code).toBe(2);
      expect(err).toContain("the rulebook of working tree is invalid");
      expect(err).toContain("rules/cluster/kkk-status.rule.json");
    } finally {
      git("checkout", "--", KKK);
    }
  });

  it("refuses a revision outside a git repository, and misuse, with exit 2", async () => {
    const plain = mkdtempSync(join(tmpdir(), "klastry-impact-plain-"));
    try {
      cpSync(join(repo, "rules"), join(plain, "rules"), { recursive: true });
      const { code, err } = await impact(["--against", "main"], plain);
      expect(code).toBe(2);
      expect(err).toContain("is not inside a git repository");
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const empty = mkdtempSync(join(tmpdir(), "klastry-impact-empty-"));
    try {
      const none = await impact(["--against", "main", "--dir", empty]);
      expect(none.code).toBe(2);
      expect(none.err).toContain("no *.rule.json files in the working tree");
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect((await impact(["--format", "html"])).err).toContain("allowed: text, markdown, json");
    expect((await impact(["--generated", "many"])).code).toBe(2);
    expect((await impact(["--date", "2021-13-45"])).code).toBe(2);
  });
});
