import type { FastifyReply, FastifyRequest } from "fastify";
import { mayKeepRegisters } from "../core/publication/permissions.ts";
import { CSRF_FIELD, csrfToken } from "../http/session.ts";
import { html, type SafeHtml } from "./html.ts";
import type { SignedIn } from "./layout.ts";

/**
 * The hidden field every `<form method="post">` carries. The server checks it on every
 * state-changing request (`http/session.ts`); a form without it is refused with 403.
 */
export function csrfField(request: FastifyRequest, reply: FastifyReply): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken(request, reply)}">`;
}

/** Who is signed in, for the page header (`layout`'s `signedIn`); null for the public and for tokens. */
export function signedInOf(request: FastifyRequest): SignedIn | null {
  const { actor } = request.ctx;
  if (!request.session || !actor.user) return null;
  return {
    name: actor.user.name,
    csrfToken: request.session.csrfToken,
    mayUseWorkspace: mayKeepRegisters(actor),
  };
}

/** A local path to go on to after a form (`?next=`); anything else (another site, `//host`) is refused. */
export function localPath(value: unknown, fallback: string): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  ) {
    return fallback;
  }
  return /[\r\n]/.test(value) ? fallback : value;
}

/** A text field of a posted form; anything else (absent, repeated) counts as empty. */
export function formField(body: unknown, name: string): string {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : "";
}
