import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { getAgendaItemView } from "../../core/agenda/agenda-item-view.ts";
import { latestDecisions } from "../../core/agenda/latest-decisions.ts";
import { getCasePath } from "../../core/cases/case-path.ts";
import { comingMeetings, pastMeetings } from "../../core/meetings/meeting-lists.ts";
import { getMeetingView } from "../../core/meetings/meeting-view.ts";
import { findSeats, seatsByPeriod } from "../../core/memberships/seats.ts";
import {
  getOrganizationOverview,
  listOrganizations,
} from "../../core/organizations/organization-directory.ts";
import { getPersonProfile } from "../../core/people/person-profile.ts";
import { assertMayReadMembersEdition } from "../../core/publication/visibility.ts";
import type { SearchResults } from "../../core/search/search.schema.ts";
import { searchAgendaItems } from "../../core/search/search-agenda-items.ts";
import { anonymousReader, type Context } from "../../core/shared/context.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import { isId } from "../../platform/ids.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import { signedInOf } from "../forms.ts";
import type { SafeHtml } from "../html.ts";
import { bodyKinds } from "../labels.ts";
import { sendPage } from "../web-routes.ts";
import { casePage } from "./case-page.ts";
import { frontPage } from "./front-page.ts";
import { itemPage } from "./item-page.ts";
import { type Edition, meetingPage } from "./meeting-page.ts";
import { organizationPage, organizationsPage } from "./organization-pages.ts";
import { PageCache } from "./page-cache.ts";
import type { PageFrame } from "./parts.ts";
import { paths } from "./paths.ts";
import { personPage } from "./person-page.ts";
import { type FormErrors, readSearchForm, refusedSearch, searchPage, searchUrl } from "./search-page.ts";

const FRONT_PAGE_MEETINGS = 8;
const FRONT_PAGE_DECISIONS = 10;
/** A body's past meetings shown on its page, latest first. */
const BODY_PAST_MEETINGS = 100;

/** Today's date in Denmark (yyyy-mm-dd): seats and calendars are divided by it. */
const danishToday = (now: Date) => toDanishIsoString(now).slice(0, 10);

/** Rendered pages kept per server; enough for the meetings people are reading right now. */
const CACHED_PAGES = 500;

/** The id in the address, or a 404 page: an address that cannot be an id names nothing. */
function idParam(request: FastifyRequest, what: string): string {
  const id = (request.params as { id?: string }).id ?? "";
  if (!isId(id)) throw notFound(what, id);
  return id;
}

/**
 * The portal shows what the public may see, whoever asks: it is the public face of the record,
 * and its addresses are shared. The members' edition of a meeting is the one page that shows
 * more, to those who read all of the body.
 */
export function publicContext(ctx: Context): Context {
  return { db: ctx.db, actor: anonymousReader };
}

/** The frame of a page: the reader's language, the page's address, who is signed in. */
function frameOf(request: FastifyRequest, url: string): PageFrame {
  return { lang: request.lang, url, signedIn: signedInOf(request) };
}

function editionOf(request: FastifyRequest): Edition {
  const asked = (request.query as { udgave?: unknown }).udgave;
  if (asked === undefined || asked === "offentlig") return "public";
  if (asked === "medlemmer") return "members";
  throw new AppError("validation.invalid", "udgave: choose offentlig or medlemmer", { field: "udgave" });
}

