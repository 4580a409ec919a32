import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import type { Context } from "../core/shared/context.ts";
import { documentRoutes } from "../documents/document-routes.ts";
import type { Config } from "../platform/config.ts";
import type { Database } from "../platform/db/database.ts";
import type { FileStore } from "../platform/files/file-store.ts";
import { errorPage } from "../web/error-page.ts";
import { feedRoutes } from "../web/feeds/feed-routes.ts";
import { loginRoutes } from "../web/login/login-routes.ts";
import { portalRoutes } from "../web/portal/portal-routes.ts";
import { userAdminRoutes } from "../web/users/user-admin-routes.ts";
import { isPageRequest, langOf, negotiateRequestLang, sendPage, webRoutes } from "../web/web-routes.ts";
import { workspaceRoutes } from "../web/workspace/workspace-routes.ts";
import { apiRoutes } from "./api/routes.ts";
import { oparlRoutes } from "./oparl/oparl-routes.ts";
import { OPARL_PREFIX } from "./oparl/oparl-urls.ts";
import { sendProblem, toProblem } from "./problem.ts";
import { installAuth } from "./session.ts";

declare module "fastify" {
  interface FastifyRequest {
    ctx: Context;
  }
}

interface ServerDependencies {
  db: Database;
  files: FileStore;
  config: Pick<Config, "apiToken" | "maxUploadBytes" | "logLevel" | "secureCookies" | "trustProxy"> &
    Partial<Pick<Config, "installationName" | "publicUrl">>;
}

/** Builds the HTTP server: transport only; every route calls into core. */
export async function buildServer(deps: ServerDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === "silent" ? false : { level: deps.config.logLevel },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false } },
    trustProxy:
      typeof deps.config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (deps.config.trustProxy as number)
        : deps.config.trustProxy,
  });
  app.decorateRequest("ctx", null as unknown as Context);
  app.decorateRequest("lang", "da");
  app.addHook("onRequest", negotiateRequestLang);
  await installAuth(app, {
    db: deps.db,
    bootstrapToken: deps.config.apiToken,
    secureCookies: deps.config.secureCookies,
  });
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    if (isPageRequest(request)) {
      const detail = problem.status >= 500 ? undefined : problem.detail;
      return sendPage(
        reply,
        errorPage({ lang: langOf(request), url: request.url, status: problem.status, detail }),
        problem.status,
      );
    }
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    isPageRequest(request)
      ? sendPage(reply, errorPage({ lang: langOf(request), url: request.url, status: 404 }), 404)
      : sendProblem(reply, {
          type: "https://samraad.dk/problems/record.not_found",
          title: "Not found",
          status: 404,
          detail: `${request.method} ${request.url} is not a route of this server`,
          code: "record.not_found",
        }),
  );

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Samraad API",
        version: "1",
        description:
          "The meeting record of public cooperation bodies. Reads without credentials show what the public may see. " +
          "Writes, and reads of closed items and drafts, need `Authorization: Bearer <token>` (a user's API token, " +
          "acting with that user's roles per body) or a browser session; a write with the session cookie also needs " +
          "`X-CSRF-Token` (from `GET /api/v1/me`). 401: not signed in; 403: signed in without the role. " +
          "Errors are RFC 9457 problem details.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "samraad_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }, {}],
    },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
  await app.register(apiRoutes, {
    prefix: "/api/v1",
    files: deps.files,
    maxUploadBytes: deps.config.maxUploadBytes,
  });
  await app.register(oparlRoutes, { prefix: OPARL_PREFIX, files: deps.files, config: deps.config });
  await app.register(
    webRoutes([
      loginRoutes,
      userAdminRoutes,
      feedRoutes,
      portalRoutes,
      workspaceRoutes({ files: deps.files, maxUploadBytes: deps.config.maxUploadBytes }),
    ]),
  );
  await app.register(documentRoutes, { files: deps.files });
  return app;
}
