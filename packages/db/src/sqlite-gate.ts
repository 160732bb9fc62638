/**
 * @module
 * TypeORM's better-sqlite3 driver has ONE connection for the whole process. A second
 * transaction started while one is open becomes a SAVEPOINT inside it, and a plain query runs
 * inside it, sharing its commit or rollback. The gate queues transactions and plain statements
 * one after another (better-sqlite3 runs them one at a time anyway). PostgreSQL needs no gate: its pool gives
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
export function inTransaction<T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  const gate = gateOf(dataSource);
  return gate ? gate.exclusive(() => dataSource.transaction(work)) : dataSource.transaction(work);
}

/** Runs `work` (e.g. migrations) with the SQLite connection to itself. */
export function exclusively<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const gate = gateOf(dataSource);
  return gate ? gate.exclusive(work) : work();
}

/**
 * Runs one statement's `work` with the manager. Outside a transaction on SQLite it takes its turn
 * at the gate, so it can neither run inside someone else's transaction nor let one begin halfway
 * (TypeORM awaits between BEGIN and the statements). Inside a transaction (the manager has its
 * own query runner) it runs at once: queueing there would wait for itself.
 */
export function outsideOtherTransactions<T>(
  manager: EntityManager,
  work: () => Promise<T>,
): Promise<T> {
  if (manager.queryRunner) return work();
  const gate = gateOf(manager.connection);
  return gate ? gate.exclusive(work) : work();
}
