import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DomUtils, parseDocument, parseFeed } from "htmlparser2";
import { forEachStore } from "../../../test/support/databases.ts";
import {
  makeAgendaItem,
  makeMeeting,
  makeOrganization,
  makePerson,
  secretariat,
} from "../../../test/support/factories.ts";
import { asSecretariat, testServer } from "../../../test/support/test-server.ts";
import { updateAgendaItem } from "../../core/agenda/agenda-items.ts";
import { createCase, createConsultation } from "../../core/cases/cases.ts";
import { updateMeeting } from "../../core/meetings/meetings.ts";
import { createMembership } from "../../core/memberships/memberships.ts";
import { updateOrganization } from "../../core/organizations/organizations.ts";
import { recordVersion } from "../../core/publication/versions.ts";
import { systemActor } from "../../core/shared/context.ts";

/** A word that only closed items and draft agendas contain: it must never reach a subscriber. */
const MARKER = "Zebrafinkesagen";

/** Content lines of an iCalendar, unfolded. */
const icsLines = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");

/** The VEVENTs of an iCalendar, each as its unfolded lines. */
function events(ics: string): string[][] {
  const all = icsLines(ics);
  const found: string[][] = [];
  let current: string[] | null = null;
  for (const line of all) {
    if (line === "BEGIN:VEVENT") current = [];
    else if (line === "END:VEVENT" && current) {
      found.push(current);
      current = null;
    } else current?.push(line);
  }
  return found;
}
const property = (event: string[], name: string) =>
  event.find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));

/** Parses an Atom document and checks what RFC 4287 requires of a feed and its entries. */
function parseAtom(xml: string) {
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>/);
  const document = parseDocument(xml, { xmlMode: true });
  const feeds = DomUtils.getElementsByTagName("feed", document.children, false);
  assert.equal(feeds.length, 1, "one feed element at the root");
  const root = feeds[0];
  assert.ok(root);
  assert.equal(root.attribs.xmlns, "http://www.w3.org/2005/Atom");
  const child = (parent: typeof root, name: string) =>
    DomUtils.getElementsByTagName(name, parent.children, false);
  const text = (parent: typeof root, name: string) => {
    const [element] = child(parent, name);
    return element ? DomUtils.textContent(element) : undefined;
  };
  const isDate = (value: string | undefined) =>
    value !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  for (const name of ["id", "title", "updated"]) assert.equal(child(root, name).length, 1, `feed/${name}`);
  assert.ok(isDate(text(root, "updated")));
  assert.ok(child(root, "link").some((l) => l.attribs.rel === "self"));
  const entries = child(root, "entry");
  const feedHasAuthor = child(root, "author").some((a) => text(a, "name"));
  const parsed = entries.map((entry) => {
    for (const name of ["id", "title", "updated"])
      assert.equal(child(entry, name).length, 1, `entry/${name}`);
    assert.ok(isDate(text(entry, "updated")));
    assert.ok(feedHasAuthor || child(entry, "author").length > 0, "an author for every entry");
    const [link] = child(entry, "link");
    return {
      id: text(entry, "id") ?? "",
      title: text(entry, "title") ?? "",
      updated: text(entry, "updated") ?? "",
      link: link?.attribs.href ?? "",
      content: text(entry, "content") ?? "",
    };
  });
  const ids = parsed.map((entry) => entry.id);
  assert.equal(new Set(ids).size, ids.length, "entry ids are unique");
  assert.equal(parseFeed(xml)?.type, "atom", "htmlparser2 reads it as an Atom feed");
  return { title: text(root, "title"), id: text(root, "id"), entries: parsed };
}

