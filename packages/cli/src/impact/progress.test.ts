import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { progressOn } from "./progress.ts";

/** A stream that records what is written, posing as a terminal or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(out, {
    isTTY,
    columns: 100,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    text: () => chunks.join(""),
  });
  return out;
}

describe("progressOn", () => {
  it("draws a bar on a terminal for a long population", () => {
    const terminal = stream(true);
    const progress = progressOn(terminal, 5000);
    expect(progress.onProgress).toBeDefined();
    progress.onProgress?.(5000, 5000);
    progress.stop();
    expect(terminal.text()).toContain("assessments");
  });

  it("stays quiet when stderr is not a terminal", () => {
    const piped = stream(false);
    const progress = progressOn(piped, 5000);
    expect(progress.onProgress).toBeUndefined();
    progress.stop();
    expect(piped.text()).toBe("");
  });

  it("stays quiet for a population too small to wait for", () => {
    expect(progressOn(stream(true), 100).onProgress).toBeUndefined();
    expect(progressOn(undefined, 5000).onProgress).toBeUndefined();
  });
});
