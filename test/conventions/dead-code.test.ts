/**
 * No dead code: every exported declaration is named somewhere besides its own declaration (an
 * import, a call, a type, its own file). Unexported unused code is ESLint's `no-unused-vars`;
 * this covers what ESLint cannot see across files. A name is counted as a word over every source
 * file, so two declarations sharing a name hide each other: the check never reports a used name,
 * and reports most dead ones.
 */
import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "./source-files.ts";

const DECLARATION =
  /^export (?:declare )?(?:async )?(?:function\*?|const|let|class|abstract class|interface|type|enum) ([A-Za-z_$][\w$]*)/gm;

describe("exported declarations", () => {
  it("are each used somewhere", () => {
    const sources = sourceFiles().map(readSource);
    const uses = new Map<string, number>();
    for (const { text } of sources) {
      for (const [word] of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
        uses.set(word, (uses.get(word) ?? 0) + 1);
      }
    }
    const declared = sources.flatMap(({ file, text }) =>
      [...text.matchAll(DECLARATION)].map((match) => ({ file, name: match[1]! })),
    );
    expect(declared.length).toBeGreaterThan(500);
    const dead = declared
      .filter(({ name }) => (uses.get(name) ?? 0) <= 1)
      .map(({ file, name }) => `${file}: ${name}`);
    expect(dead).toEqual([]);
  });
});
