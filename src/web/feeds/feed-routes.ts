import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { validate as isUuid } from "uuid";
import { treatmentsOfCase } from "../../core/cases/case-treatments.ts";
import { type Calendar, calendarOfBody, calendarOfPerson } from "../../core/meetings/meeting-calendar.ts";
import { getOrganizationById } from "../../core/organizations/organizations.ts";
import { recentPublications } from "../../core/publication/versions.ts";
import { anonymousReader, type Context } from "../../core/shared/context.ts";
import { notFound } from "../../platform/errors.ts";
import { langOf } from "../web-routes.ts";
import { renderAtom } from "./atom.ts";
import { BODY_FEED_ENTRIES, bodyFeed } from "./body-feed.ts";
import { caseFeed } from "./case-feed.ts";
import { type CalendarOwner, renderCalendar } from "./ical.ts";
import { sendFeed } from "./send-feed.ts";

const ICALENDAR = "text/calendar; charset=utf-8";
const ATOM = "application/atom+xml; charset=utf-8";

type WithId = { Params: { id: string } };

/**
 * Feeds are public: they are read as the public, whoever asks (a subscription URL is shared and
 * cached, so it must never carry what only the secretariat may see).
 */
function publicContext(request: FastifyRequest): Context {
  return { db: request.ctx.db, actor: anonymousReader };
}

/** The id in the path; one that cannot be an id is as unknown as one that is not there. */
function idOf(request: FastifyRequest<WithId>, type: string): string {
  const { id } = request.params;
  if (!isUuid(id)) throw notFound(type, id);
  return id;
}

/** Links, UIDs and feed ids are absolute, on the address the reader used. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function sendCalendar(request: FastifyRequest, reply: FastifyReply, found: Calendar, owner: CalendarOwner) {
  return sendFeed(request, reply, {
    body: renderCalendar(found, { origin: originOf(request), lang: langOf(request), owner }),
    contentType: ICALENDAR,
    lastModified: found.lastModified,
  });
}

/**
 * The subscription door: iCal calendars of a body's and a person's meetings, Atom feeds of a
 * body's publications and of a case's treatments. Unknown ids answer the Danish 404 page.
 */
export const feedRoutes: FastifyPluginAsync = async (app) => {
  app.get<WithId>("/organer/:id/kalender.ics", async (request, reply) => {
    const found = await calendarOfBody(publicContext(request), idOf(request, "organization"));
    return sendCalendar(request, reply, found, "body");
  });

  app.get<WithId>("/personer/:id/kalender.ics", async (request, reply) => {
    const found = await calendarOfPerson(publicContext(request), idOf(request, "person"));
    return sendCalendar(request, reply, found, "person");
  });

  app.get<WithId>("/organer/:id/feed.atom", async (request, reply) => {
    const ctx = publicContext(request);
    const organization = await getOrganizationById(ctx, idOf(request, "organization"));
    const publications = await recentPublications(ctx, {
      organizationId: organization.id,
      limit: BODY_FEED_ENTRIES,
    });
    const feed = bodyFeed(organization, publications, { origin: originOf(request), lang: langOf(request) });
    return sendFeed(request, reply, {
      body: renderAtom(feed),
      contentType: ATOM,
      lastModified: feed.updated,
    });
  });

  app.get<WithId>("/sager/:id/feed.atom", async (request, reply) => {
    const { case: found, treatments } = await treatmentsOfCase(publicContext(request), idOf(request, "case"));
    const feed = caseFeed(found, treatments, { origin: originOf(request), lang: langOf(request) });
    return sendFeed(request, reply, {
      body: renderAtom(feed),
      contentType: ATOM,
      lastModified: feed.updated,
    });
  });
};
