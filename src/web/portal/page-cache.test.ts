import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { forEachStore } from "../../../test/support/databases.ts";
import { testServer } from "../../../test/support/test-server.ts";
import { updateAgendaItem } from "../../core/agenda/agenda-items.ts";
import { createMeeting, updateMeeting } from "../../core/meetings/meetings.ts";
import { createOrganization } from "../../core/organizations/organizations.ts";
import { systemActor } from "../../core/shared/context.ts";
import { ChangeClock } from "../../platform/db/change-clock.ts";
import { openDatabase } from "../../platform/db/open-database.ts";
import { PageCache } from "./page-cache.ts";

describe("the page cache", () => {
  const counting = () => {
    let renders = 0;
    return {
      render: async () => `side ${++renders}`,
      get renders() {
        return renders;
      },
    };
  };

  test("answers from memory until the record changes", async () => {
    const clock = new ChangeClock();
    const cache = new PageCache(10);
    const page = counting();
    assert.equal(String(await cache.get("a", clock, page.render)), "side 1");
    assert.equal(String(await cache.get("a", clock, page.render)), "side 1");
    assert.equal(page.renders, 1);
    clock.tick();
    assert.equal(String(await cache.get("a", clock, page.render)), "side 2");
  });

  test("a change committed while a page renders makes that page stale at once", async () => {
    const clock = new ChangeClock();
    const cache = new PageCache(10);
    let renders = 0;
    const render = async () => {
      renders++;
      if (renders === 1) clock.tick(); // a write commits after this render read the old record
      return `side ${renders}`;
    };
    await cache.get("a", clock, render);
    assert.equal(String(await cache.get("a", clock, render)), "side 2");
  });

  test("stands aside while the clock is blind", async () => {
    const clock = new ChangeClock();
    const cache = new PageCache(10);
    const page = counting();
    clock.blind();
    await cache.get("a", clock, page.render);
    await cache.get("a", clock, page.render);
    assert.equal(page.renders, 2);
    assert.equal(cache.size, 0);
    await cache.get("a", undefined, page.render);
    assert.equal(page.renders, 3, "no clock, no cache");
  });

  test("keeps the most recently used pages within its bound", async () => {
    const clock = new ChangeClock();
    const cache = new PageCache(2);
    const page = counting();
    await cache.get("a", clock, page.render);
    await cache.get("b", clock, page.render);
    await cache.get("a", clock, page.render);
    await cache.get("c", clock, page.render);
    assert.equal(cache.size, 2);
    await cache.get("a", clock, page.render);
    assert.equal(page.renders, 3, "a stayed: it was used after b");
    await cache.get("b", clock, page.render);
    assert.equal(page.renders, 4, "b was dropped");
  });
});

forEachStore("a cached meeting page and another process's change", (store) => {
  test("the page shows a change another process commits to the same server", async (t) => {
    const { db, databaseUrl, dataDir } = store();
    if (!databaseUrl) return t.skip("PGlite has one process");
    const ctx = { db, actor: systemActor };
    const org = await createOrganization(ctx, { name: "Styregruppen", kind: "steering_group" });
    const meeting = await createMeeting(ctx, {
      organizationId: org.id,
      title: "Møde i styregruppen",
      start: "2021-03-01T10:00:00+01:00",
      agendaItems: [{ number: "1", title: "Første titel" }],
    });
    await updateMeeting(ctx, meeting.id, { state: "agenda_published" });
    const app = await testServer(store());
    const other = await openDatabase({ dataDir, databaseUrl }, { migrate: false });
    try {
      const page = async () => (await app.inject({ url: `/moeder/${meeting.id}` })).body;
      assert.match(await page(), /Første titel/);
      const [item] = meeting.agendaItems;
      await updateAgendaItem({ db: other, actor: systemActor }, item?.id ?? "", {
        title: "Anden titel",
        changeNote: "Ny titel",
      });
      const until = Date.now() + 5000;
      while (!/Anden titel/.test(await page())) {
        if (Date.now() > until) assert.fail("the cached page never showed the other process's change");
        await sleep(20);
      }
    } finally {
      await other.close();
      await app.close();
    }
  });
});
