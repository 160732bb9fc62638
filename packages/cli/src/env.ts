/**
 * @module
 * The CLI's environment, read once: the database to use.
 */
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
});

export type CliEnv = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): CliEnv {
  return EnvSchema.parse({ DATABASE_URL: source.DATABASE_URL || undefined });
}
