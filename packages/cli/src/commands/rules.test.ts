import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../io.ts";
import { run } from "../run.ts";

// The repository root, whose rules/ folder holds the shipped rulebook.
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const shippedRule = (area: string, id: string) =>
  readFileSync(join(root, "rules", area, `${id}.rule.json`), "utf8");

const temp = mkdtempSync(join(tmpdir(), "klastry-rules-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function capture(
  cwd = root,
): CommandIo & { stdout: string[]; stderr: string[]; text: () => string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    cwd,
    stdout,
    stderr,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    text: () => [...stdout, ...stderr].join("\n"),
  };
}

/** A rules folder in the temp dir with the given files (paths relative to it). */
function rulesFolder(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe("klastry rules validate", () => {
  it("accepts the shipped rulebook and says how many files it checked", async () => {
    const io = capture();
    expect(await run(["rules", "validate"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/^\d+ rule files valid \(rules\)$/);
  });

  it("rejects a misspelt fact with the file, the JSON pointer and the nearest known fact", async () => {
    const misspelt = shippedRule("cluster", "kkk-status").replace(
      '"fact": "memberCount"',
      '"fact": "memberCont"',
    );
    const dir = rulesFolder("misspelt", { "cluster/kkk-status.rule.json": misspelt });
    const io = capture(temp);
    expect(await run(["rules", "validate", "--dir", dir], io)).toBe(1);
    const text = io.stderr.join("\n");
    expect(text).toMatch(
      /kkk-status\.rule\.json: \/conditions\/all\/\d+\/fact: unknown fact "memberCont"; did you mean "memberCount"\?/,
    );
    expect(text).toMatch(/1 issue\(s\) in 1 of 1 rule files/);
  });

  it("speaks Polish with --lang pl", async () => {
    const misspelt = shippedRule("cluster", "kkk-status").replace(
      '"fact": "memberCount"',
      '"fact": "memberCont"',
    );
    const dir = rulesFolder("misspelt-pl", { "cluster/kkk-status.rule.json": misspelt });
    const io = capture(temp);
    expect(await run(["rules", "validate", "--dir", dir, "--lang", "pl"], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(
      /nieznany fakt „memberCont”; czy chodziło o „memberCount”\?/,
    );
  });

  it("lists what is allowed for an unknown operator", async () => {
    const wrong = shippedRule("cluster", "kkk-status").replace(
      '"operator": "greaterThanInclusive"',
      '"operator": "atLeast"',
    );
    const dir = rulesFolder("operator", { "cluster/kkk-status.rule.json": wrong });
    const io = capture(temp);
    expect(await run(["rules", "validate", "--dir", dir], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(/\/operator: .*atLeast.*greaterThanInclusive/);
  });

  it("refuses an unknown language as misuse", async () => {
    expect(await run(["rules", "validate", "--lang", "de"], capture())).toBe(2);
  });
});

describe("klastry rules test", () => {
  it("runs one scenario file of the shipped rulebook and reports every scenario passed", async () => {
    const io = capture();
    expect(await run(["rules", "test", "rules/cluster/kkk-status.scenarios.yaml"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/^\d+ passed, 0 failed \(1 scenario files/);
  });

  it("prints a failing scenario as expected vs actual with the rule's trace, and exits 1", async () => {
    const dir = rulesFolder("failing", {
      "cluster/kkk-status.rule.json": shippedRule("cluster", "kkk-status"),
      "cluster/kkk-status.scenarios.yaml": [
        "# npx klastry rules test cluster/kkk-status.scenarios.yaml",
        "- name: A young cluster is wrongly expected to qualify",
        '  date: "2021-06-01"',
        "  input:",
        "    sample: przykladowy-klaster-mechatroniki",
        "    cluster: { foundedYear: 2020 }",
        "    needs: [ { actor: coordinator, function: cluster_management, priority: 1 } ]",
        "  expect: { verdict: eligible }",
        "",
      ].join("\n"),
    });
    const io = capture(temp);
    expect(await run(["rules", "test", "--dir", dir], io)).toBe(1);
    const text = io.text();
    expect(text).toContain("A young cluster is wrongly expected to qualify");
    expect(text).toContain("verdict: expected eligible, got not_eligible");
    // Founded in 2020, on 1 June 2021 the cluster has at most 1 full year (0 if founded in December).
    expect(text).toMatch(/✗ cluster-age: clusterAgeYears = 0 greaterThanInclusive 3/);
    expect(io.stdout.join("\n")).toMatch(/0 passed, 1 failed/);
  });

  it("reports a scenario file that breaks the format with the place of each problem", async () => {
    const dir = rulesFolder("bad-scenarios", {
      "cluster/kkk-status.rule.json": shippedRule("cluster", "kkk-status"),
      "cluster/kkk-status.scenarios.yaml":
        '- name: No verdict\n  date: "2021-06-01"\n  input: { sample: przykladowy-klaster-mechatroniki }\n  expect: { verdict: maybe }\n',
    });
    const io = capture(temp);
    expect(await run(["rules", "test", "--dir", dir], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(/\[0\]\.expect\.verdict/);
  });
});

describe("klastry rules explain", () => {
  it("shows why a rule fires: each condition with the cluster's value, the required value and the outcome", async () => {
    const file = join(temp, "assessment.json");
    writeFileSync(
      file,
      JSON.stringify({
        cluster: {
          name: "Klaster testowy",
          region: "24",
          foundedYear: 2015,
          kkk: { holds: true, validUntil: "2024-12-31" },
        },
        profile: {
          members: {
            sme: 50,
            large_enterprise: 0,
            research_organisation: 3,
            business_support_institution: 0,
            local_government: 0,
            other: 0,
          },
        },
        needs: [{ actor: "coordinator", function: "cluster_management", priority: 1 }],
      }),
    );
    const io = capture();
    expect(
      await run(
        ["rules", "explain", file, "--date", "2021-06-01", "--rule", "kkk-status", "--lang", "en"],
        io,
      ),
    ).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toContain("kkk-status (kkk-status): eligible");
    expect(text).toMatch(/✓ enough-members: memberCount = 53 greaterThanInclusive 51/);
    expect(text).toContain(
      "Cluster members: 53 members (round V of the KKK competition required at least 51 members)",
    );
    // Founded in 2015, on 1 June 2021: 5 full years at least (6 if founded before June).
    expect(text).toMatch(/✓ cluster-age: clusterAgeYears = 5 greaterThanInclusive 3/);
  });

  it("traces every rule for a sample cluster, with derived facts and recommendations", async () => {
    const io = capture();
    expect(
      await run(
        [
          "rules",
          "explain",
          "--sample",
          "przykladowy-klaster-mechatroniki",
          "--date",
          "2023-06-01",
        ],
        io,
      ),
    ).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toMatch(/^facts:$/m);
    expect(text).toMatch(/kkkValidOnDate = true/);
    expect(text).toMatch(/feng-2-17-rozwoj-oferty-klastrow \(feng-2-17-rozwoj-oferty-klastrow\): /);
    expect(text).toMatch(/^recommendations:$/m);
  });

  it("refuses an assessment that breaks the schema, listing every problem and evaluating nothing", async () => {
    const file = join(temp, "broken.json");
    writeFileSync(
      file,
      JSON.stringify({
        cluster: { name: "X", region: "15" },
        needs: [{ actor: "coordinator", function: "x", priority: 4 }],
      }),
    );
    const io = capture();
    expect(await run(["rules", "explain", file, "--date", "2025-01-01"], io)).toBe(1);
    const text = io.stderr.join("\n");
    expect(text).toMatch(/cluster\.region/);
    expect(text).toMatch(/needs\[0\]\.priority/);
    expect(io.stdout).toEqual([]);
  });
});

describe("klastry rules coverage", () => {
  it("finds no instrument without a rule in the shipped rulebook", async () => {
    const io = capture();
    expect(await run(["rules", "coverage"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/Instruments without a rule \(0\):/);
    expect(io.stdout.join("\n")).toMatch(
      /Rules that fire on no sample cluster assessment \(\d+ of \d+; \d+ assessments/,
    );
    expect(io.stdout.join("\n")).toMatch(
      /Needs no instrument covered on the assessment date \(eligible or can't tell yet; open, announced, expected or available\) \(\d+\):/,
    );
  });

  it("lists instruments without a rule and needs no ruled instrument serves in a one-rule folder", async () => {
    const dir = rulesFolder("one-rule", {
      "cluster/kkk-status.rule.json": shippedRule("cluster", "kkk-status"),
    });
    const io = capture(temp);
    expect(await run(["rules", "coverage", "--dir", dir], io)).toBe(0);
    const text = io.stdout.join("\n");
    const withoutRule = text.slice(0, text.indexOf("Rules that fire"));
    expect(withoutRule).toMatch(/^ {2}feng-2-17-rozwoj-oferty-klastrow$/m);
    expect(withoutRule).not.toMatch(/^ {2}kkk-status$/m);
    // kkk-status serves only the coordinator's cluster management and promotion, so SME needs are gaps.
    expect(text).toMatch(/SMEs \(micro, small and medium enterprises\) x .*\(sme\/\w+\): /);
  });
});

describe("klastry rules facts", () => {
  it("lists every fact with its type and label, and the paths of object facts", async () => {
    const io = capture();
    expect(await run(["rules", "facts"], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toMatch(/^memberCount \(derived\): number \[members\]: Cluster members$/m);
    expect(text).toMatch(/path \$\.kkk\.validUntil: date: KKK status valid until/);
    expect(await run(["facts", "list", "--lang", "pl"], capture())).toBe(0);
  });
});

describe("klastry rules review", () => {
  const ruleFiles = () =>
    readdirSync(join(root, "rules"), { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".rule.json"),
    );

  it("prints every rule beside its record: who applies, sources, availability on the date, each condition in words", async () => {
    const io = capture();
    expect(await run(["rules", "review", "--date", "2026-12-02"], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(text.match(/^== /gm)?.length).toBe(ruleFiles().length);
    const kkk = text.slice(text.indexOf("== kkk-status: "), text.indexOf("== kpo-"));
    expect(kkk).toContain("Who applies: The coordinator, for the cluster.");
    expect(kkk).toMatch(/Availability \(2026-12-02\): /);
    expect(kkk).toContain("Record sources: https://");
    expect(kkk).toMatch(/^ {4}clusterAgeYears: Cluster age \(full years\)$/m);
    expect(kkk).toContain(
      "[enough-members] Cluster members: at least 51 members (the cluster can change it)",
    );
    expect(kkk).toContain("asks: When (year and month) was the cluster founded?");
  });

  it("writes one rule as Markdown in Polish, seat and legal form as fixed, a held status as no near miss", async () => {
    const io = capture();
    const args = ["rules", "review", "--rule", "mazowiecki-klaster-kluczowy", "--lang", "pl"];
    expect(await run([...args, "--format", "markdown", "--date", "2026-12-02"], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toMatch(/^# Przegląd reguł$/m);
    expect(text).toContain("1 reguła; dostępność instrumentów na dzień 2026-12-02.");
    expect(text).toMatch(/^## mazowiecki-klaster-kluczowy: /m);
    expect(text).toContain("- **Kto wnioskuje**: Koordynator w imieniu klastra.");
    expect(text).toContain("- **Obszar**: mazowieckie");
    expect(text).toContain("- [region-served] Województwo: mazowieckie (stałe)");
    expect(text).toContain(
      "[not-yet-held] Klaster nie ma statusu regionalnego klastra kluczowego (klaster może to zmienić; status do uzyskania; już posiadany nie jest „prawie”)",
    );
  });

  it("refuses an unknown format, date or rule as misuse, naming what is allowed", async () => {
    const format = capture();
    expect(await run(["rules", "review", "--format", "html"], format)).toBe(2);
    expect(format.stderr.join("\n")).toContain("allowed: text, markdown");
    const date = capture();
    expect(await run(["rules", "review", "--date", "2.12.2026"], date)).toBe(2);
    expect(date.stderr.join("\n")).toContain("allowed: YYYY-MM-DD");
    const rule = capture();
    expect(await run(["rules", "review", "--rule", "no-such-rule"], rule)).toBe(2);
    expect(rule.stderr.join("\n")).toMatch(
      /"no-such-rule" is not in the rulebook; known: .*kkk-status/,
    );
  });
});

describe("the walk-through of rules/README.md", () => {
  it("adds a second rule for an instrument: validate rejects a misspelt fact, then passes; scenarios pass; explain shows why it fires", async () => {
    // Step 1: a new rule for the KKK status from a copy of the shipped one (its own id and file);
    // step 2 keeps its conditions and its one text of its own (the round V threshold).
    const rule = JSON.parse(shippedRule("cluster", "kkk-status")) as {
      id: string;
      conditions: { all: { fact: string }[] };
    };
    rule.id = "kkk-status-walkthrough";
    rule.conditions.all[1]!.fact = "memberCont";
    const dir = rulesFolder("walkthrough", {
      "cluster/kkk-status-walkthrough.rule.json": JSON.stringify(rule, null, 2),
    });

    // Step 3: validate names the misspelt fact and the nearest known one; the fix makes it pass.
    const rejected = capture(temp);
    expect(await run(["rules", "validate", "--dir", dir], rejected)).toBe(1);
    expect(rejected.stderr.join("\n")).toMatch(
      /\/conditions\/all\/1\/fact: unknown fact "memberCont"; did you mean "memberCount"\?/,
    );
    rule.conditions.all[1]!.fact = "memberCount";
    writeFileSync(
      join(dir, "cluster/kkk-status-walkthrough.rule.json"),
      JSON.stringify(rule, null, 2),
    );
    const accepted = capture(temp);
    expect(await run(["rules", "validate", "--dir", dir], accepted)).toBe(0);
    expect(accepted.stdout).toEqual([`1 rule file valid (walkthrough)`]);

    // Step 4: one scenario where it fires, one where it does not.
    writeFileSync(
      join(dir, "cluster/kkk-status-walkthrough.scenarios.yaml"),
      [
        "# npx klastry rules test cluster/kkk-status-walkthrough.scenarios.yaml",
        "- name: A large, old cluster whose coordinator needs cluster management qualifies in the round V call",
        '  date: "2021-06-01"',
        "  input:",
        "    sample: przykladowy-klaster-mechatroniki",
        "    needs: [ { actor: coordinator, function: cluster_management, priority: 1 } ]",
        "  expect: { verdict: eligible, reasons: [ enough-members ] }",
        "- name: Once round V has closed the cluster still qualifies, and the next round is expected",
        '  date: "2021-09-14"',
        "  input:",
        "    sample: przykladowy-klaster-mechatroniki",
        "    needs: [ { actor: coordinator, function: cluster_management, priority: 1 } ]",
        "  expect: { verdict: eligible, status: expected, shown: true }",
        "",
      ].join("\n"),
    );
    const tested = capture(dir);
    expect(await run(["rules", "test"], tested)).toBe(0);
    expect(tested.stdout.join("\n")).toMatch(/^2 passed, 0 failed/);

    // Step 5: explain shows each condition of the new rule with the cluster's value and the outcome.
    const explained = capture(temp);
    const args = [
      "rules",
      "explain",
      "--sample",
      "przykladowy-klaster-mechatroniki",
      "--date",
      "2021-06-01",
    ];
    expect(
      await run(
        [...args, "--dir", dir, "--rule", "kkk-status-walkthrough", "--lang", "en"],
        explained,
      ),
    ).toBe(0);
    const text = explained.stdout.join("\n");
    expect(text).toContain("kkk-status-walkthrough (kkk-status): ");
    // Founded in 2012 (year only): at least 8 full years on 1 June 2021.
    expect(text).toMatch(/✓ cluster-age: clusterAgeYears = 8 greaterThanInclusive 3/);

    // Step 6: review reads the new rule in words beside the instrument's record.
    const reviewed = capture(temp);
    const review = ["rules", "review", "--dir", dir, "--rule", "kkk-status-walkthrough"];
    expect(await run([...review, "--date", "2021-06-01"], reviewed)).toBe(0);
    const words = reviewed.stdout.join("\n");
    expect(words).toContain("== kkk-status-walkthrough: ");
    expect(words).toContain(
      "[enough-members] Cluster members: at least 51 members (the cluster can change it)",
    );
    expect(words).toContain(
      "the rule's own text: {label}: {actual}; round V of the KKK competition required at least {required}",
    );
  });
});