/**
 * The public portal: server-rendered pages at stable Danish addresses (`paths.ts`), no login.
 * Meeting pages are cached for anonymous readers until the record changes (`page-cache.ts`).
 */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const cache = new PageCache(CACHED_PAGES);

  /**
   * Sends the page; for readers who are not signed in through the cache, keyed by language and
   * address (a signed-in reader's page header is their own).
   */
  async function sendCachable(
    request: FastifyRequest,
    reply: FastifyReply,
    canonicalUrl: string,
    render: () => Promise<SafeHtml>,
  ) {
    if (request.ctx.actor.authenticated) return sendPage(reply, await render());
    const body = await cache.get(`${request.lang} ${canonicalUrl}`, request.ctx.db.changes, async () => {
      return (await render()).value;
    });
    return reply.type("text/html; charset=utf-8").send(body);
  }

  app.get("/", async (request, reply) => {
    const ctx = publicContext(request.ctx);
    const now = new Date();
    const [coming, recent, decisions] = await Promise.all([
      comingMeetings(ctx, { today: now, limit: FRONT_PAGE_MEETINGS }),
      pastMeetings(ctx, { today: now, limit: FRONT_PAGE_MEETINGS }),
      latestDecisions(ctx, { limit: FRONT_PAGE_DECISIONS }),
    ]);
    return sendPage(reply, frontPage({ coming, recent, decisions }, frameOf(request, paths.front())));
  });

  app.get("/organer", async (request, reply) => {
    const entries = await listOrganizations(publicContext(request.ctx), danishToday(new Date()));
    return sendPage(reply, organizationsPage(entries, frameOf(request, paths.organizations())));
  });

  app.get("/organer/:id", async (request, reply) => {
    const id = idParam(request, "organization");
    const ctx = publicContext(request.ctx);
    const now = new Date();
    const today = danishToday(now);
    const overview = await getOrganizationOverview(ctx, id);
    const [members, onBehalfOf, coming, past] = await Promise.all([
      findSeats(ctx, { organizationId: id }),
      findSeats(ctx, { onBehalfOfId: id }),
      comingMeetings(ctx, { today: now, limit: 1000, organizationId: id }),
      pastMeetings(ctx, { today: now, limit: BODY_PAST_MEETINGS, organizationId: id }),
    ]);
    return sendPage(
      reply,
      organizationPage(
        {
          overview,
          members: seatsByPeriod(members, today),
          onBehalfOf: seatsByPeriod(onBehalfOf, today).current,
          coming,
          past,
          today,
        },
        frameOf(request, paths.organization(id)),
      ),
    );
  });

  app.get("/punkter/:id", async (request, reply) => {
    const id = idParam(request, "agenda item");
    const url = paths.item(id);
    return sendCachable(request, reply, url, async () =>
      itemPage(await getAgendaItemView(publicContext(request.ctx), id), frameOf(request, url)),
    );
  });

  app.get("/sager/:id", async (request, reply) => {
    const id = idParam(request, "case");
    const url = paths.case(id);
    return sendCachable(request, reply, url, async () =>
      casePage(await getCasePath(publicContext(request.ctx), id), frameOf(request, url)),
    );
  });

  app.get("/personer/:id", async (request, reply) => {
    const id = idParam(request, "person");
    const profile = await getPersonProfile(publicContext(request.ctx), id);
    return sendPage(
      reply,
      personPage(profile, { ...frameOf(request, paths.person(id)), today: danishToday(new Date()) }),
    );
  });

  app.get("/soeg", async (request, reply) => {
    const ctx = publicContext(request.ctx);
    const bodies = (await listOrganizations(ctx, danishToday(new Date()))).filter((org) =>
      bodyKinds.includes(org.kind),
    );
    const bodyIds = new Set(bodies.map((org) => org.id));
    const { form, errors, search } = readSearchForm(request.query, request.lang, bodyIds);
    let results: SearchResults | null = null;
    let refused: FormErrors = {};
    if (search) {
      try {
        results = await searchAgendaItems(ctx, search);
      } catch (error) {
        if (!(error instanceof AppError) || !error.code.startsWith("validation.")) throw error;
        refused = refusedSearch(request.lang, error.code);
      }
    }
    const allErrors = { ...errors, ...refused };
    return sendPage(
      reply,
      searchPage({ form, errors: allErrors, results, bodies }, frameOf(request, searchUrl(form))),
      Object.keys(allErrors).length ? 400 : 200,
    );
  });

  /** The public edition of a meeting, as its page or for print: the same for everyone, so cached. */
  const publicMeeting = (request: FastifyRequest, reply: FastifyReply, mode: "page" | "print") => {
    const id = idParam(request, "meeting");
    const url = mode === "page" ? paths.meeting(id) : paths.meetingPrint(id);
    return sendCachable(request, reply, url, async () =>
      meetingPage(await getMeetingView(publicContext(request.ctx), id), {
        ...frameOf(request, url),
        mode,
        edition: "public",
      }),
    );
  };

  app.get("/moeder/:id", (request, reply) => publicMeeting(request, reply, "page"));

  app.get("/moeder/:id/print", async (request, reply) => {
    if (editionOf(request) === "public") return publicMeeting(request, reply, "print");
    const id = idParam(request, "meeting");
    const view = await getMeetingView(request.ctx, id);
    assertMayReadMembersEdition(request.ctx.actor, view.organization.id);
    const url = `${paths.meetingPrint(id)}?udgave=medlemmer`;
    reply.header("cache-control", "private, no-store");
    return sendPage(
      reply,
      meetingPage(view, { ...frameOf(request, url), mode: "print", edition: "members" }),
    );
  });
}
