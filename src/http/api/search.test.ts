import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachStore } from "../../../test/support/databases.ts";
import { asSecretariat, testServer } from "../../../test/support/test-server.ts";

forEachStore("search API", (store) => {
  let app: FastifyInstance;
  let meetingId: string;
  before(async () => {
    app = await testServer(store());
    const org = await app.inject({
      method: "POST",
      url: "/api/v1/organizations",
      headers: asSecretariat,
      payload: { name: "Klimaudvalget", kind: "committee" },
    });
    const meeting = await app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: asSecretariat,
      payload: {
        organizationId: org.json().id,
        title: "Møde",
        start: "2024-03-01T10:00:00+01:00",
        agendaItems: [
          { number: "1", title: "Klimaplan for kysterne", casePresentation: "Stormflod & <b>diger</b>." },
          { number: "2", title: "Lukket klimapunkt", isPublic: false },
        ],
      },
    });
    meetingId = meeting.json().id;
  });
  after(() => app.close());

  const search = (query: string, headers: Record<string, string> = {}) =>
    app.inject({ url: `/api/v1/search?${query}`, headers });

  test("400 on a missing or malformed query, naming the field", async () => {
    const missing = await search("");
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().field, "q");
    const badScope = await search("q=klima&scope=everything");
    assert.equal(badScope.statusCode, 400);
    assert.equal(badScope.json().field, "scope");
    const badDate = await search("q=klima&from=1.2.2024");
    assert.equal(badDate.json().field, "from");
  });

  test("the public finds nothing of a draft agenda; the secretariat does; then the public does", async () => {
    const before = await search("q=klimaplan");
    assert.equal(before.statusCode, 200);
    assert.deepEqual(before.json().data, []);
    const internal = await search("q=klimaplan", asSecretariat);
    assert.equal(internal.json().data.length, 1);
    await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${meetingId}`,
      headers: asSecretariat,
      payload: { state: "agenda_published" },
    });
    const after = await search(`q=${encodeURIComponent('"klimaplan for kysterne"')}&scope=agenda`);
    const body = after.json();
    assert.equal(body.data.length, 1);
    assert.equal(body.data[0].meetingId, meetingId);
    assert.equal(body.data[0].itemNumber, "1");
    assert.equal(body.data[0].titleHighlight, "\uE000Klimaplan\uE001 for \uE000kysterne\uE001");
    assert.equal(body.total, 1);
    assert.equal(body.nextCursor, null);
    // The closed item stays hidden after publication.
    const closed = await search("q=lukket");
    assert.deepEqual(closed.json().data, []);
  });
});
