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
    for (const path of ["organizations", "people", "memberships", "legislative-terms", "meetings", "cases"]) {
      assert.ok(doc.paths[`/api/v1/${path}/{id}`]?.delete, `DELETE /api/v1/${path}/{id} documented`);
    }
    assert.equal(doc.paths["/api/v1/agenda-items/{id}"]?.delete, undefined);
  });

  test("a delete walks 401 -> 404 -> 409 naming what refers to it -> 204 -> 404, and leaves a tombstone", async () => {
    const del = (url: string, headers: Record<string, string> = asSecretariat) =>
      app.inject({ method: "DELETE", url, headers });
    const org = (await post("/api/v1/organizations", { name: "Følgegruppen", kind: "committee" })).json();
    const person = (await post("/api/v1/people", { name: "Anne Jensen" })).json();
    const seat = (
      await post("/api/v1/memberships", { personId: person.id, organizationId: org.id, role: "member" })
    ).json();
    const term = (
      await post("/api/v1/legislative-terms", {
        name: "2022-2025",
        startDate: "2022-01-01",
        endDate: "2025-12-31",
      })
    ).json();
    const kase = (await post("/api/v1/cases", { title: "Sag der opgives" })).json();
    const planned = (
      await post("/api/v1/consultations", {
        caseId: kase.id,
        organizationId: org.id,
        plannedDate: "2022-03-01",
        purpose: "information",
      })
    ).json();

    assert.equal((await del(`/api/v1/people/${person.id}`, {})).statusCode, 401);
    assert.equal((await del("/api/v1/people/01a20808-0000-7000-8000-000000000000")).statusCode, 404);
    const referenced = await del(`/api/v1/people/${person.id}`);
    assert.equal(referenced.statusCode, 409);
    assert.equal(referenced.json().code, "record.referenced");
    assert.match(
      referenced.json().detail,
      /is still referred to by 1 appointments; remove or change those first/,
    );
    assert.deepEqual(referenced.json().referencedBy, { "memberships.person_id": 1 });
    const caseInUse = await del(`/api/v1/cases/${kase.id}`);
    assert.match(caseInUse.json().detail, /1 consultations/);

    for (const url of [
      `/api/v1/memberships/${seat.id}`,
      `/api/v1/people/${person.id}`,
      `/api/v1/consultations/${planned.id}`,
      `/api/v1/cases/${kase.id}`,
      `/api/v1/legislative-terms/${term.id}`,
      `/api/v1/organizations/${org.id}`,
    ]) {
      const response = await del(url);
      assert.equal(response.statusCode, 204, `${url}: ${response.body}`);
      assert.equal(response.body, "");
      assert.equal((await app.inject({ url, headers: asSecretariat })).statusCode, 404, url);
      assert.equal((await del(url)).statusCode, 404, `${url} again`);
    }
    const tombstones = await store().db.query<{ table_name: string; deleted_by: string }>(
      "SELECT table_name, deleted_by FROM deleted_records WHERE id = ANY($1::uuid[]) ORDER BY table_name",
      [[seat.id, person.id, planned.id, kase.id, term.id, org.id]],
    );
    assert.deepEqual(
      tombstones.map((t) => [t.table_name, t.deleted_by]),
      [
        ["cases", "api-token"],
        ["consultations", "api-token"],
        ["legislative_terms", "api-token"],
        ["memberships", "api-token"],
        ["organizations", "api-token"],
        ["people", "api-token"],
      ],
    );
  });

  test("an item of a published agenda changes only with a note, as a new version; a decision needs none", async () => {
    const org = (await post("/api/v1/organizations", { name: "Styregruppen", kind: "committee" })).json();
    const meeting = (
      await post("/api/v1/meetings", {
        organizationId: org.id,
        title: "Møde",
        start: "2021-09-01T10:00:00+02:00",
        agendaItems: [{ number: "1", title: "Status på klimaplanen" }],
      })
    ).json();
    const itemId: string = meeting.agendaItems[0].id;
    const patch = (payload: object) =>
      app.inject({ method: "PATCH", url: `/api/v1/agenda-items/${itemId}`, payload, headers: asSecretariat });
    const agendaVersions = async () =>
      store().db.query<{ version: number; note: string | null }>(
        "SELECT version, note FROM publications WHERE meeting_id = $1 AND kind = 'agenda' ORDER BY version",
        [meeting.id],
      );
    // Before publishing, the agenda is a draft: no note, no version.
    assert.equal((await patch({ title: "Status på klimaplanen 2030" })).statusCode, 200);
    await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${meeting.id}`,
      payload: { state: "agenda_published" },
      headers: asSecretariat,
    });
    assert.deepEqual(await agendaVersions(), [{ version: 1, note: null }]);

    const silent = await patch({ recommendation: "Det indstilles, at planen godkendes." });
    assert.equal(silent.statusCode, 400);
    assert.equal(silent.json().field, "changeNote");
    assert.match(silent.json().detail, /the agenda is published; say what changed/);
    const added = await post("/api/v1/agenda-items", {
      meetingId: meeting.id,
      number: "2",
      title: "Eventuelt",
    });
    assert.equal(added.json().field, "changeNote");
    const unchanged = (
      await app.inject({ url: `/api/v1/agenda-items/${itemId}`, headers: asSecretariat })
    ).json();
    assert.equal(unchanged.recommendation, null);

    const noted = await patch({
      recommendation: "Det indstilles, at planen godkendes.",
      changeNote: "Indstillingen er tilføjet",
    });
    assert.equal(noted.statusCode, 200);
    assert.equal(noted.json().recommendation, "Det indstilles, at planen godkendes.");
    assert.equal((await patch({ decision: "Godkendt.", outcome: "approved" })).statusCode, 200);
    assert.deepEqual(await agendaVersions(), [
      { version: 1, note: null },
      { version: 2, note: "Indstillingen er tilføjet" },
    ]);
  });

  test("a meeting is deleted only while planned and empty; a file only while its minutes are open", async () => {
    const org = (await post("/api/v1/organizations", { name: "Arbejdsgruppen", kind: "committee" })).json();
    const meeting = (
      await post("/api/v1/meetings", {
        organizationId: org.id,
        title: "Møde",
        start: "2021-06-01T10:00:00+02:00",
        agendaItems: [{ number: "1", title: "Punkt" }],
      })
    ).json();
    const withItems = await app.inject({
      method: "DELETE",
      url: `/api/v1/meetings/${meeting.id}`,
      headers: asSecretariat,
    });
    assert.equal(withItems.statusCode, 409);
    assert.match(withItems.json().detail, /1 agenda items/);
    const file = (
      await app.inject({
        method: "POST",
        url: `/api/v1/files?name=bilag.txt&agendaItemId=${meeting.agendaItems[0].id}`,
        payload: "Bilag",
        headers: { ...asSecretariat, "content-type": "text/plain" },
      })
    ).json();
    for (const state of ["agenda_published", "held", "minutes_approved"]) {
      await app.inject({
        method: "PATCH",
        url: `/api/v1/meetings/${meeting.id}`,
        payload: { state },
        headers: asSecretariat,
      });
    }
    const approved = await app.inject({
      method: "DELETE",
      url: `/api/v1/files/${file.id}`,
      headers: asSecretariat,
    });
    assert.equal(approved.statusCode, 409);
    assert.equal(approved.json().code, "meeting.minutes_approved");

    const empty = (
      await post("/api/v1/meetings", {
        organizationId: org.id,
        title: "Tomt møde",
        start: "2021-07-01T10:00:00+02:00",
      })
    ).json();
    const gone = await app.inject({
      method: "DELETE",
      url: `/api/v1/meetings/${empty.id}`,
      headers: asSecretariat,
    });
    assert.equal(gone.statusCode, 204);
    const stillThere = await app.inject({
      method: "DELETE",
      url: `/api/v1/meetings/${meeting.id}`,
      headers: asSecretariat,
    });
    assert.match(
      stillThere.json().detail,
      /only a planned meeting can be deleted, this one is minutes_approved/,
    );
  });
});
