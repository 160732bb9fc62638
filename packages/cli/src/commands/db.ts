/**
 * @module
 * `klastry db seed`: migrate the database and seed it from the knowledge base (idempotent).
 */
import { seedKnowledgeBase } from "@klastry/db";
import { loadKnowledgeBase } from "@klastry/knowledge";
import type { CommandIo } from "../io.ts";
import { openMigratedDatabase } from "../open-db.ts";

export async function dbSeed(_args: string[], io: CommandIo): Promise<number> {
  // Load and validate the knowledge base first: a bad data file stops here, database untouched.
  const knowledge = loadKnowledgeBase();
  const db = await openMigratedDatabase(io.cwd);
  try {
    const counts = await seedKnowledgeBase(db, knowledge);
    io.out(`Seeded ${db.kind} database:`);
    for (const [collection, count] of Object.entries(counts))
      io.out(`  ${collection}: ${JSON.stringify(count)}`);
    return 0;
  } finally {
    await db.close();
  }
}
