import fs from "node:fs";
import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { ChangeClock, statementMayWrite } from "./change-clock.ts";
import { acquireDataFolderLock } from "./data-folder-lock.ts";
import { DATE_OID, type Database, type DatabaseHandle, INT8_OID, joinedTransaction } from "./database.ts";

const keepText = (value: string) => value;

function wrapTransaction(tx: Transaction): Database {
  return joinedTransaction({
    query: async <Row extends object>(sql: string, params?: readonly unknown[]) =>
      (await tx.query<Row>(sql, params ? [...params] : undefined)).rows,
    exec: async (sql: string) => {
      await tx.exec(sql);
    },
  });
}

/**
 * Opens the embedded database in `dataDir/pgdata`, holding the folder's lock for as long as it is
 * open. PGlite's default start parameters include `-F` (fsync off); we drop it so that commits
 * are flushed. (Inside WASM the flush reaches the operating system's page cache: a committed row
 * survives a crash of this process.) The folder's lock makes this process the only writer, so
 * its own writes are all the changes its clock has to count.
 */
export async function openPgliteDatabase(dataDir: string): Promise<DatabaseHandle> {
  const lock = acquireDataFolderLock(dataDir);
  try {
    const pgdata = path.join(dataDir, "pgdata");
    fs.mkdirSync(pgdata, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: pgdata,
      extensions: { btree_gist, pg_trgm },
      parsers: { [DATE_OID]: keepText, [INT8_OID]: (value: string) => Number(value) },
      startParams: PGlite.defaultStartParams.filter((param) => param !== "-F"),
    });
    const changes = new ChangeClock();
    return {
      kind: "pglite",
      changes,
      query: async <Row extends object>(sql: string, params?: readonly unknown[]) => {
        try {
          return (await pglite.query<Row>(sql, params ? [...params] : undefined)).rows;
        } finally {
          if (statementMayWrite(sql)) changes.tick();
        }
      },
      transaction: async (work) => {
        try {
          return await pglite.transaction((tx) => work(wrapTransaction(tx)));
        } finally {
          changes.tick();
        }
      },
      exec: async (sql) => {
        try {
          await pglite.exec(sql);
        } finally {
          changes.tick();
        }
      },
      close: async () => {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
