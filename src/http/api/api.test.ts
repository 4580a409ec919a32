import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachStore } from "../../../test/support/databases.ts";
import { countRows } from "../../../test/support/factories.ts";
import { asSecretariat, testServer } from "../../../test/support/test-server.ts";

forEachStore("JSON API", (store) => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer(store());
  });
  after(() => app.close());

  const post = (url: string, payload: object, headers: Record<string, string> = asSecretariat) =>
    app.inject({ method: "POST", url, payload, headers });

  test("a write walks 401 -> 400 -> 201 -> 404 -> 200, with problem details naming the field", async () => {
    const anonymous = await post(
      "/api/v1/organizations",
      { name: "KD-Net", kind: "administrative_network" },
      {},
    );
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.headers["content-type"], "application/problem+json; charset=utf-8");
    assert.equal(anonymous.json().code, "auth.required");

    const wrongToken = await post(
      "/api/v1/organizations",
      { name: "X", kind: "committee" },
      {
        authorization: "Bearer nope",
      },
    );
    assert.equal(wrongToken.statusCode, 401);

    const badKind = await post("/api/v1/organizations", { name: "KD-Net", kind: "club" });
    assert.equal(badKind.statusCode, 400);
    assert.equal(badKind.json().code, "validation.invalid");
    assert.equal(badKind.json().field, "kind");
    assert.match(badKind.json().detail, /kind: must be one of political_body/);

    const missing = await post("/api/v1/organizations", { kind: "committee" });
    assert.equal(missing.json().field, "name");
    const unknown = await post("/api/v1/organizations", { name: "A", kind: "committee", colour: "red" });
    assert.equal(unknown.json().field, "colour");

    const created = await post("/api/v1/organizations", { name: "KD-Net", kind: "administrative_network" });
    assert.equal(created.statusCode, 201);
    const { id } = created.json();

    const absent = await app.inject({ url: "/api/v1/organizations/01a20808-0000-7000-8000-000000000000" });
    assert.equal(absent.statusCode, 404);
    assert.equal(absent.json().code, "record.not_found");
    const notAnId = await app.inject({ url: "/api/v1/organizations/42" });
    assert.equal(notAnId.statusCode, 400);
    assert.equal(notAnId.json().field, "id");

    const changed = await app.inject({
      method: "PATCH",
      url: `/api/v1/organizations/${id}`,
      payload: { shortName: "KD-Net", website: "https://www.kd-net.dk" },
      headers: asSecretariat,
    });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().shortName, "KD-Net");
    assert.equal(changed.json().updatedBy, "api-token");
  });

  test("domain rules come back as 409 with a stable code", async () => {
    const org = (await post("/api/v1/organizations", { name: "Udvalget", kind: "committee" })).json();
    const person = (await post("/api/v1/people", { name: "Hans Minor Vedel" })).json();
    const seat = { personId: person.id, organizationId: org.id, role: "member", startDate: "2021-01-22" };
    assert.equal((await post("/api/v1/memberships", seat)).statusCode, 201);
    const overlap = await post("/api/v1/memberships", { ...seat, startDate: "2021-03-01" });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().code, "membership.overlap");
    const dangling = await post("/api/v1/memberships", { ...seat, personId: org.id });
    assert.equal(dangling.statusCode, 400);
    assert.equal(dangling.json().field, "personId");
  });

  test("a failed request changes nothing", async () => {
    const org = (await post("/api/v1/organizations", { name: "Rådet", kind: "council" })).json();
    const before = await countRows(store().db);
    const response = await post("/api/v1/meetings", {
      organizationId: org.id,
      title: "Møde",
      start: "2021-01-22T10:00:00+01:00",
      agendaItems: [{ number: "1", title: "Dagsorden" }],
      attendance: [{ personId: "01a20808-0000-7000-8000-000000000000", status: "present" }],
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().field, "personId");
    assert.deepEqual(await countRows(store().db), before);
  });

  test("lists are pages with a cursor that walks every row once", async () => {
    for (let i = 0; i < 7; i++) await post("/api/v1/people", { name: `Person ${i}` });
    const seen: string[] = [];
    let url = "/api/v1/people?limit=3";
    for (let pages = 0; pages < 10; pages++) {
      const page = (await app.inject({ url })).json();
      seen.push(...page.data.map((p: { id: string }) => p.id));
      if (!page.nextCursor) break;
      url = `/api/v1/people?limit=3&cursor=${page.nextCursor}`;
    }
    const all = (await app.inject({ url: "/api/v1/people?limit=500" })).json().data.length;
    assert.equal(seen.length, all);
    assert.equal(new Set(seen).size, all);
    const bad = await app.inject({ url: "/api/v1/people?cursor=garbage" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, "cursor");
  });

  test("files keep their bytes, size and sha256", async () => {
    const org = (await post("/api/v1/organizations", { name: "Netværket", kind: "committee" })).json();
    const meeting = (
      await post("/api/v1/meetings", {
        organizationId: org.id,
        title: "Møde",
        start: "2021-01-22T10:00:00+01:00",
      })
    ).json();
    const upload = await app.inject({
      method: "POST",
      url: `/api/v1/files?name=${encodeURIComponent("Bilag æøå.txt")}&meetingId=${meeting.id}`,
      payload: "Referat fra mødet",
      headers: { ...asSecretariat, "content-type": "text/plain" },
    });
    assert.equal(upload.statusCode, 201);
    const file = upload.json();
    assert.equal(file.sizeBytes, Buffer.byteLength("Referat fra mødet"));
    assert.match(file.sha256, /^[0-9a-f]{64}$/);
    assert.equal(file.name, "Bilag æøå.txt");
    assert.equal(file.extractedText, "Referat fra mødet");
    const content = await app.inject({ url: `/api/v1/files/${file.id}/content`, headers: asSecretariat });
    assert.equal(content.body, "Referat fra mødet");
    assert.match(String(content.headers["content-disposition"]), /attachment/);
  });

  test("the OpenAPI 3.1 document describes every resource from the validating schemas", async () => {
    const doc = (await app.inject({ url: "/api/openapi.json" })).json();
    assert.equal(doc.openapi, "3.1.0");
    for (const path of [
      "organizations",
      "people",
      "memberships",
      "legislative-terms",
      "meetings",
      "agenda-items",
      "cases",
      "consultations",
      "files",
    ]) {
      assert.ok(doc.paths[`/api/v1/${path}`]?.get, `GET /api/v1/${path} documented`);
      assert.ok(doc.paths[`/api/v1/${path}/{id}`]?.patch, `PATCH /api/v1/${path}/{id} documented`);
    }
    const kinds =
      doc.paths["/api/v1/organizations"].post.requestBody.content["application/json"].schema.properties.kind;
    assert.ok(kinds.enum.includes("administrative_network"));
  });
});
