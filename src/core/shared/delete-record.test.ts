import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import {
  makeMeeting,
  makeOrganization,
  makePerson,
  publicReader,
  secretariat,
  withRoles,
} from "../../../test/support/factories.ts";
import { createCase, createConsultation, deleteConsultation } from "../cases/cases.ts";
import { deleteMeeting } from "../meetings/meetings.ts";
import { createMembership, deleteMembership } from "../memberships/memberships.ts";

/** Who may delete is who may change: the body's secretariat for what belongs to a body. */
forEachStore("deleting, by role", (store) => {
  test("only the body's secretariat deletes its appointments, planned meetings and planned consultations", async () => {
    const db = store().db;
    const a = (await makeOrganization(db, "Udvalg A")).id;
    const b = (await makeOrganization(db, "Udvalg B")).id;
    const admin = secretariat(db);
    const person = (await makePerson(db)).id;
    const seat = (await createMembership(admin, { personId: person, organizationId: a, role: "member" })).id;
    const meeting = (await makeMeeting(db, { organizationId: a })).id;
    const kase = (await createCase(admin, { title: "Sag" })).id;
    const planned = (
      await createConsultation(admin, {
        caseId: kase,
        organizationId: a,
        plannedDate: "2022-01-01",
        purpose: "decision",
      })
    ).id;
    const removals = [
      (ctx: Parameters<typeof deleteMembership>[0]) => deleteMembership(ctx, seat),
      (ctx: Parameters<typeof deleteMeeting>[0]) => deleteMeeting(ctx, meeting),
      (ctx: Parameters<typeof deleteConsultation>[0]) => deleteConsultation(ctx, planned),
    ];
    for (const remove of removals) {
      await assert.rejects(remove(publicReader(db)), { code: "auth.required" });
      await assert.rejects(remove(withRoles(db, { [b]: "secretariat" })), { code: "auth.forbidden" });
      await assert.rejects(remove(withRoles(db, { [a]: "member", [b]: "secretariat" })), {
        code: "auth.forbidden",
      });
    }
    for (const remove of removals) await remove(withRoles(db, { [a]: "secretariat" }));
    const [row] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deleted_records WHERE id = ANY($1::uuid[]) AND deleted_by = 'test-user'",
      [[seat, meeting, planned]],
    );
    assert.equal(row?.n, 3);
  });
});
