import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { buildServer } from "../../http/server.ts";
import { configFrom, openRuntime, withStoreOptions } from "../runtime.ts";
import { loadDemo } from "./demo-command.ts";

interface ServeOptions {
  port?: string;
  host?: string;
  data?: string;
  databaseUrl?: string;
  demo?: boolean;
}

/** The token of this data folder, made on first start when none is configured. */
function apiTokenOf(dataDir: string): string {
  const file = path.join(dataDir, "api-token");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString("base64url");
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

export function serveCommand(): Command {
  return withStoreOptions(new Command("serve").description("start the HTTP server (JSON API at /api/v1)"))
    .option("--port <port>", "TCP port (default 3000, or PORT)")
    .option("--host <host>", "address to listen on (default 127.0.0.1, or HOST)")
    .option("--demo", "load the demo world first when the record is empty")
    .action(async (options: ServeOptions) => {
      const config = configFrom(options, {
        ...(options.port ? { port: options.port } : {}),
        ...(options.host ? { host: options.host } : {}),
      });
      const runtime = await openRuntime(config);
      let app: Awaited<ReturnType<typeof buildServer>> | undefined;
      const shutdown = async () => {
        await app?.close();
        await runtime.close();
      };
      try {
        if (options.demo) await loadDemo(runtime, console.log);
        const apiToken = config.apiToken ?? apiTokenOf(config.dataDir);
        app = await buildServer({ db: runtime.db, files: runtime.files, config: { ...config, apiToken } });
        await app.listen({ port: config.port, host: config.host });
        console.log(
          `Samraad listens on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} ` +
            `(${runtime.db.kind}${runtime.db.kind === "pglite" ? ` in ${config.dataDir}` : ""})`,
        );
        if (!config.apiToken) {
          console.log(
            `Bootstrap API token (acts as administrator): ${path.join(config.dataDir, "api-token")}`,
          );
        }
        const [users] = await runtime.db.query<{ count: number }>("SELECT count(*)::int AS count FROM users");
        if (!users?.count) {
          // The embedded database has one owner at a time: the CLI is refused while the server runs.
          const when = runtime.db.kind === "pglite" ? " (after stopping the server)" : "";
          console.log(`No users yet: add the first administrator${when} with`);
          console.log("  ./bin/samraad user add EMAIL --name NAME --admin");
        }
        if (!config.secureCookies && !["127.0.0.1", "localhost", "::1"].includes(config.host)) {
          console.warn(
            "Session cookies are sent without Secure: set SAMRAAD_SECURE_COOKIES=true (or NODE_ENV=production) when served over HTTPS",
          );
        }
      } catch (error) {
        await shutdown();
        throw error;
      }
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => {
          shutdown().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      }
    });
}
