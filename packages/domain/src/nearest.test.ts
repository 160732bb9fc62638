import { describe, expect, it } from "vitest";
import { nearest } from "./nearest.ts";

const FACTS = [
  "cluster",
  "clusterAgeYears",
  "memberCount",
  "smeMemberCount",
  "region",
  "kkkValidOnDate",
];

describe("nearest", () => {
  it("corrects a one-letter slip", () => {
    expect(nearest("memberCont", FACTS)).toBe("memberCount");
  });

  it("completes a truncated name instead of the shorter fact it also resembles", () => {
    expect(nearest("clusterAge", FACTS)).toBe("clusterAgeYears");
  });

  it("finds a plausible typo further away", () => {
    expect(nearest("member_cnt", FACTS)).toBe("memberCount");
  });

  it("suggests nothing for a name unlike any fact", () => {
    expect(nearest("zzz", FACTS)).toBeUndefined();
  });
});
