import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { todayInPoland } from "@klastry/domain";
import { rawInstrument } from "@klastry/domain/testing";
import { makeTempKnowledgeDir, writeKnowledgeFixture } from "@klastry/knowledge/testing";
import type { CommandIo } from "../io.ts";
import { run } from "../run.ts";

const temp = makeTempKnowledgeDir("klastry-knowledge-check-");
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function capture(cwd = temp): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

let fixtures = 0;
/** A knowledge tree in its own folder under the temp dir; returns the folder's name. */
function tree(instruments: Record<string, unknown>[]): string {
  const name = `tree-${(fixtures += 1)}`;
  writeKnowledgeFixture(`${temp}/${name}`, { instruments });
  return name;
}

describe("klastry knowledge check", () => {
  it("passes the shipped catalogue on today's date", async () => {
    const io = capture();
    const code = await run(["knowledge", "check"], io);
    expect(io.stderr.join("\n")).toBe("");
    expect(code).toBe(0);
    expect(io.stdout.at(-1)).toMatch(
      new RegExp(
        `^\\d+ instruments, \\d+ funding sources, 11 public tasks checked on ${todayInPoland()}: 0 error\\(s\\), \\d+ warning\\(s\\)$`,
      ),
    );
  });

  it("fails with the file, the path and the rule when a planned window is left in the past", async () => {
    const dir = tree([
      rawInstrument({
        id: "stale-plan",
        availability: {
          calls: [
            { opens: "2026-01-01", closes: "2026-03-31", precision: "quarter", planned: true },
          ],
        },
      }),
    ]);
    const io = capture();
    expect(await run(["knowledge", "check", "--dir", dir, "--today", "2026-12-02"], io)).toBe(1);
    const text = io.stderr.join("\n");
    expect(text).toMatch(
      /^error instruments\/national\/stale-plan\.yaml: availability\.calls\[0\]\.planned: the planned window 2026-01-01\.\.2026-03-31 is past on 2026-12-02/,
    );
    expect(text).toMatch(
      /1 instruments, 1 funding sources, 11 public tasks checked on 2026-12-02: 1 error\(s\), 0 warning\(s\)$/,
    );
  });

  it("prints warnings but exits 0 when a record was verified over 180 days ago", async () => {
    const dir = tree([rawInstrument({ lastVerified: "2026-01-02" })]);
    const io = capture();
    expect(await run(["knowledge", "check", "--dir", dir, "--today", "2026-12-02"], io)).toBe(0);
    expect(io.stdout[0]).toMatch(
      /^warning instruments\/national\/test-instrument\.yaml: lastVerified: last verified 2026-01-02, 334 days before 2026-12-02/,
    );
    expect(io.stdout.at(-1)).toMatch(/: 0 error\(s\), 1 warning\(s\)$/);
  });

  it("reports a tree that does not load, file by file", async () => {
    const dir = tree([rawInstrument({ regions: ["99"] })]);
    const io = capture();
    expect(await run(["knowledge", "check", "--dir", dir], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(
      /instruments\/national\/test-instrument\.yaml: regions\[0\]: /,
    );
    expect(io.stderr.at(-1)).toMatch(/does not load \(1 issue\(s\)\)$/);
  });

  it("refuses a day that is not a date, saying how to write it", async () => {
    const io = capture();
    expect(await run(["knowledge", "check", "--today", "2026-02-30"], io)).toBe(2);
    expect(io.stderr[0]).toBe(
      '--today "2026-02-30" is not a date; write it YYYY-MM-DD, e.g. 2026-12-02',
    );
  });

  it("is listed in the usage text", async () => {
    const io = capture();
    await run(["help"], io);
    expect(io.stdout.join("\n")).toContain(
      "klastry knowledge check [--dir <folder>] [--today YYYY-MM-DD]",
    );
  });
});
