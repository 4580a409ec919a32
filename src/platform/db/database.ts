import type { ChangeClock } from "./change-clock.ts";

/**
 * The one door to SQL. Both stores (embedded PGlite and a PostgreSQL server) implement it, so the
 * repositories run the same SQL on both. Dates come back as `yyyy-mm-dd` strings, timestamps as
 * `Date`, bigints as numbers, on both.
 */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
}

export interface Database extends Queryable {
  /**
   * Runs `work` in one transaction: all of it commits, or none of it does. Called on a transaction,
   * it joins the outer one, so a use case can be composed into a larger unit of work.
   */
  transaction<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations, restore). */
  exec(sql: string): Promise<void>;
  /** The handle's change clock; absent on a transaction (caches ask the handle). */
  readonly changes?: ChangeClock;
}

export type StoreKind = "pglite" | "postgres";

/** An open database with its life cycle. */
export interface DatabaseHandle extends Database {
  readonly kind: StoreKind;
  /** Counts committed changes, for caches of what is read from this database. */
  readonly changes: ChangeClock;
  close(): Promise<void>;
}

/** OIDs whose text form we keep, so both stores agree on the JavaScript value. */
export const DATE_OID = 1082;
export const INT8_OID = 20;

/** A joined transaction: nested `transaction` calls run inside the outer one. */
export function joinedTransaction(queryable: Queryable & Pick<Database, "exec">): Database {
  const tx: Database = {
    query: (sql, params) => queryable.query(sql, params),
    exec: (sql) => queryable.exec(sql),
    transaction: (work) => work(tx),
  };
  return tx;
}
