import pg from "pg";
import { CHANGE_CHANNEL, ChangeClock, statementMayWrite } from "./change-clock.ts";
import {
  DATE_OID,
  type Database,
  type DatabaseHandle,
  INT8_OID,
  joinedTransaction,
  type Queryable,
} from "./database.ts";

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function queryableOf(client: pg.Pool | pg.PoolClient): Queryable & Pick<Database, "exec"> {
  return {
    query: async <Row extends object>(sql: string, params?: readonly unknown[]) =>
      (await client.query<Row>(sql, params ? [...params] : undefined)).rows,
    exec: async (sql: string) => {
      await client.query(sql);
    },
  };
}

const RELISTEN_AFTER_MS = 1000;

/**
 * Other processes may write to a server: its change notices tick the clock. While the listening
 * connection is down the clock is blind (caches stand aside) and a new one is tried every second.
 */
async function listenForChanges(
  connectionString: string,
  changes: ChangeClock,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let closing = false;
  let retry: NodeJS.Timeout | undefined;
  const lost = () => {
    if (closing) return;
    changes.blind();
    const dead = client;
    client = null;
    dead?.end().catch(() => undefined);
    clearTimeout(retry);
    retry = setTimeout(() => connect().catch(lost), RELISTEN_AFTER_MS);
    retry.unref();
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on("notification", () => changes.tick());
    next.on("error", lost);
    next.on("end", lost);
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    client = next;
    changes.see();
  };
  await connect();
  return async () => {
    closing = true;
    clearTimeout(retry);
    await client?.end();
  };
}

/** Opens a pool on a PostgreSQL server (version 15 or later). */
export async function openPostgresDatabase(
  connectionString: string,
  options: { maxConnections?: number } = {},
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, types, max: options.maxConnections ?? 10 });
  // An idle connection the server ends (a restart, pg_terminate_backend, a dropped database while
  // the pool closes) is already removed by the pool; unheard, its error would end the process.
  pool.on("error", () => undefined);
  // Fail now with the server's own message rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const poolQueryable = queryableOf(pool);
  const changes = new ChangeClock();
  let stopListening: () => Promise<void>;
  try {
    stopListening = await listenForChanges(connectionString, changes);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: "postgres",
    changes,
    async query<Row extends object>(sql: string, params?: readonly unknown[]) {
      try {
        return await poolQueryable.query<Row>(sql, params);
      } finally {
        if (statementMayWrite(sql)) changes.tick();
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(joinedTransaction(queryableOf(client)));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
        changes.tick();
      }
    },
    async exec(sql) {
      try {
        await poolQueryable.exec(sql);
      } finally {
        changes.tick();
      }
    },
    async close() {
      await stopListening();
      await pool.end();
    },
  };
}
