import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeOrganization, secretariat } from "../../../test/support/factories.ts";
import { newSubmissionToken, submitOnce } from "./submissions.ts";

forEachStore("one-time form submissions", (store) => {
  test("a token does its work once, also when posted twice at the same time", async () => {
    const ctx = secretariat(store().db);
    const token = newSubmissionToken();
    let runs = 0;
    const work = async (tx: typeof ctx) => {
      runs += 1;
      const body = await makeOrganization(tx.db);
      return `/sekretariat/organer/${body.id}`;
    };
    const [first, second] = await Promise.all([submitOnce(ctx, token, work), submitOnce(ctx, token, work)]);
    assert.equal(runs, 1);
    assert.equal(first.url, second.url);
    assert.deepEqual([first.repeated, second.repeated].sort(), [false, true]);
  });

  test("a failed submission claims nothing, so the corrected form can be sent with the same token", async () => {
    const ctx = secretariat(store().db);
    const token = newSubmissionToken();
    await assert.rejects(
      submitOnce(ctx, token, async () => {
        throw new Error("the form had an error");
      }),
    );
    const again = await submitOnce(ctx, token, async () => "/sekretariat");
    assert.deepEqual(again, { url: "/sekretariat", repeated: false });
  });

  test("a form without a valid token is refused", async () => {
    await assert.rejects(
      submitOnce(secretariat(store().db), "short", async () => "/"),
      {
        code: "validation.invalid",
      },
    );
  });
});
