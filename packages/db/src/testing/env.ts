/**
 * @module
 * The environment the test helpers read, validated once: where PostgreSQL runs (the libpq
 * variables turbo passes through) and whether we run under CI.
 */
import { z } from "zod";

const TestEnvSchema = z.object({
  PGHOST: z.string().min(1).default("127.0.0.1"),
  PGPORT: z.coerce.number().int().min(1).max(65535).default(5432),
  PGUSER: z.string().min(1).default("postgres"),
  CI: z
    .string()
    .optional()
    .transform((value) => value === "true" || value === "1"),
});

export const testEnv = TestEnvSchema.parse(process.env);

/** A url of `database` on the test server (trust auth: no password). */
export function postgresUrl(database: string): string {
  return `postgres://${encodeURIComponent(testEnv.PGUSER)}@${testEnv.PGHOST}:${testEnv.PGPORT}/${database}`;
}
