import assert from "node:assert/strict";
import { before, test } from "node:test";
import { forEachStore, type TestStore } from "../../../test/support/databases.ts";
import {
  makeOrganization,
  makePerson,
  publicReader,
  secretariat,
  withRoles,
} from "../../../test/support/factories.ts";
import type { AppError } from "../../platform/errors.ts";
import { createCase } from "../cases/cases.ts";
import { addFile, updateFile } from "../files/files.ts";
import { createMeeting, updateMeeting } from "../meetings/meetings.ts";
import type { MeetingState } from "../publication/visibility.ts";
import { MARK_END, MARK_START, snippetParts } from "./query-text.ts";
import type { SearchQuery } from "./search.schema.ts";
import { searchAgendaItems } from "./search-agenda-items.ts";

interface World {
  educationItem: string;
  trafficItem: string;
  closedItem: string;
  heldItem: string;
  draftItem: string;
  trafficFile: string;
  children: string;
  climate: string;
  thyrring: string;
  hansen: string;
  caseId: string;
}

const path: MeetingState[] = ["agenda_published", "held", "minutes_approved", "minutes_published"];

async function moveTo(store: TestStore, meetingId: string, state: MeetingState) {
  for (const next of path.slice(0, path.indexOf(state) + 1)) {
    await updateMeeting(secretariat(store.db), meetingId, { state: next });
  }
}

/** Two bodies, three meetings (minutes published, held, draft), open and closed items, files. */
async function buildWorld(store: TestStore): Promise<World> {
  const ctx = secretariat(store.db);
  const files = { ...ctx, files: store.files };
  const children = (await makeOrganization(store.db, "Børne- og Ungeudvalget")).id;
  const climate = (await makeOrganization(store.db, "Klimaudvalget")).id;
  const thyrring = (await makePerson(store.db, "Mette Thyrring")).id;
  const hansen = (await makePerson(store.db, "Søren Hansen")).id;
  const caseId = (await createCase(ctx, { title: "Uddannelsesaftalen", reference: "SAG-2021-00001" })).id;

  const published = await createMeeting(ctx, {
    organizationId: children,
    title: "Møde i Børne- og Ungeudvalget",
    start: "2021-01-22T10:00:00+01:00",
    attendance: [{ personId: hansen, status: "present" }],
    agendaItems: [
      {
        number: "1",
        title: "Orientering om uddannelserne i kommunen",
        recommendation: "Det indstilles, at udvalget tager orienteringen til efterretning.",
        casePresentation: "Mette Thyrring orienterede om grøn omstilling i erhvervsskolerne og klimaplanen.",
        decision: "Godkendt med en bemærkning om skolebusser.",
        outcome: "approved",
        presenterIds: [thyrring],
        caseId,
      },
      {
        number: "2",
        title: "Budget 2022 for kollektiv trafik",
        background: "Busruter og færger i hele kommunen.",
        decision: "Taget til efterretning.",
        outcome: "noted",
      },
      {
        number: "3",
        title: "Personalesag xyzzylukkettitel",
        isPublic: false,
        background: "Afsnittet nævner hemmeligafsnit.",
        decision: "Beslutningen nævner hemmeligbeslutning.",
        outcome: "approved",
      },
    ],
  });
  const [educationItem, trafficItem, closedItem] = published.agendaItems.map((item) => item.id);
  const trafficFile = await addFile(files, {
    name: "Bilag om cykelstier.txt",
    agendaItemId: trafficItem,
    mediaType: "text/plain",
    bytes: new TextEncoder().encode("Bilaget handler om cykelstier og letbanen."),
  });
  await addFile(files, {
    name: "Lukket bilag.txt",
    agendaItemId: closedItem,
    mediaType: "text/plain",
    bytes: new TextEncoder().encode("Et lukket bilag om hemmeligtbilag."),
  });
  await moveTo(store, published.id, "minutes_published");

  const held = await createMeeting(ctx, {
    organizationId: climate,
    title: "Møde i Klimaudvalget",
    start: "2023-05-10T14:00:00+02:00",
    attendance: [{ personId: thyrring, status: "present" }],
    agendaItems: [
      {
        number: "1",
        title: "Klimaplan for kysterne",
        casePresentation: "Kystbeskyttelse i kommunen.",
        decision: "Vedtaget med uoffentligbeslutning.",
        outcome: "approved",
      },
    ],
  });
  await moveTo(store, held.id, "held");

  const draft = await createMeeting(ctx, {
    organizationId: climate,
    title: "Kommende møde",
    start: "2027-02-01T10:00:00+01:00",
    agendaItems: [{ number: "1", title: "Udkast om vindmøller og kladdeord" }],
  });
  const heldItem = held.agendaItems[0]?.id;
  const draftItem = draft.agendaItems[0]?.id;
  if (!educationItem || !trafficItem || !closedItem || !heldItem || !draftItem) {
    throw new Error("world not built");
  }
  return {
    educationItem,
    trafficItem,
    closedItem,
    heldItem,
    draftItem,
    trafficFile: trafficFile.id,
    children,
    climate,
    thyrring,
    hansen,
    caseId,
  };
}

