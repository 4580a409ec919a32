import path from "node:path";
import formbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { SafeHtml } from "./html.ts";
import { LANG_COOKIE, type Lang, negotiateLang } from "./i18n.ts";

declare module "fastify" {
  interface FastifyRequest {
    lang: Lang;
  }
}

/** Paths that belong to the machine doors; everything else is a page for people. */
export function isPageRequest(request: FastifyRequest): boolean {
  return !/^\/(api|oparl)(\/|$)/.test(request.url);
}

/** The reader's language for any request (pages decorate it; error handlers may ask early). */
export function langOf(request: FastifyRequest): Lang {
  return request.lang ?? negotiateLang(request.query, request.headers.cookie).lang;
}

/**
 * Root hook (pages and their error pages alike): the reader's language, remembered when chosen.
 * Registered by the server before any route, so 404 pages speak the reader's language too.
 */
export async function negotiateRequestLang(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isPageRequest(request)) return;
  const { lang, chosen } = negotiateLang(request.query, request.headers.cookie);
  request.lang = lang;
  if (chosen) reply.header("set-cookie", `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`);
}

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type("text/html; charset=utf-8").send(page.value);
}

/**
 * The web door: server-rendered pages. Each feature (portal, workspace, login) is a plugin in its
 * own folder, registered here; they share the language, forms and assets set up here.
 */
export function webRoutes(features: readonly FastifyPluginAsync[]): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    await app.register(formbody);
    await app.register(fastifyStatic, {
      root: path.join(import.meta.dirname, "assets"),
      prefix: "/assets/",
      maxAge: "1h",
    });
    for (const feature of features) await app.register(feature);
  };
}
