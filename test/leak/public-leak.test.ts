import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { parseDocument } from "htmlparser2";
import { createCase, createConsultation } from "../../src/core/cases/cases.ts";
import { addFile } from "../../src/core/files/files.ts";
import { updateMeeting } from "../../src/core/meetings/meetings.ts";
import { extractPdf } from "../../src/import/extract/extract-pdf.ts";
import { openTestStore } from "../support/databases.ts";
import {
  makeAgendaItem,
  makeMeeting,
  makeOrganization,
  makePerson,
  secretariat,
} from "../support/factories.ts";
import { testServer } from "../support/test-server.ts";

/**
 * The public must never see a closed item's content nor an unpublished draft. This test plants a
 * marker word in every part of a closed item and of a draft agenda, then fetches everything a
 * member of the public can reach — the site's pages by following links, the OParl API by following
 * every URL in it, the feeds, calendars, PDFs, search — and looks for the markers in every answer.
 */
const CLOSED_MARKER = "xylofonkrabbe";
const DRAFT_MARKER = "zebrabetonblander";

const ORIGIN = "http://localhost:80";
const privatePaths = /^\/(sekretariat|log-ind|log-ud)(\/|$|\?)/;

interface Fetched {
  url: string;
  status: number;
  contentType: string;
  text: string;
}

function linksInHtml(page: string): string[] {
  const links: string[] = [];
  const visit = (node: unknown) => {
    const element = node as { name?: string; attribs?: Record<string, string>; children?: unknown[] };
    const href = element.attribs?.href ?? (element.name === "form" ? element.attribs?.action : undefined);
    if (href) links.push(href);
    for (const child of element.children ?? []) visit(child);
  };
  visit(parseDocument(page));
  return links;
}

function urlsInJson(value: unknown, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (value.startsWith(ORIGIN) || value.startsWith("/")) found.push(value);
  } else if (Array.isArray(value)) {
    for (const entry of value) urlsInJson(entry, found);
  } else if (value && typeof value === "object") {
    for (const entry of Object.values(value)) urlsInJson(entry, found);
  }
  return found;
}

function localPath(href: string): string | null {
  if (href.startsWith("#") || href.startsWith("mailto:")) return null;
  const url = new URL(href, ORIGIN);
  if (url.origin !== new URL(ORIGIN).origin) return null;
  url.hash = "";
  return `${url.pathname}${url.search}`;
}

