import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/http/server.ts";
import type { TestStore } from "./databases.ts";

const TEST_TOKEN = "test-token-for-the-secretariat";
export const asSecretariat = { authorization: `Bearer ${TEST_TOKEN}` };

/**
 * The real server on a test store, driven in-process with `inject`. The bootstrap token
 * (`asSecretariat`) acts as the administrator; cookies are not `Secure` unless asked for.
 */
export function testServer(
  store: TestStore,
  maxUploadBytes = 1024 * 1024,
  options: { secureCookies?: boolean } = {},
): Promise<FastifyInstance> {
  return buildServer({
    db: store.db,
    files: store.files,
    config: {
      apiToken: TEST_TOKEN,
      maxUploadBytes,
      logLevel: "silent",
      secureCookies: options.secureCookies ?? false,
      trustProxy: false,
    },
  });
}
