import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.ts";

describe("loadEnv", () => {
  it("treats an empty DATABASE_URL as absent", () => {
    expect(loadEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("fills defaults: port 3000, rules and web folders under the repository", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.RULES_DIR).toMatch(/\/rules$/);
    expect(env.WEB_DIST).toMatch(/\/apps\/web\/dist$/);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BODY_LIMIT).toBe(256 * 1024);
  });

  it("splits CORS origins and parses flags", () => {
    const env = loadEnv({ CORS_ORIGIN: "https://a.pl, https://b.pl", TRUST_PROXY: "true" });
    expect(env.CORS_ORIGIN).toEqual(["https://a.pl", "https://b.pl"]);
    expect(env.TRUST_PROXY).toBe(true);
  });

  it("reads REDIS_URL when it is a redis url, and treats an empty one as absent", () => {
    expect(loadEnv({}).REDIS_URL).toBeUndefined();
    expect(loadEnv({ REDIS_URL: "" }).REDIS_URL).toBeUndefined();
    expect(loadEnv({ REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe(
      "redis://127.0.0.1:6379",
    );
    expect(() => loadEnv({ REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL.*redis:\/\//);
  });

  it("lists every invalid variable in one error", () => {
    expect(() => loadEnv({ PORT: "eighty", BODY_LIMIT: "-1" })).toThrow(/PORT[\s\S]*BODY_LIMIT/);
  });
});