describe("nothing closed or unpublished reaches the public", () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let app: FastifyInstance;
  const fetched: Fetched[] = [];
  const directProbes: string[] = [];

  before(async () => {
    store = await openTestStore("pglite");
    const { db, files } = store;
    const ctx = { ...secretariat(db), files };
    const body = await makeOrganization(db, "KKR Leaktest");
    const presenter = await makePerson(db, "Åse Ørsted");

    // A meeting whose agenda and minutes are published: one open item, one closed item.
    const meeting = await makeMeeting(db, { organizationId: body.id, title: "Møde med lukket punkt" });
    const openItem = await makeAgendaItem(db, {
      meetingId: meeting.id,
      number: "1",
      title: "Åbent punkt om uddannelse",
      background: "Offentlig baggrund.",
      decision: "Godkendt.",
      outcome: "approved",
      presenterIds: [presenter.id],
    });
    const closedItem = await makeAgendaItem(db, {
      meetingId: meeting.id,
      number: "2",
      title: `Salg af grund ${CLOSED_MARKER}`,
      isPublic: false,
      background: `Baggrund ${CLOSED_MARKER}`,
      recommendation: `Indstilling ${CLOSED_MARKER}`,
      casePresentation: `Sagsfremstilling ${CLOSED_MARKER}`,
      finance: `Økonomi ${CLOSED_MARKER}`,
      decision: `Beslutning ${CLOSED_MARKER}`,
      outcome: "approved",
      presenterIds: [presenter.id],
    });
    const closedCase = await createCase(ctx, { title: `Grundsalg ${CLOSED_MARKER}` });
    await createConsultation(ctx, {
      caseId: closedCase.id,
      agendaItemId: closedItem.id,
      purpose: "decision",
    });
    const closedFile = await addFile(ctx, {
      name: `Bilag ${CLOSED_MARKER}.txt`,
      mediaType: "text/plain",
      bytes: new TextEncoder().encode(`Fortroligt bilag ${CLOSED_MARKER}`),
      agendaItemId: closedItem.id,
    });
    const openCase = await createCase(ctx, { title: "Åben sag om uddannelse" });
    await createConsultation(ctx, { caseId: openCase.id, agendaItemId: openItem.id, purpose: "decision" });
    await addFile(ctx, {
      name: "Bilag om uddannelse.txt",
      mediaType: "text/plain",
      bytes: new TextEncoder().encode("Et offentligt bilag."),
      agendaItemId: openItem.id,
    });
    for (const state of ["agenda_published", "held", "minutes_approved", "minutes_published"] as const) {
      await updateMeeting(secretariat(db), meeting.id, { state });
    }

    // A meeting whose agenda is still a draft: open items, but nothing of them is public yet.
    const draft = await makeMeeting(db, { organizationId: body.id, title: "Kommende møde" });
    const draftItem = await makeAgendaItem(db, {
      meetingId: draft.id,
      number: "1",
      title: `Udkast ${DRAFT_MARKER}`,
      background: `Baggrund ${DRAFT_MARKER}`,
      presenterIds: [presenter.id],
    });
    await addFile(ctx, {
      name: `Udkast ${DRAFT_MARKER}.txt`,
      mediaType: "text/plain",
      bytes: new TextEncoder().encode(`Udkast ${DRAFT_MARKER}`),
      agendaItemId: draftItem.id,
    });

    app = await testServer(store);
    // Known addresses of hidden things: asking for them directly must not reveal them either.
    directProbes.push(
      `/punkter/${closedItem.id}`,
      `/punkter/${draftItem.id}`,
      `/sager/${closedCase.id}`,
      `/api/v1/agenda-items/${closedItem.id}`,
      `/api/v1/agenda-items/${draftItem.id}`,
      `/api/v1/files/${closedFile.id}`,
      `/api/v1/files/${closedFile.id}/content`,
      `/api/v1/cases/${closedCase.id}`,
      `/sager/${closedCase.id}/feed.atom`,
    );
    const seeds = [
      "/",
      "/organer",
      `/organer/${body.id}`,
      `/moeder/${meeting.id}`,
      `/moeder/${draft.id}`,
      `/moeder/${meeting.id}/print`,
      `/moeder/${meeting.id}/dagsorden.pdf`,
      `/moeder/${meeting.id}/dagsorden.pdf?bilag=med`,
      `/moeder/${meeting.id}/referat.pdf`,
      `/moeder/${draft.id}/dagsorden.pdf`,
      `/organer/${body.id}/kalender.ics`,
      `/organer/${body.id}/feed.atom`,
      `/personer/${presenter.id}`,
      `/personer/${presenter.id}/kalender.ics`,
      `/sager/${openCase.id}`,
      `/sager/${openCase.id}/feed.atom`,
      "/soeg?q=grund",
      "/soeg?q=udkast",
      "/soeg?q=fortroligt",
      "/api/v1/search?q=grund",
      "/api/v1/search?q=udkast",
      "/api/v1/search?q=fortroligt%20bilag",
      `/soeg?q=${CLOSED_MARKER}`,
      `/soeg?q=${DRAFT_MARKER}`,
      `/api/v1/search?q=${CLOSED_MARKER}`,
      `/api/v1/search?q=${DRAFT_MARKER}`,
      "/oparl/v1",
      "/api/v1/meetings",
      "/api/v1/agenda-items",
      "/api/v1/files",
      "/api/v1/cases",
      "/api/v1/consultations",
      ...directProbes,
    ];

    const queue = [...seeds];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < 3000) {
      const next = queue.shift();
      if (!next || seen.has(next) || privatePaths.test(next)) continue;
      seen.add(next);
      const response = await app.inject({ url: next });
      const contentType = String(response.headers["content-type"] ?? "");
      const bytes = response.rawPayload;
      const text = contentType.startsWith("application/pdf")
        ? (await extractPdf(new Uint8Array(bytes), next)).lines.map((line) => line.text).join("\n")
        : bytes.toString("utf8");
      fetched.push({ url: next, status: response.statusCode, contentType, text });
      if (response.statusCode !== 200) continue;
      const found = contentType.startsWith("text/html")
        ? linksInHtml(text)
        : contentType.includes("json")
          ? urlsInJson(JSON.parse(text))
          : [];
      for (const href of found) {
        const path = localPath(href);
        if (path && !seen.has(path)) queue.push(path);
      }
    }
  });

  after(async () => {
    await app?.close();
    await store?.close();
  });

  /**
   * A search for the marker repeats the query, so those answers are checked by their results (the
   * next test); searches for the hidden items' other words are checked like any other answer.
   */
  const leaksOf = (marker: string) =>
    fetched
      .filter((f) => !f.url.toLowerCase().includes(marker) && f.text.toLowerCase().includes(marker))
      .map((f) => f.url);

  test("the closed item's marker appears in no public answer", () => {
    assert.deepEqual(leaksOf(CLOSED_MARKER), []);
  });

  test("the draft agenda's marker appears in no public answer", () => {
    assert.deepEqual(leaksOf(DRAFT_MARKER), []);
  });

  test("searching for the markers finds nothing", () => {
    for (const marker of [CLOSED_MARKER, DRAFT_MARKER]) {
      const api = fetched.find((f) => f.url === `/api/v1/search?q=${marker}`);
      assert.equal(api?.status, 200);
      assert.deepEqual(JSON.parse(api?.text ?? "{}").data, []);
      const page = fetched.find((f) => f.url === `/soeg?q=${marker}`);
      assert.equal(page?.status, 200);
      assert.doesNotMatch(page?.text ?? "", /href="\/punkter\//);
    }
  });

  test("the crawl reached every kind of public output", () => {
    const reached = (pattern: RegExp) => fetched.some((f) => f.status === 200 && pattern.test(f.url));
    const kinds: Record<string, RegExp> = {
      "front page": /^\/$/,
      "meeting page": /^\/moeder\/[^/?]+$/,
      "item page": /^\/punkter\//,
      "case page": /^\/sager\/[^/?]+$/,
      "person page": /^\/personer\/[^/?]+$/,
      "print page": /\/print/,
      "agenda PDF": /dagsorden\.pdf/,
      "minutes PDF": /referat\.pdf/,
      calendar: /kalender\.ics/,
      feed: /feed\.atom/,
      search: /^\/soeg\?q=/,
      "search API": /^\/api\/v1\/search/,
      "OParl system": /^\/oparl\/v1$/,
      "OParl object": /^\/oparl\/v1\/.+/,
    };
    const missing = Object.entries(kinds)
      .filter(([, pattern]) => !reached(pattern))
      .map(([kind]) => kind);
    assert.deepEqual(missing, [], `not reached: ${missing.join(", ")} (of ${fetched.length} answers)`);
  });
});
