/**
 * @module
 * TypeORM's better-sqlite3 driver has ONE connection for the whole process. A second
 * transaction started while one is open becomes a SAVEPOINT inside it, and a plain query runs
 * inside it, sharing its commit or rollback. The gate queues transactions one after another and
 * makes plain queries wait until no transaction is open. PostgreSQL needs no gate: its pool gives
 * each transaction its own connection.
 */
import type { DataSource, EntityManager } from "typeorm";

class Gate {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `work` after every earlier exclusive work has finished; later work waits for it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Resolves when no exclusive work is queued or running. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }
}

const gates = new WeakMap<DataSource, Gate>();

function gateOf(dataSource: DataSource): Gate | undefined {
  if (dataSource.driver.options.type !== "better-sqlite3") return undefined;
  let gate = gates.get(dataSource);
  if (!gate) {
    gate = new Gate();
    gates.set(dataSource, gate);
  }
  return gate;
}

/** Runs `work` in a transaction; on SQLite, never alongside another transaction. */
export function inTransaction<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const gate = gateOf(dataSource);
  return gate ? gate.exclusive(() => dataSource.transaction(work)) : dataSource.transaction(work);
}

/** Runs `work` (e.g. migrations) with the SQLite connection to itself. */
export function exclusively<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const gate = gateOf(dataSource);
  return gate ? gate.exclusive(work) : work();
}

/**
 * Waits, outside a transaction on SQLite, until no transaction is open, so a plain query does
 * not run inside someone else's transaction. Inside a transaction (the manager has its own query
 * runner) it returns at once: waiting there would wait for itself.
 */
export async function untilNoTransaction(manager: EntityManager): Promise<void> {
  if (manager.queryRunner) return;
  await gateOf(manager.connection)?.idle();
}
