import assert from "node:assert/strict";
import { before, test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import {
  makeOrganization,
  makePerson,
  publicReader,
  secretariat,
  withRoles,
} from "../../../test/support/factories.ts";
import { createUser, setRole } from "../accounts/users.ts";
import {
  agendaOf,
  createAgendaItem,
  findAgendaItems,
  getAgendaItemById,
  updateAgendaItem,
} from "../agenda/agenda-items.ts";
import { createCase, createConsultation, findCases, getCaseById } from "../cases/cases.ts";
import { addFile, findFiles, getFileById } from "../files/files.ts";
import { createMeeting, getMeetingById, updateMeeting } from "../meetings/meetings.ts";
import { createMembership } from "../memberships/memberships.ts";
import { updateOrganization } from "../organizations/organizations.ts";
import { createPerson } from "../people/people.ts";
import type { Context } from "../shared/context.ts";
import { CLOSED_ITEM_TITLE } from "./visibility.ts";

/** Roles against the core functions directly: every door goes through these. */
forEachStore("roles", (store) => {
  const marker = "Fortroligt-odder";
  const ids: Record<string, string> = {};
  const as = (roles: Record<string, "secretariat" | "member">): Context => withRoles(store().db, roles);
  const fileCtx = (ctx: Context) => ({ ...ctx, files: store().files });

  before(async () => {
    const admin = secretariat(store().db);
    ids.a = (await makeOrganization(store().db, "Udvalg A")).id;
    ids.b = (await makeOrganization(store().db, "Udvalg B")).id;
    ids.person = (await makePerson(store().db)).id;
    ids.secretCase = (await createCase(admin, { reference: `SAG-${marker}`, title: `Sag ${marker}` })).id;
    const meeting = await createMeeting(admin, {
      organizationId: ids.a,
      title: "Møde i A",
      start: "2021-03-01T10:00:00+01:00",
      attendance: [{ personId: ids.person, status: "present" }],
      agendaItems: [
        { number: "1", title: "Åbent punkt" },
        { number: "2", title: `Lukket ${marker}`, isPublic: false, caseId: ids.secretCase },
      ],
    });
    ids.meeting = meeting.id;
    ids.closedItem = meeting.agendaItems[1]?.id ?? "";
    ids.closedFile = (
      await addFile(fileCtx(admin), {
        name: "bilag.txt",
        mediaType: "text/plain",
        bytes: new TextEncoder().encode(`Bilag ${marker}`),
        agendaItemId: ids.closedItem,
      })
    ).id;
    await updateMeeting(admin, ids.meeting, { state: "agenda_published" });
    const draft = await createMeeting(admin, {
      organizationId: ids.a,
      title: "Kommende møde i A",
      start: "2021-05-01T10:00:00+02:00",
      agendaItems: [{ number: "1", title: `Udkast ${marker}` }],
    });
    ids.draft = draft.id;
  });

  test("a reader of another body sees A's closed item only as 'Lukket punkt', and no draft", async () => {
    for (const ctx of [
      as({ [ids.b as string]: "member" }),
      as({ [ids.b as string]: "secretariat" }),
      publicReader(store().db),
    ]) {
      const meeting = await getMeetingById(ctx, ids.meeting as string);
      assert.deepEqual(
        meeting.agendaItems.map((i) => i.title),
        ["Åbent punkt", CLOSED_ITEM_TITLE],
      );
      assert.deepEqual(meeting.attendance, [], "attendance waits for the minutes");
      assert.equal((await getAgendaItemById(ctx, ids.closedItem as string)).caseId, null);
      assert.deepEqual((await findAgendaItems(ctx, { caseId: ids.secretCase })).data, []);
      assert.deepEqual(await agendaOf(ctx, ids.draft as string), []);
      assert.deepEqual((await findAgendaItems(ctx, { meetingId: ids.draft })).data, []);
      await assert.rejects(getCaseById(ctx, ids.secretCase as string), { code: "record.not_found" });
      await assert.rejects(getFileById(ctx, ids.closedFile as string), { code: "record.not_found" });
      const everything = JSON.stringify([
        await findCases(ctx, {}),
        await findFiles(ctx, {}),
        await findAgendaItems(ctx, {}),
      ]);
      assert.ok(!everything.includes(marker), "no list shows the closed item's content");
    }
  });

  test("a member of A reads all of A: the closed item, its case and file, the draft, attendance", async () => {
    const member = as({ [ids.a as string]: "member" });
    const meeting = await getMeetingById(member, ids.meeting as string);
    assert.equal(meeting.agendaItems[1]?.title, `Lukket ${marker}`);
    assert.equal(meeting.attendance.length, 1);
    assert.equal((await getAgendaItemById(member, ids.closedItem as string)).caseId, ids.secretCase);
    assert.equal((await getCaseById(member, ids.secretCase as string)).title, `Sag ${marker}`);
    assert.equal((await getFileById(member, ids.closedFile as string)).name, "bilag.txt");
    assert.equal((await agendaOf(member, ids.draft as string)).length, 1);
    assert.deepEqual(
      (await findAgendaItems(member, { caseId: ids.secretCase })).data.map((i) => i.id),
      [ids.closedItem],
    );
  });

  test("a member cannot publish or write anything, not even for its own body", async () => {
    const member = as({ [ids.a as string]: "member" });
    await assert.rejects(updateMeeting(member, ids.draft as string, { state: "agenda_published" }), {
      code: "auth.forbidden",
    });
    await assert.rejects(
      createAgendaItem(member, { meetingId: ids.draft as string, number: "2", title: "X" }),
      {
        code: "auth.forbidden",
      },
    );
    await assert.rejects(createPerson(member, { name: "Ny" }), { code: "auth.forbidden" });
    await assert.rejects(createCase(member, { title: "Ny sag" }), { code: "auth.forbidden" });
  });

  test("the public gets 401 for every write: it should sign in", async () => {
    const reader = publicReader(store().db);
    await assert.rejects(createPerson(reader, { name: "Ny" }), { code: "auth.required" });
    await assert.rejects(updateMeeting(reader, ids.draft as string, { title: "X" }), {
      code: "auth.required",
    });
  });

  test("the secretariat of B cannot write A's meetings, items, files, appointments or plans", async () => {
    const clerkB = as({ [ids.b as string]: "secretariat" });
    const refused = { code: "auth.forbidden" };
    await assert.rejects(
      createMeeting(clerkB, {
        organizationId: ids.a as string,
        title: "X",
        start: "2021-06-01T10:00:00+02:00",
      }),
      refused,
    );
    await assert.rejects(updateMeeting(clerkB, ids.draft as string, { state: "agenda_published" }), refused);
    await assert.rejects(updateAgendaItem(clerkB, ids.closedItem as string, { title: "Ændret" }), refused);
    await assert.rejects(
      createAgendaItem(clerkB, { meetingId: ids.draft as string, number: "9", title: "X" }),
      refused,
    );
    await assert.rejects(
      addFile(fileCtx(clerkB), {
        name: "x.txt",
        mediaType: "text/plain",
        bytes: new Uint8Array([1]),
        meetingId: ids.draft as string,
      }),
      refused,
    );
    await assert.rejects(
      createMembership(clerkB, {
        personId: ids.person as string,
        organizationId: ids.a as string,
        role: "member",
      }),
      refused,
    );
    await assert.rejects(
      createConsultation(clerkB, {
        caseId: ids.secretCase as string,
        organizationId: ids.a as string,
        plannedDate: "2021-09-01",
        purpose: "decision",
      }),
      refused,
    );
    // Moving B's meeting to A needs A's secretariat too.
    const own = await createMeeting(clerkB, {
      organizationId: ids.b as string,
      title: "B",
      start: "2021-06-01T10:00:00+02:00",
    });
    await assert.rejects(updateMeeting(clerkB, own.id, { organizationId: ids.a as string }), refused);
    assert.equal(
      (await updateMeeting(clerkB, own.id, { state: "agenda_published" })).state,
      "agenda_published",
    );
  });

  test("the secretariat of A prepares and publishes A, and keeps the shared registers", async () => {
    const clerkA = as({ [ids.a as string]: "secretariat" });
    const item = await createAgendaItem(clerkA, {
      meetingId: ids.draft as string,
      number: "2",
      title: "Nyt punkt",
    });
    assert.equal(item.title, "Nyt punkt");
    assert.equal(
      (await updateMeeting(clerkA, ids.draft as string, { state: "agenda_published" })).state,
      "agenda_published",
    );
    assert.equal((await createPerson(clerkA, { name: "Ny person" })).name, "Ny person");
    assert.equal((await createCase(clerkA, { title: "Ny sag" })).title, "Ny sag");
  });

  test("a body with a secretariat is renamed only by it; other organisations by any secretariat", async () => {
    const admin = secretariat(store().db);
    const user = await createUser(admin, { email: "sekretaer.a@kl.dk", name: "Sekretær A" });
    await setRole(admin, user.id, ids.a as string, "secretariat");
    const clerkB = as({ [ids.b as string]: "secretariat" });
    await assert.rejects(updateOrganization(clerkB, ids.a as string, { shortName: "A!" }), {
      code: "auth.forbidden",
    });
    const municipality = await makeOrganization(store().db, "Syddjurs Kommune");
    assert.equal(
      (await updateOrganization(clerkB, municipality.id, { shortName: "Syddjurs" })).shortName,
      "Syddjurs",
    );
  });
});
