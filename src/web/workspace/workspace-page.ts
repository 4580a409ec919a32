import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../platform/errors.ts";
import { html, type SafeHtml } from "../html.ts";
import { layout, type SignedIn } from "../layout.ts";
import { sendPage } from "../web-routes.ts";

const workspaceHead = html`<link rel="stylesheet" href="/assets/workspace.css">`;

/** Who is signed in, for the page header; until accounts exist nobody is (the API token acts). */
function signedInOf(_request: FastifyRequest): SignedIn | null {
  return null;
}

/** The workspace belongs to the secretariat: others are asked to sign in. */
export function requireSecretariat(request: FastifyRequest): void {
  if (request.ctx.actor.audience !== "internal") {
    throw new AppError("auth.required", "The secretariat's workspace needs you to sign in");
  }
}

/** Sends a workspace page in the site's frame, with the workspace's style sheet. */
export function sendWorkspacePage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { title: string; body: SafeHtml; status?: number },
): FastifyReply {
  return sendPage(
    reply,
    layout({
      lang: request.lang,
      title: options.title,
      url: request.url,
      body: options.body,
      head: workspaceHead,
      signedIn: signedInOf(request),
    }),
    options.status ?? 200,
  );
}
