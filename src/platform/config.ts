import path from "node:path";
import { AppError } from "./errors.ts";

/** Every setting of the application, validated once. No other module reads `process.env`. */
export interface Config {
  /** TCP port of the HTTP server. */
  port: number;
  /** Host to listen on. */
  host: string;
  /** Folder for the embedded database, stored files and the lock; used for files also with a server. */
  dataDir: string;
  /** A PostgreSQL server; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | null;
  /** Bearer token that grants writes and non-public reads through the API (until accounts exist). */
  apiToken: string | null;
  /** Largest accepted upload or imported document. */
  maxUploadBytes: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** The installation's name, shown as the OParl System and Body. */
  installationName: string;
  /**
   * The canonical address clients reach the server at (`https://moeder.example.dk`), from which
   * the OParl ids are made; when absent, each request's own Host header is used.
   */
  publicUrl: string | null;
}

/** The installation's name when SAMRAAD_INSTALLATION_NAME is not set. */
export const DEFAULT_INSTALLATION_NAME = "Mødearkiv for offentlige samarbejdsorganer";

export interface ConfigOverrides {
  port?: number | string;
  host?: string;
  dataDir?: string;
  databaseUrl?: string | null;
  apiToken?: string | null;
  logLevel?: string;
}

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function parsePort(raw: string | number, source: string): number {
  const port = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError(
      "validation.invalid",
      `${source} must be a port number from 0 to 65535, not "${raw}"`,
      {
        field: source,
      },
    );
  }
  return port;
}

/** Reads the settings from the environment, with command-line overrides taking precedence. */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (error) {
      problems.push((error as Error).message);
      return fallback;
    }
  };
  const port = attempt(() => parsePort(overrides.port ?? env.PORT ?? 3000, "PORT"), 3000);
  const maxUploadBytes = attempt(() => {
    const raw = env.SAMRAAD_MAX_UPLOAD_BYTES ?? String(100 * 1024 * 1024);
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      throw new Error(`SAMRAAD_MAX_UPLOAD_BYTES must be a positive whole number of bytes, not "${raw}"`);
    }
    return value;
  }, 0);
  const logLevelRaw = overrides.logLevel ?? env.LOG_LEVEL ?? "info";
  const logLevel = logLevels.find((level) => level === logLevelRaw);
  if (!logLevel) problems.push(`LOG_LEVEL must be one of ${logLevels.join(", ")}, not "${logLevelRaw}"`);
  const databaseUrl = overrides.databaseUrl !== undefined ? overrides.databaseUrl : env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL must start with postgres:// or postgresql://");
  }
  const publicUrl = (env.SAMRAAD_PUBLIC_URL ?? "").trim().replace(/\/+$/, "") || null;
  if (publicUrl && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicUrl)) {
    problems.push(
      `SAMRAAD_PUBLIC_URL must be an http(s) address such as https://moeder.example.dk, not "${publicUrl}"`,
    );
  }
  if (problems.length > 0) {
    throw new AppError("validation.invalid", `Invalid configuration:\n- ${problems.join("\n- ")}`);
  }
  return {
    port,
    host: overrides.host ?? env.HOST ?? "127.0.0.1",
    dataDir: path.resolve(overrides.dataDir ?? env.SAMRAAD_DATA_DIR ?? "data"),
    databaseUrl,
    apiToken: overrides.apiToken !== undefined ? overrides.apiToken : env.SAMRAAD_API_TOKEN || null,
    maxUploadBytes,
    logLevel: logLevel ?? "info",
    installationName: env.SAMRAAD_INSTALLATION_NAME?.trim() || DEFAULT_INSTALLATION_NAME,
    publicUrl,
  };
}
