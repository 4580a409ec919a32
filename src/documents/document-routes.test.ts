import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachStore } from "../../test/support/databases.ts";
import { buildDocumentMeeting, type DocumentMeeting, MARKER } from "../../test/support/document-fixtures.ts";
import { readPdf } from "../../test/support/pdf-reader.ts";
import { asSecretariat, testServer } from "../../test/support/test-server.ts";

forEachStore("GET /moeder/:id/dagsorden.pdf and referat.pdf", (store) => {
  let app: FastifyInstance;
  let meeting: DocumentMeeting;
  before(async () => {
    app = await testServer(store());
    meeting = await buildDocumentMeeting(store());
    await meeting.advanceTo("agenda_published");
  });
  after(() => app.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    app.inject({ url: `/moeder/${meeting.meetingId}/${path}`, headers });
  const text = async (body: Buffer) => (await readPdf(new Uint8Array(body))).pages.flat().join("\n");

  test("the public edition is the default, inline, with an ASCII and a UTF-8 file name", async () => {
    const response = await get("dagsorden.pdf");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["content-type"], "application/pdf");
    assert.equal(
      response.headers["content-disposition"],
      `inline; filename="dagsorden-kkr-midtjylland-2021-05-06.pdf"; filename*=UTF-8''dagsorden-kkr-midtjylland-2021-05-06.pdf`,
    );
    assert.equal(response.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
    const pages = await text(response.rawPayload);
    assert.match(pages, /3\.2\. Lukket punkt/);
    assert.ok(!pages.includes(MARKER));
    const explicit = await get("dagsorden.pdf?udgave=offentlig", asSecretariat);
    assert.ok(
      !(await text(explicit.rawPayload)).includes(MARKER),
      "the token does not open the public edition",
    );
  });

  test("the members' edition walks 401 -> 400 -> 200, errors as pages for the people who open the link", async () => {
    const anonymous = await get("dagsorden.pdf?udgave=medlemmer");
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.headers["content-type"], "text/html; charset=utf-8");
    const wrongToken = await get("dagsorden.pdf?udgave=medlemmer", { authorization: "Bearer nope" });
    assert.equal(wrongToken.statusCode, 401);
    const badEdition = await get("dagsorden.pdf?udgave=hemmelig", asSecretariat);
    assert.equal(badEdition.statusCode, 400);
    assert.match(badEdition.body, /udgave/);
    const members = await get("dagsorden.pdf?udgave=medlemmer", asSecretariat);
    assert.equal(members.statusCode, 200);
    assert.equal(members.headers["cache-control"], "private, no-store");
    assert.match(
      members.headers["content-disposition"] ?? "",
      /dagsorden-kkr-midtjylland-2021-05-06-medlemmer\.pdf/,
    );
    assert.match(await text(members.rawPayload), new RegExp(`3\\.2\\. Personsag om ${MARKER}`));
  });

  test("minutes not yet published, and meetings that do not exist, are 404", async () => {
    const minutes = await get("referat.pdf");
    assert.equal(minutes.statusCode, 404);
    const absent = await app.inject({ url: "/moeder/01a20808-0000-7000-8000-000000000000/dagsorden.pdf" });
    assert.equal(absent.statusCode, 404);
  });

  test("the routes are in the OpenAPI document, answering application/pdf", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json();
    for (const path of ["/moeder/{id}/dagsorden.pdf", "/moeder/{id}/referat.pdf"]) {
      const get = doc.paths[path]?.get;
      assert.ok(get?.responses["200"].content["application/pdf"], `${path} documented`);
      assert.ok(get.parameters.some((p: { name: string }) => p.name === "udgave"));
    }
  });

  test("bilag=med appends the attachments that are PDFs", async () => {
    await meeting.advanceTo("minutes_published");
    const plain = await readPdf(new Uint8Array((await get("referat.pdf")).rawPayload));
    const response = await get("referat.pdf?bilag=med");
    assert.equal(response.statusCode, 200);
    assert.match(
      response.headers["content-disposition"] ?? "",
      /referat-kkr-midtjylland-2021-05-06-med-bilag\.pdf/,
    );
    const combined = await readPdf(new Uint8Array(response.rawPayload));
    assert.ok(combined.pageCount > plain.pageCount);
    assert.match(combined.pages.flat().join("\n"), /Rammeaftalebilag side 1/);
  });
});
