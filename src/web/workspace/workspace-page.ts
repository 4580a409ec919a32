import type { FastifyReply, FastifyRequest } from "fastify";
import { assertMayPrepare } from "../../core/agenda/preparation.ts";
import type { MeetingDetail } from "../../core/meetings/meeting.schema.ts";
import { getMeetingById } from "../../core/meetings/meetings.ts";
import type { Organization } from "../../core/organizations/organization.schema.ts";
import { getOrganizationById } from "../../core/organizations/organizations.ts";
import { mayKeepRegisters } from "../../core/publication/permissions.ts";
import { AppError } from "../../platform/errors.ts";
import { signedInOf } from "../forms.ts";
import { html, type SafeHtml } from "../html.ts";
import { layout } from "../layout.ts";
import { sendPage } from "../web-routes.ts";

const workspaceHead = html`<link rel="stylesheet" href="/assets/workspace.css">`;

/**
 * The workspace belongs to the secretariats: the public is asked to sign in, a signed-in user
 * without a secretariat role is refused. Each page then checks the body it shows.
 */
export function requireSecretariat(request: FastifyRequest): void {
  const { actor } = request.ctx;
  if (!actor.authenticated) {
    throw new AppError("auth.required", "The secretariat's workspace needs you to sign in");
  }
  if (!mayKeepRegisters(actor)) {
    throw new AppError("auth.forbidden", "The secretariat's workspace is for the bodies' secretariats");
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

/** A meeting the actor prepares, with its body: the start of every meeting page. */
export async function preparedMeeting(
  request: FastifyRequest,
  meetingId: string,
): Promise<{ meeting: MeetingDetail; body: Organization }> {
  const { ctx } = request;
  const meeting = await getMeetingById(ctx, meetingId);
  assertMayPrepare(ctx.actor, meeting.organizationId);
  return { meeting, body: await getOrganizationById(ctx, meeting.organizationId) };
}
