import { describe, expect, it } from "vitest";
import { mailMergeCsv, tokenFromFragment } from "./invitation-link.ts";

describe("invitation links", () => {
  it("read the token from the link's fragment, which is never sent to the server", () => {
    const link = new URL("https://klastry.example/survey/answer#ki_abc-DEF_123");
    expect(tokenFromFragment(link.hash)).toBe("ki_abc-DEF_123");
    expect(tokenFromFragment("#token=ki_xyz")).toBe("ki_xyz");
  });

  it("read no token from an empty or foreign fragment", () => {
    expect(tokenFromFragment("")).toBeUndefined();
    expect(tokenFromFragment("#token=")).toBeUndefined();
    expect(tokenFromFragment("#main")).toBeUndefined();
    expect(tokenFromFragment("#ki_<script>")).toBeUndefined();
  });

  it("list the links for a mail merge with quotes where a value needs them", () => {
    const csv = mailMergeCsv([
      {
        name: 'Klaster "Wisła", Płock',
        region: "14",
        contact: "a@b.pl",
        link: "https://x/invite#token=1",
      },
      { name: "Klaster Odra", region: "02", link: "https://x/invite#token=2" },
    ]);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toEqual([
      "name,region,contact,link",
      '"Klaster ""Wisła"", Płock",14,a@b.pl,https://x/invite#token=1',
      "Klaster Odra,02,,https://x/invite#token=2",
    ]);
  });
});
