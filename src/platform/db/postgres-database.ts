import pg from "pg";
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
  return {
    kind: "postgres",
    query: poolQueryable.query,
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
      }
    },
    exec: poolQueryable.exec,
    close: () => pool.end(),
  };
}
