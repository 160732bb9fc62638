import { describe, expect, it } from "vitest";
import { invitationLink, mailMergeCsv, tokenFromFragment } from "./invitation-link.ts";

describe("invitation links", () => {
  it("carry the token in the fragment, so it is never sent to the server", () => {
    const link = invitationLink("https://klastry.example", "abc+/=");
    expect(new URL(link).pathname).toBe("/invite");
    expect(new URL(link).search).toBe("");
    expect(tokenFromFragment(new URL(link).hash)).toBe("abc+/=");
  });

  it("read no token from an empty or foreign fragment", () => {
    expect(tokenFromFragment("")).toBeUndefined();
    expect(tokenFromFragment("#token=")).toBeUndefined();
    expect(tokenFromFragment("#main")).toBeUndefined();
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
