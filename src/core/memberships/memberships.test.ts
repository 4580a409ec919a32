import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeOrganization, makePerson, secretariat } from "../../../test/support/factories.ts";
import type { AppError } from "../../platform/errors.ts";
import { createMembership, findMemberships, updateMembership } from "./memberships.ts";

forEachStore("appointments", (store) => {
  test("an overlapping appointment to the same seat is refused, naming the rule", async () => {
    const { db } = store();
    const person = await makePerson(db);
    const body = await makeOrganization(db);
    const seat = { personId: person.id, organizationId: body.id, role: "member" as const };
    await createMembership(secretariat(db), { ...seat, startDate: "2018-01-01", endDate: "2021-12-31" });
    await assert.rejects(
      createMembership(secretariat(db), { ...seat, startDate: "2021-06-01", endDate: null }),
      (error: AppError) => error.code === "membership.overlap" && error.details.field === "startDate",
    );
    // The day after the earlier one ends is free, and so is another role in the same period.
    await createMembership(secretariat(db), { ...seat, startDate: "2022-01-01" });
    await createMembership(secretariat(db), { ...seat, role: "chair", startDate: "2019-01-01" });
    const all = await findMemberships(secretariat(db), { personId: person.id });
    assert.equal(all.data.length, 3);
  });

  test("an open-ended appointment overlaps every later one; ending it makes room", async () => {
    const { db } = store();
    const [person, body] = [await makePerson(db), await makeOrganization(db)];
    const seat = { personId: person.id, organizationId: body.id, role: "substitute" as const };
    const first = await createMembership(secretariat(db), { ...seat, startDate: "2020-01-01" });
    await assert.rejects(createMembership(secretariat(db), { ...seat, startDate: "2030-01-01" }), {
      code: "membership.overlap",
    });
    await updateMembership(secretariat(db), first.id, { endDate: "2029-12-31" });
    await createMembership(secretariat(db), { ...seat, startDate: "2030-01-01" });
  });

  test("seats running on a date are found with activeOn", async () => {
    const { db } = store();
    const [leaving, arriving, body] = [
      await makePerson(db),
      await makePerson(db),
      await makeOrganization(db),
    ];
    await createMembership(secretariat(db), {
      personId: leaving.id,
      organizationId: body.id,
      role: "member",
      endDate: "2021-01-21",
    });
    await createMembership(secretariat(db), {
      personId: arriving.id,
      organizationId: body.id,
      role: "member",
      startDate: "2021-01-22",
    });
    const on = async (date: string) =>
      (await findMemberships(secretariat(db), { organizationId: body.id, activeOn: date })).data.map(
        (m) => m.personId,
      );
    assert.deepEqual(await on("2021-01-21"), [leaving.id]);
    assert.deepEqual(await on("2021-01-22"), [arriving.id]);
  });

  test("an end before the start is refused with the field named", async () => {
    const { db } = store();
    const [person, body] = [await makePerson(db), await makeOrganization(db)];
    await assert.rejects(
      createMembership(secretariat(db), {
        personId: person.id,
        organizationId: body.id,
        role: "member",
        startDate: "2021-02-01",
        endDate: "2021-01-01",
      }),
      (error: AppError) => error.code === "validation.invalid" && error.details.field === "endDate",
    );
  });
});
