import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { resolveApiToken } from "../core/accounts/api-tokens.ts";
import { newSecret, sameSecret } from "../core/accounts/secrets.ts";
import { createSession, resolveSession, revokeSession, type Session } from "../core/accounts/sessions.ts";
import { type Actor, anonymousReader, systemActorNamed } from "../core/shared/context.ts";
import type { Database } from "../platform/db/database.ts";
import { AppError } from "../platform/errors.ts";
import { errorPage } from "../web/error-page.ts";
import { messages } from "../web/i18n.ts";
import { isPageRequest, langOf, sendPage } from "../web/web-routes.ts";

/**
 * Who is asking, for every request: a bearer token (the bootstrap token acts as the administrator,
 * a user's API token as that user), else a session cookie, else the public. And CSRF: every
 * state-changing request a browser sends on its own (a form, or a JSON write with the session
 * cookie) must carry the token of its session; bearer tokens are not sent by browsers on their
 * own, so they need none.
 *
 * For pages with forms: `csrfToken(request, reply)` gives the value of the hidden `_csrf` field
 * (`csrfField` in `web/forms.ts` writes the input). Checking is not per route: the `preValidation`
 * hook installed here checks every POST, PUT, PATCH and DELETE, so no form can forget it.
 * JSON clients with a session send it as `X-CSRF-Token` (from `GET /api/v1/me`); a multipart
 * form may put it in the query string (`?_csrf=`), as its body is read later.
 */
const SESSION_COOKIE = "samraad_session";
/** Before login there is no session: the login form's token is also kept in this cookie (double submit). */
const CSRF_COOKIE = "samraad_csrf";
export const CSRF_FIELD = "_csrf";
const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    /** The browser session, when the actor comes from the session cookie. */
    session: Session | null;
    /** How the actor was established. */
    authentication: "session" | "token" | "none";
  }
  interface FastifyInstance {
    authOptions: AuthOptions;
  }
}

interface AuthOptions {
  db: Database;
  /** The bootstrap token (SAMRAAD_API_TOKEN or `<data>/api-token`): the administrator. */
  bootstrapToken: string | null;
  secureCookies: boolean;
}

const text = messages(
  {
    csrfRefused:
      "Formularen kunne ikke godkendes: den er for gammel, eller den kom ikke fra denne side. Gå tilbage, genindlæs siden, og prøv igen.",
  },
  {
    csrfRefused:
      "The form could not be accepted: it is too old, or it did not come from this site. Go back, reload the page and try again.",
  },
);

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function cookieOptions(request: FastifyRequest) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: request.server.authOptions.secureCookies,
  };
}

async function actorOf(request: FastifyRequest, reply: FastifyReply, options: AuthOptions): Promise<Actor> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (token && options.bootstrapToken && sameSecret(token, options.bootstrapToken)) {
      request.authentication = "token";
      return systemActorNamed("api-token");
    }
    const actor = token ? await resolveApiToken(options.db, token) : null;
    if (!actor) {
      throw new AppError("auth.required", "Authorization: the token is not valid", {
        field: "authorization",
      });
    }
    request.authentication = "token";
    return actor;
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (sessionToken) {
    const resolved = await resolveSession(options.db, sessionToken);
    if (resolved) {
      request.session = resolved.session;
      request.authentication = "session";
      return resolved.actor;
    }
    // Expired or revoked: the browser may forget it.
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
  }
  return anonymousReader;
}

function submittedCsrf(request: FastifyRequest): string | undefined {
  const body = request.body;
  if (body && typeof body === "object" && CSRF_FIELD in body) {
    const value = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof value === "string") return value;
  }
  const header = request.headers[CSRF_HEADER];
  if (typeof header === "string") return header;
  if (request.headers["content-type"]?.startsWith("multipart/form-data")) {
    const value = (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (typeof value === "string") return value;
  }
  return undefined;
}

async function csrfGuard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (safeMethods.has(request.method) || request.authentication === "token") return;
  const page = isPageRequest(request);
  // An anonymous write to the machine doors is refused with 401 by core: nothing to forge there.
  if (!page && request.authentication !== "session") return;
  const expected = request.session?.csrfToken ?? request.cookies[CSRF_COOKIE];
  const given = submittedCsrf(request);
  if (expected && given && sameSecret(given, expected)) return;
  request.log.warn({ url: request.url }, "CSRF token missing or wrong");
  if (page) {
    const lang = langOf(request);
    return sendPage(
      reply,
      errorPage({ lang, url: request.url, status: 403, detail: text[lang].csrfRefused }),
      403,
    );
  }
  throw new AppError(
    "auth.csrf",
    `${CSRF_HEADER}: a write with the session cookie needs the session's CSRF token in this header (GET /api/v1/me gives it), or use a bearer token`,
    { field: CSRF_HEADER },
  );
}

/** Installs cookies, the actor of every request, and the CSRF check on the root instance. */
export async function installAuth(app: FastifyInstance, options: AuthOptions): Promise<void> {
  await app.register(cookie);
  app.decorate("authOptions", options);
  app.decorateRequest("session", null);
  app.decorateRequest("authentication", "none");
  app.addHook("onRequest", async (request, reply) => {
    request.ctx = { db: options.db, actor: await actorOf(request, reply, options) };
  });
  app.addHook("preValidation", csrfGuard);
}

/** The CSRF token a form of this page must carry: the session's, or before login a cookie's. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return request.session.csrfToken;
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newSecret();
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(request));
  // A second form on the same page gets the same token.
  request.cookies[CSRF_COOKIE] = token;
  return token;
}

/**
 * Starts a session for the user who just logged in. Any session the browser had is ended first,
 * so a session token planted before login is worth nothing after it (session fixation).
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<Actor> {
  const { db } = request.server.authOptions;
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await revokeSession(db, previous);
  const { token } = await createSession(db, userId);
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
  const resolved = await resolveSession(db, token);
  if (!resolved) throw new Error("a session just made does not resolve");
  return resolved.actor;
}

/** Ends the browser's session (logout). */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await revokeSession(request.server.authOptions.db, token);
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
