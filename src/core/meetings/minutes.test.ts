import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import {
  makeMeeting,
  makeOrganization,
  makePerson,
  publicReader,
  secretariat,
} from "../../../test/support/factories.ts";
import { addItem } from "../agenda/agenda-builder.ts";
import { agendaOf } from "../agenda/agenda-items.ts";
import { saveAgendaSettings } from "../agenda/agenda-settings.ts";
import { createMembership } from "../memberships/memberships.ts";
import { diffVersions } from "../publication/version-diff.ts";
import { versionsOf } from "../publication/versions.ts";
import { approveMinutes, markHeld, publishAgenda, publishMinutes } from "./meeting-life.ts";
import { getMeetingById } from "./meetings.ts";
import {
  correctMinutes,
  declareConflict,
  getExpectedAttendees,
  recordAttendance,
  recordDecisions,
} from "./minutes.ts";

forEachStore("minutes", (store) => {
  async function heldMeeting() {
    const { db } = store();
    const ctx = secretariat(db);
    const body = await makeOrganization(db);
    await saveAgendaSettings(ctx, body.id, { numbering: "flat", standardItems: [] });
    const chair = await makePerson(db, "Anders Formand");
    const member = await makePerson(db, "Birthe Medlem");
    const substitute = await makePerson(db, "Carl Suppleant");
    await createMembership(ctx, {
      personId: chair.id,
      organizationId: body.id,
      role: "chair",
      startDate: "2020-01-01",
    });
    await createMembership(ctx, {
      personId: member.id,
      organizationId: body.id,
      role: "member",
      startDate: "2020-01-01",
    });
    await createMembership(ctx, {
      personId: substitute.id,
      organizationId: body.id,
      role: "substitute",
      principalPersonId: member.id,
      startDate: "2020-01-01",
    });
    const meeting = await makeMeeting(db, { organizationId: body.id });
    const open = await addItem(ctx, meeting.id, { title: "Trafikplan", isPublic: true });
    const closed = await addItem(ctx, meeting.id, { title: "Ansættelse", isPublic: false });
    await publishAgenda(ctx, meeting.id);
    await markHeld(ctx, meeting.id);
    return { ctx, body, meeting, open, closed, chair, member, substitute };
  }

  test("attendance offers each member's substitutes and records who came for whom", async () => {
    const { ctx, meeting, chair, member, substitute } = await heldMeeting();
    const expected = await getExpectedAttendees(ctx, meeting.id);
    assert.deepEqual(
      expected.map((a) => [a.name, a.role, a.substitutes.map((s) => s.name)]),
      [
        ["Anders Formand", "chair", []],
        ["Birthe Medlem", "member", ["Carl Suppleant"]],
      ],
    );
    await assert.rejects(
      recordAttendance(ctx, meeting.id, [
        { personId: chair.id, status: "excused", substituteId: substitute.id },
      ]),
      { code: "validation.invalid" },
    );
    await recordAttendance(ctx, meeting.id, [
      { personId: chair.id, status: "present" },
      { personId: member.id, status: "excused", substituteId: substitute.id },
    ]);
    const attendance = (await getMeetingById(ctx, meeting.id)).attendance;
    assert.deepEqual(
      attendance.find((a) => a.personId === substitute.id),
      { personId: substitute.id, status: "present", substituteForPersonId: member.id, note: null },
    );
  });

  test("approved minutes are immutable; a correction is version 2 with its reason and a visible difference", async () => {
    const { ctx, meeting, open, closed, member } = await heldMeeting();
    await recordDecisions(ctx, meeting.id, [
      { itemId: open, decision: "KKR godkendte trafikplanen.", outcome: "approved" },
      { itemId: closed, decision: "Godkendt.", outcome: "approved" },
    ]);
    await declareConflict(ctx, closed, member.id, "Ansøgeren er i familie med Birthe Medlem");
    await approveMinutes(ctx, meeting.id);

    await assert.rejects(
      recordDecisions(ctx, meeting.id, [{ itemId: open, decision: "Noget andet", outcome: "noted" }]),
      { code: "meeting.minutes_approved" },
    );
    await assert.rejects(declareConflict(ctx, open, member.id), { code: "meeting.minutes_approved" });
    await assert.rejects(
      correctMinutes(ctx, meeting.id, {
        reason: "  ",
        decisions: [{ itemId: open, decision: "x", outcome: "approved" }],
      }),
      (error: Error & { details?: { field?: string } }) => error.details?.field === "reason",
    );
    await assert.rejects(
      correctMinutes(ctx, meeting.id, {
        reason: "Ingen ændring",
        decisions: [{ itemId: open, decision: "KKR godkendte trafikplanen.", outcome: "approved" }],
      }),
      { code: "validation.invalid" },
    );

    const version = await correctMinutes(ctx, meeting.id, {
      reason: "Beslutningen var gengivet ufuldstændigt",
      decisions: [
        {
          itemId: open,
          decision: "KKR godkendte trafikplanen med ændringer.",
          outcome: "approved_with_changes",
        },
      ],
    });
    assert.equal(version, 2);
    const [v1, v2] = await versionsOf(ctx, meeting.id, "minutes");
    assert.equal(v2?.note, "Beslutningen var gengivet ufuldstændigt");
    assert.ok(v1 && v2);
    const diff = diffVersions(v1.content, v2.content);
    assert.equal(diff.items.length, 1);
    const decision = diff.items[0]?.fields.find((f) => f.field === "decision");
    assert.deepEqual(
      decision?.words.filter((w) => w.change === "added").map((w) => w.text.trim()),
      ["med ændringer"],
    );
    assert.deepEqual(
      diff.items[0]?.fields.find((f) => f.field === "outcome")?.words.map((w) => [w.change, w.text]),
      [
        ["removed", "approved"],
        ["added", "approved_with_changes"],
      ],
    );
    // The conflict is part of the minutes: kept through the correction, hidden with a closed item.
    assert.equal(v2.content.agendaItems.find((i) => i.id === closed)?.conflicts?.length, 1);
    await publishMinutes(ctx, meeting.id);
    const shown = await agendaOf(publicReader(ctx.db), meeting.id);
    assert.deepEqual(shown.find((i) => i.id === closed)?.conflicts, []);
    assert.equal(shown.find((i) => i.id === open)?.decision, "KKR godkendte trafikplanen med ændringer.");
  });

  test("a declared conflict is public with the minutes of an open item", async () => {
    const { ctx, meeting, open, chair } = await heldMeeting();
    await declareConflict(ctx, open, chair.id, null);
    assert.deepEqual(
      (await agendaOf(publicReader(ctx.db), meeting.id)).find((i) => i.id === open)?.conflicts,
      [],
    );
    await approveMinutes(ctx, meeting.id);
    await publishMinutes(ctx, meeting.id);
    assert.deepEqual(
      (await agendaOf(publicReader(ctx.db), meeting.id)).find((i) => i.id === open)?.conflicts,
      [{ personId: chair.id, note: null }],
    );
  });
});
