import assert from "node:assert/strict";
import { before, test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { publicReader, secretariat } from "../../../test/support/factories.ts";
import { buildPortalWorld, type PortalWorld, SECRET } from "../../../test/support/portal-world.ts";
import { getCasePath } from "./case-path.ts";

forEachStore("a case's path", (store) => {
  let world: PortalWorld;
  before(async () => {
    world = await buildPortalWorld(store());
  });

  const summary = (steps: Awaited<ReturnType<typeof getCasePath>>["steps"]) =>
    steps.map(
      (s) => `${s.date} ${s.organization.shortName} ${s.planned ? "planned" : "treated"} ${s.purpose}`,
    );

  test("the public sees every treatment in time order, then the planned ones still to come", async () => {
    const path = await getCasePath(publicReader(store().db), world.cases.theCase);
    assert.deepEqual(summary(path.steps), [
      "2021-01-22 KD-Net treated discussion",
      "2021-04-09 KD-Net treated discussion",
      "2021-04-23 KKR planned discussion",
      "2021-06-18 Repræsentantskabet planned decision",
    ]);
    const [first, second, third, fourth] = path.steps;
    assert.equal(first?.outcome, "approved");
    assert.equal(first?.decision, "KD-Net godkendte processen.");
    assert.equal(first?.item?.number, "1");
    assert.equal(second?.decision, null, "no decision before the minutes are published");
    assert.equal(second?.outcome, null);
    assert.equal(
      third?.meeting?.id,
      world.meetings.draft,
      "a planned step names the body's meeting that day",
    );
    assert.equal(third?.item, null, "but not the draft agenda's item");
    assert.equal(fourth?.meeting, null);
    assert.doesNotMatch(JSON.stringify(path), new RegExp(SECRET));
  });

  test("the secretariat also sees the treatment on a draft agenda", async () => {
    const path = await getCasePath(secretariat(store().db), world.cases.theCase);
    assert.deepEqual(summary(path.steps), [
      "2021-01-22 KD-Net treated discussion",
      "2021-04-09 KD-Net treated discussion",
      "2021-04-23 KKR planned discussion",
      "2021-04-23 KKR treated decision",
      "2021-06-18 Repræsentantskabet planned decision",
    ]);
    assert.equal(path.steps[1]?.outcome, "recommended_onward");
  });

  test("a case treated only at a closed item is not found by the public", async () => {
    await assert.rejects(getCasePath(publicReader(store().db), world.cases.secretCase), {
      code: "record.not_found",
    });
    const internal = await getCasePath(secretariat(store().db), world.cases.secretCase);
    assert.equal(internal.steps.length, 1);
  });
});