forEachStore("search", (store) => {
  let world: World;
  before(async () => {
    world = await buildWorld(store());
  });
  const asPublic = (query: SearchQuery) => searchAgendaItems(publicReader(store().db), query);
  const asInternal = (query: SearchQuery) => searchAgendaItems(secretariat(store().db), query);
  const ids = async (search: Promise<{ data: { agendaItemId: string }[] }>) =>
    (await search).data.map((hit) => hit.agendaItemId).sort();

  test("Danish stemming: uddannelse finds uddannelserne, with the match marked", async () => {
    const result = await asPublic({ q: "uddannelse" });
    assert.deepEqual(
      result.data.map((hit) => hit.agendaItemId),
      [world.educationItem],
    );
    const [hit] = result.data;
    assert.equal(hit?.itemNumber, "1");
    assert.equal(hit?.meetingStart, "2021-01-22T10:00:00+01:00");
    assert.equal(hit?.organizationName, "Børne- og Ungeudvalget");
    assert.ok(hit?.titleHighlight.includes(`${MARK_START}uddannelserne${MARK_END}`), hit?.titleHighlight);
    assert.deepEqual(hit?.matchedIn, ["title"]);
    assert.equal(result.total, 1);
    assert.equal(result.totalIsExact, true);
    assert.deepEqual(
      snippetParts(hit?.titleHighlight ?? "").filter((part) => part.marked),
      [{ text: "uddannelserne", marked: true }],
    );
  });

  test("a quoted phrase matches the words in that order only", async () => {
    assert.deepEqual(await ids(asPublic({ q: '"grøn omstilling"' })), [world.educationItem]);
    assert.deepEqual(await ids(asPublic({ q: '"omstilling grøn"' })), []);
    const [hit] = (await asPublic({ q: '"grøn omstilling"' })).data;
    assert.ok(hit?.snippet.includes(`${MARK_START}grøn${MARK_END}`), hit?.snippet);
    assert.deepEqual(hit?.matchedIn, ["sections"]);
  });

  test("-word leaves out the items that contain it", async () => {
    assert.deepEqual(
      await ids(asPublic({ q: "efterretning" })),
      [world.educationItem, world.trafficItem].sort(),
    );
    assert.deepEqual(await ids(asPublic({ q: "efterretning -busruter" })), [world.educationItem]);
  });

  test("OR finds either word: in a published decision and in an attachment", async () => {
    const result = await asPublic({ q: "skolebusser OR cykelstier" });
    assert.deepEqual(
      result.data.map((hit) => hit.agendaItemId).sort(),
      [world.educationItem, world.trafficItem].sort(),
    );
    const traffic = result.data.find((hit) => hit.agendaItemId === world.trafficItem);
    assert.deepEqual(traffic?.matchedIn, ["attachments"]);
    assert.ok(traffic?.snippet.includes(`${MARK_START}cykelstier${MARK_END}`), traffic?.snippet);
    const education = result.data.find((hit) => hit.agendaItemId === world.educationItem);
    assert.deepEqual(education?.matchedIn, ["decision"]);
  });

  test("filters: body, dates, scope, outcome, person, case", async () => {
    assert.deepEqual(
      await ids(asPublic({ q: "kommunen" })),
      [world.educationItem, world.trafficItem, world.heldItem].sort(),
    );
    assert.deepEqual(await ids(asPublic({ q: "kommunen", organizationId: world.climate })), [world.heldItem]);
    assert.deepEqual(await ids(asPublic({ q: "kommunen", from: "2023-05-10" })), [world.heldItem]);
    assert.deepEqual(
      await ids(asPublic({ q: "kommunen", to: "2021-01-22" })),
      [world.educationItem, world.trafficItem].sort(),
    );
    assert.deepEqual(await ids(asPublic({ q: "kommunen", from: "2021-01-23", to: "2023-05-09" })), []);
    assert.deepEqual(await ids(asPublic({ q: "skolebusser", scope: "minutes" })), [world.educationItem]);
    assert.deepEqual(await ids(asPublic({ q: "skolebusser", scope: "agenda" })), []);
    assert.deepEqual(await ids(asPublic({ q: "uddannelserne", scope: "minutes" })), []);
    assert.deepEqual(await ids(asPublic({ q: "kommunen", outcome: "noted" })), [world.trafficItem]);
    // The held meeting's outcome is not public yet; internally it is.
    assert.deepEqual(await ids(asPublic({ q: "kommunen", outcome: "approved" })), [world.educationItem]);
    assert.deepEqual(
      await ids(asInternal({ q: "kommunen", outcome: "approved" })),
      [world.educationItem, world.heldItem].sort(),
    );
    // Presenter of an item, or present at a meeting whose minutes are published.
    assert.deepEqual(await ids(asPublic({ q: "kommunen", personId: world.thyrring })), [world.educationItem]);
    assert.deepEqual(
      await ids(asPublic({ q: "kommunen", personId: world.hansen })),
      [world.educationItem, world.trafficItem].sort(),
    );
    assert.deepEqual(
      await ids(asInternal({ q: "kommunen", personId: world.thyrring })),
      [world.educationItem, world.heldItem].sort(),
    );
    assert.deepEqual(await ids(asPublic({ q: "kommunen", caseId: world.caseId })), [world.educationItem]);
  });

  test("a misspelt name is corrected by trigram similarity: Thyring finds Thyrring", async () => {
    const result = await asPublic({ q: "Thyring" });
    assert.equal(result.correctedFrom, "Thyring");
    assert.equal(result.query, "Thyrring");
    assert.deepEqual(
      result.data.map((hit) => hit.agendaItemId),
      [world.educationItem],
    );
    const exact = await asPublic({ q: "Thyrring" });
    assert.equal(exact.correctedFrom, null);
    assert.equal(exact.data.length, 1);
  });

  test("a closed item is never found by the public, by any of its parts; internally it is", async () => {
    for (const marker of ["xyzzylukkettitel", "hemmeligafsnit", "hemmeligbeslutning", "hemmeligtbilag"]) {
      const result = await asPublic({ q: marker });
      assert.equal(result.data.length, 0, marker);
      assert.equal(result.total, 0, marker);
      assert.deepEqual(await ids(asInternal({ q: marker })), [world.closedItem], marker);
    }
    // Nor does it appear under a filter, or with a word it shares with open items.
    assert.ok(!(await ids(asPublic({ q: "nævner OR kommunen" }))).includes(world.closedItem));
    assert.ok(!(await ids(asPublic({ q: "kommunen", outcome: "approved" }))).includes(world.closedItem));
  });

  test("a member of a body finds its closed items, not another body's drafts", async () => {
    const member = withRoles(store().db, { [world.children]: "member" });
    assert.deepEqual(await ids(searchAgendaItems(member, { q: "hemmeligafsnit" })), [world.closedItem]);
    assert.deepEqual(await ids(searchAgendaItems(member, { q: "kladdeord" })), []);
    assert.deepEqual(await ids(searchAgendaItems(member, { q: "uoffentligbeslutning" })), []);
  });

  test("a draft agenda's items and an unpublished decision are found internally only", async () => {
    assert.deepEqual(await ids(asPublic({ q: "kladdeord" })), []);
    assert.deepEqual(await ids(asInternal({ q: "kladdeord" })), [world.draftItem]);
    assert.deepEqual(await ids(asPublic({ q: "uoffentligbeslutning" })), []);
    assert.deepEqual(await ids(asInternal({ q: "uoffentligbeslutning" })), [world.heldItem]);
    // The item is found by its public text, and its snippet never shows the decision.
    const result = await asPublic({ q: "kystbeskyttelse OR vedtaget" });
    assert.deepEqual(
      result.data.map((hit) => hit.agendaItemId),
      [world.heldItem],
    );
    assert.ok(!result.data[0]?.snippet.includes("uoffentligbeslutning"), result.data[0]?.snippet);
    assert.ok(!result.data[0]?.snippet.includes("Vedtaget"), result.data[0]?.snippet);
  });

  test("changing an attachment's text reindexes its item", async () => {
    const ctx = secretariat(store().db);
    assert.deepEqual(await ids(asPublic({ q: "sporvogne" })), []);
    // The meeting's minutes are published, so its files are fixed: change the file as the record's
    // repair would, directly, to check the trigger.
    await ctx.db.query("UPDATE files SET extracted_text = 'Bilaget handler om sporvogne.' WHERE id = $1", [
      world.trafficFile,
    ]);
    assert.deepEqual(await ids(asPublic({ q: "sporvogne" })), [world.trafficItem]);
    assert.deepEqual(await ids(asPublic({ q: "cykelstier" })), []);
    await ctx.db.query("DELETE FROM files WHERE id = $1", [world.trafficFile]);
    assert.deepEqual(await ids(asPublic({ q: "sporvogne" })), []);
  });

  test("words that are all stop words find nothing; only -words is refused", async () => {
    const result = await asPublic({ q: "og i" });
    assert.deepEqual(result.data, []);
    assert.equal(result.total, 0);
    await assert.rejects(asPublic({ q: "-kommunen" }), (error: AppError) => error.details.field === "q");
  });

  test("pages follow the ranking with a cursor", async () => {
    const first = await asInternal({ q: "kommunen OR klimaplan OR trafik", limit: 2 });
    assert.equal(first.data.length, 2);
    assert.ok(first.nextCursor);
    const second = await asInternal({
      q: "kommunen OR klimaplan OR trafik",
      limit: 2,
      cursor: first.nextCursor,
    });
    const all = [...first.data, ...second.data].map((hit) => hit.agendaItemId);
    assert.equal(new Set(all).size, all.length);
    assert.ok((first.data[1]?.rank ?? 0) >= (second.data[0]?.rank ?? 0));
    void updateFile;
  });
});