forEachStore("feeds and calendars", (store) => {
  let app: FastifyInstance;
  const world = {} as {
    bodyId: string;
    otherBodyId: string;
    summerId: string;
    winterId: string;
    allDayId: string;
    cancelledId: string;
    openItemId: string;
    caseId: string;
    closedCaseId: string;
    draftCaseId: string;
    anneId: string;
    boId: string;
  };

  before(async () => {
    const { db } = store();
    app = await testServer(store());
    const ctx = secretariat(db);
    const body = await makeOrganization(db, "Kommunaldirektørnetværket i Midtjylland (KD-Net) – æøå");
    const other = await makeOrganization(db, "KKR Midtjylland");
    const summer = await makeMeeting(db, {
      organizationId: body.id,
      title: "Møde i KD-Net",
      start: "2021-05-06T10:00:00+02:00",
      end: "2021-05-06T12:30:00+02:00",
      location: "Scandic, Udgårdsvej 2, 8600 Silkeborg",
    });
    const winter = await makeMeeting(db, {
      organizationId: body.id,
      title: "Vintermøde",
      start: "2021-01-22T10:00:00+01:00",
    });
    const allDay = await makeMeeting(db, {
      organizationId: body.id,
      title: "Temadag om grøn omstilling",
      start: "2021-09-15T00:00:00+02:00",
      allDay: true,
    });
    const cancelled = await makeMeeting(db, {
      organizationId: body.id,
      title: "Ekstraordinært møde",
      start: "2021-06-10T14:00:00+02:00",
    });
    await updateMeeting(ctx, cancelled.id, { state: "cancelled" });
    await makeMeeting(db, {
      organizationId: other.id,
      title: "KKR-møde",
      start: "2021-05-07T09:00:00+02:00",
    });

    const openCase = await createCase(ctx, { reference: "SAG-2021-00042", title: "Ældreplejen på tværs" });
    const closedCase = await createCase(ctx, { title: `Salg af grund (${MARKER})` });
    const draftCase = await createCase(ctx, { title: `Kommende udbud (${MARKER})` });
    const openItem = await makeAgendaItem(db, {
      meetingId: summer.id,
      number: "1",
      title: "Ældreplejen: fælles indsats",
      groupHeading: "Sager til beslutning",
      recommendation: "Det indstilles, at KD-Net godkender indsatsen.",
      caseId: openCase.id,
    });
    await makeAgendaItem(db, {
      meetingId: summer.id,
      number: "2",
      title: `Salg af grund ved ${MARKER}`,
      isPublic: false,
      background: `Baggrund: ${MARKER}`,
      recommendation: `Det indstilles, at ${MARKER} sælges.`,
      decision: `Solgt til ${MARKER}.`,
      outcome: "approved",
      caseId: closedCase.id,
    });
    await makeAgendaItem(db, {
      meetingId: winter.id,
      number: "1",
      title: `Udkast: ${MARKER}`,
      caseId: draftCase.id,
    });
    await createConsultation(ctx, {
      caseId: openCase.id,
      organizationId: other.id,
      plannedDate: "2021-06-18",
      purpose: "decision",
    });
    await updateMeeting(ctx, summer.id, { state: "agenda_published" });

    const anne = await makePerson(db, "Anne Sørensen");
    const bo = await makePerson(db, "Bo Ærø");
    await createMembership(ctx, {
      personId: anne.id,
      organizationId: body.id,
      role: "member",
      startDate: "2021-01-01",
      endDate: "2021-06-30",
    });
    await createMembership(ctx, {
      personId: bo.id,
      organizationId: body.id,
      role: "substitute",
      startDate: "2021-03-01",
      principalPersonId: anne.id,
    });
    Object.assign(world, {
      bodyId: body.id,
      otherBodyId: other.id,
      summerId: summer.id,
      winterId: winter.id,
      allDayId: allDay.id,
      cancelledId: cancelled.id,
      openItemId: openItem.id,
      caseId: openCase.id,
      closedCaseId: closedCase.id,
      draftCaseId: draftCase.id,
      anneId: anne.id,
      boId: bo.id,
    });
  });
  after(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ url, headers: { host: "samraad.example", ...headers } });

  /** Every feed and calendar of the world, as the public and as the token holder would fetch it. */
  async function everyFeed(): Promise<string[]> {
    const urls = [
      `/organer/${world.bodyId}/kalender.ics`,
      `/organer/${world.bodyId}/feed.atom`,
      `/personer/${world.anneId}/kalender.ics`,
      `/personer/${world.boId}/kalender.ics`,
      `/sager/${world.caseId}/feed.atom`,
    ];
    const bodies: string[] = [];
    for (const url of urls) {
      for (const headers of [{}, asSecretariat]) {
        const response = await get(url, headers);
        assert.equal(response.statusCode, 200, url);
        bodies.push(response.body);
      }
    }
    return bodies;
  }

  async function assertNoMarker(): Promise<void> {
    for (const body of await everyFeed()) {
      assert.doesNotMatch(
        body.replace(/\r\n[ \t]/g, ""),
        new RegExp(MARKER),
        "a closed or draft item leaked",
      );
    }
  }

  test("a body's calendar: Copenhagen times with a VTIMEZONE, all-day dates, cancelled meetings, the public agenda", async () => {
    const response = await get(`/organer/${world.bodyId}/kalender.ics`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "text/calendar; charset=utf-8");
    const lines = icsLines(response.body);
    assert.ok(lines.includes("BEGIN:VTIMEZONE") && lines.includes("TZID:Europe/Copenhagen"));
    assert.ok(lines.includes("X-WR-TIMEZONE:Europe/Copenhagen"));
    assert.ok(lines.includes("X-WR-CALNAME:Møder i Kommunaldirektørnetværket i Midtjylland (KD-Net) – æøå"));

    const all = events(response.body);
    assert.equal(all.length, 4, "every meeting of the body, none of another's");
    const byUid = (id: string) => all.find((event) => property(event, "UID")?.startsWith(`UID:${id}@`));
    const summer = byUid(world.summerId);
    assert.ok(summer);
    assert.equal(property(summer, "DTSTART"), "DTSTART;TZID=Europe/Copenhagen:20210506T100000");
    assert.equal(property(summer, "DTEND"), "DTEND;TZID=Europe/Copenhagen:20210506T123000");
    assert.equal(
      property(summer, "SUMMARY"),
      "SUMMARY:Kommunaldirektørnetværket i Midtjylland (KD-Net) – æøå: Møde i KD-Net",
    );
    assert.equal(property(summer, "LOCATION"), "LOCATION:Scandic\\, Udgårdsvej 2\\, 8600 Silkeborg");
    assert.equal(property(summer, "URL"), `URL;VALUE=URI:http://samraad.example/moeder/${world.summerId}`);
    assert.match(property(summer, "DTSTAMP") ?? "", /^DTSTAMP:\d{8}T\d{6}Z$/);
    assert.match(property(summer, "LAST-MODIFIED") ?? "", /^LAST-MODIFIED:\d{8}T\d{6}Z$/);
    assert.match(property(summer, "SEQUENCE") ?? "", /^SEQUENCE:\d+$/);
    const description = property(summer, "DESCRIPTION") ?? "";
    assert.match(description, /Sager til beslutning\\n1 Ældreplejen: fælles indsats\\n2 Lukket punkt/);

    const winter = byUid(world.winterId);
    assert.ok(winter);
    assert.equal(property(winter, "DTSTART"), "DTSTART;TZID=Europe/Copenhagen:20210122T100000");
    assert.match(property(winter, "DESCRIPTION") ?? "", /Dagsordenen er ikke offentliggjort endnu/);
    const allDay = byUid(world.allDayId);
    assert.ok(allDay);
    assert.equal(property(allDay, "DTSTART"), "DTSTART;VALUE=DATE:20210915");
    assert.equal(property(allDay, "DTEND"), "DTEND;VALUE=DATE:20210916");
    const cancelled = byUid(world.cancelledId);
    assert.ok(cancelled);
    assert.equal(property(cancelled, "STATUS"), "STATUS:CANCELLED");
    assert.match(property(cancelled, "SUMMARY") ?? "", /^SUMMARY:Aflyst: /);
    await assertNoMarker();
  });

  test("a person's calendar: the meetings of the bodies they sat in on the day, substitutes marked", async () => {
    const anne = events((await get(`/personer/${world.anneId}/kalender.ics`)).body);
    const uids = (list: string[][]) => list.map((event) => property(event, "UID")?.slice(4, 40)).sort();
    // Anne's appointment runs January to June: the winter, summer and cancelled (June) meetings.
    assert.deepEqual(uids(anne), [world.summerId, world.winterId, world.cancelledId].sort());
    const summer = anne.find((event) => property(event, "UID")?.includes(world.summerId));
    assert.ok(summer);
    assert.match(property(summer, "DESCRIPTION") ?? "", /^DESCRIPTION:Rolle: medlem/);
    assert.doesNotMatch(property(summer, "SUMMARY") ?? "", /suppleant/);

    const boResponse = await get(`/personer/${world.boId}/kalender.ics`);
    assert.match(icsLines(boResponse.body).join("\n"), /X-WR-CALNAME:Møder for Bo Ærø/);
    const bo = events(boResponse.body);
    // Bo is a substitute from March, without end: not the January meeting.
    assert.deepEqual(uids(bo), [world.summerId, world.allDayId, world.cancelledId].sort());
    for (const event of bo) {
      assert.match(property(event, "SUMMARY") ?? "", /\(som suppleant\)$/);
      assert.equal(property(event, "TRANSP"), "TRANSP:TRANSPARENT");
    }
  });

  test("a body's Atom feed: published agendas, then minutes, then a later version with its note", async () => {
    const { db } = store();
    const url = `/organer/${world.bodyId}/feed.atom`;
    const first = await get(url);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers["content-type"], "application/atom+xml; charset=utf-8");
    const feed = parseAtom(first.body);
    assert.equal(
      feed.title,
      "Kommunaldirektørnetværket i Midtjylland (KD-Net) – æøå: dagsordener og referater",
    );
    assert.equal(feed.id, `http://samraad.example${url}`);
    assert.equal(feed.entries.length, 1, "only the published agenda; the draft is not there");
    const [agenda] = feed.entries;
    assert.ok(agenda);
    assert.match(agenda.id, /^urn:uuid:[0-9a-f-]{36}$/);
    assert.match(agenda.title, /^Dagsorden: Møde i KD-Net, 6\. maj 2021$/);
    assert.equal(agenda.link, `http://samraad.example/moeder/${world.summerId}`);
    assert.match(agenda.content, /<li>1 Ældreplejen: fælles indsats<\/li>/);
    assert.match(agenda.content, /<li>2 Lukket punkt<\/li>/);

    const ctx = secretariat(db);
    await updateMeeting(ctx, world.summerId, { state: "held" });
    await updateAgendaItem(ctx, world.openItemId, {
      outcome: "approved",
      decision: "KD-Net godkendte indsatsen.",
    });
    await updateMeeting(ctx, world.summerId, { state: "minutes_approved" });
    assert.equal(parseAtom((await get(url)).body).entries.length, 1, "approved minutes wait for publication");
    await updateMeeting(ctx, world.summerId, { state: "minutes_published" });
    const withMinutes = parseAtom((await get(url)).body);
    assert.deepEqual(
      withMinutes.entries.map((e) => e.title.split(":")[0]),
      ["Referat", "Dagsorden"],
    );
    assert.match(withMinutes.entries[0]?.content ?? "", /1 Ældreplejen: fælles indsats – godkendt/);

    await recordVersion(db, systemActor, world.summerId, "minutes", "Rettet stavefejl i punkt 1 & 2 <b>");
    const corrected = parseAtom((await get(url)).body);
    const latest = corrected.entries[0];
    assert.ok(latest);
    assert.match(latest.title, /^Referat, version 2: /);
    assert.match(
      latest.content,
      /Ændringer i denne version:<\/strong> Rettet stavefejl i punkt 1 &amp; 2 &lt;b&gt;/,
    );
    assert.doesNotMatch(latest.content, /<b>/, "the note is text, not markup");
    await assertNoMarker();
  });

  test("a case's Atom feed: treatments at open items, decisions once the minutes are published, plans", async () => {
    const { db } = store();
    const meeting = await makeMeeting(db, {
      organizationId: world.bodyId,
      title: "Junimøde",
      start: "2021-06-03T13:00:00+02:00",
    });
    await makeAgendaItem(db, {
      meetingId: meeting.id,
      number: "4",
      title: "Ældreplejen: opfølgning",
      caseId: world.caseId,
      decision: "Indsatsen forlænges til 2022.",
      outcome: "approved",
    });
    const url = `/sager/${world.caseId}/feed.atom`;
    const draft = parseAtom((await get(url)).body);
    assert.ok(
      !draft.entries.some((e) => e.link.includes(meeting.id)),
      "a draft agenda's treatment is not there",
    );

    const ctx = secretariat(db);
    await updateMeeting(ctx, meeting.id, { state: "agenda_published" });
    const published = parseAtom((await get(url)).body);
    const entry = published.entries.find((e) => e.link.includes(meeting.id));
    assert.ok(entry, "the treatment appears with the published agenda");
    assert.equal(
      entry.title,
      "Kommunaldirektørnetværket i Midtjylland (KD-Net) – æøå, 3. juni 2021: Punkt 4: Ældreplejen: opfølgning",
    );
    assert.doesNotMatch(entry.content, /forlænges/, "no decision before the minutes are published");
    assert.match(entry.content, /Beslutningen offentliggøres med referatet/);

    for (const state of ["held", "minutes_approved"] as const)
      await updateMeeting(ctx, meeting.id, { state });
    assert.doesNotMatch((await get(url)).body, /forlænges/, "approved is not published");
    await updateMeeting(ctx, meeting.id, { state: "minutes_published" });
    const decided = parseAtom((await get(url)).body);
    const done = decided.entries.find((e) => e.link.includes(meeting.id));
    assert.ok(done);
    assert.match(done.content, /Indsatsen forlænges til 2022\./);
    assert.match(done.content, /Udfald:<\/strong> godkendt/);

    // Newest first: the planned KKR treatment (18 June), the June meeting, the May meeting.
    assert.deepEqual(
      decided.entries.map((e) => e.title.replace(/:.*$/, "")),
      [
        "Planlagt",
        "Kommunaldirektørnetværket i Midtjylland (KD-Net) – æøå, 3. juni 2021",
        "Kommunaldirektørnetværket i Midtjylland (KD-Net) – æøå, 6. maj 2021",
      ],
    );
    assert.match(
      decided.entries[0]?.title ?? "",
      /^Planlagt: KKR Midtjylland, 18\. juni 2021 \(til beslutning\)$/,
    );
    assert.match(decided.title ?? "", /^Sag: SAG-2021-00042 Ældreplejen på tværs$/);
    await assertNoMarker();
  });

  test("a case treated only at a closed item or on a draft agenda has no feed", async () => {
    // It is not public; its title would tell.
    for (const id of [world.closedCaseId, world.draftCaseId]) {
      const response = await get(`/sager/${id}/feed.atom`);
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, new RegExp(MARKER));
    }
  });

  test("unknown ids answer the Danish 404 page", async () => {
    const unknown = "0190a1b2-0000-7000-8000-000000000000";
    for (const url of [
      `/organer/${unknown}/kalender.ics`,
      `/personer/${unknown}/kalender.ics`,
      `/organer/${unknown}/feed.atom`,
      `/sager/${unknown}/feed.atom`,
      "/organer/ikke-et-id/kalender.ics",
      "/sager/ikke-et-id/feed.atom",
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 404, url);
      assert.match(response.headers["content-type"] ?? "", /^text\/html; charset=utf-8/);
      assert.match(response.body, /<h1>Siden findes ikke<\/h1>/);
    }
  });

  test("ETag: an unchanged feed answers 304, a changed one 200 with a new tag", async () => {
    const { db } = store();
    const url = `/organer/${world.bodyId}/kalender.ics`;
    const first = await get(url);
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    assert.ok(first.headers["last-modified"]);
    const again = await get(url, { "if-none-match": etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, "");
    assert.equal((await get(url, { "if-none-match": `W/${etag}, "other"` })).statusCode, 304);

    await updateOrganization(secretariat(db), world.bodyId, { shortName: "KD-Net" });
    await updateMeeting(secretariat(db), world.allDayId, { location: "Aarhus Rådhus" });
    const changed = await get(url, { "if-none-match": etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.match(changed.body, /LOCATION:Aarhus Rådhus/);
  });

  test("?lang=en gives the English words, the same times", async () => {
    const response = await get(`/organer/${world.bodyId}/kalender.ics?lang=en`);
    const lines = icsLines(response.body);
    assert.ok(lines.some((l) => l.startsWith("X-WR-CALNAME:Meetings of ")));
    assert.ok(lines.includes("DTSTART;TZID=Europe/Copenhagen:20210506T100000"));
  });
});
