import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { type CrawlResult, crawlOParl, injectFetch } from "../../../bench/oparl-crawl.ts";
import { forEachStore } from "../../../test/support/databases.ts";
import { loadDemoRecord } from "../../../test/support/demo-world.ts";
import { loadOParlSchemas, OParlValidator } from "../../../test/support/oparl-validator.ts";
import { asSecretariat, testServer } from "../../../test/support/test-server.ts";
import { toDanishIsoString } from "../../platform/time.ts";
import { buildServer } from "../server.ts";

const root = "http://localhost/oparl/v1";
const examplesDir = path.resolve(import.meta.dirname, "../../../../shared/oparl/examples/v1.1.1");

type Json = Record<string, unknown> & { id: string };
interface ListPage {
  data: Json[];
  pagination: { elementsPerPage: number };
  links: { first: string; self: string; next?: string };
}

/** The path and query of an OParl URL, for `inject`. */
const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");

/** Filters compare to the second: wait for a fresh one, so that what came before falls before it. */
async function nextSecond(): Promise<{ iso: string; date: Date }> {
  const next = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
  await sleep(next.getTime() - Date.now() + 30);
  return { iso: toDanishIsoString(next), date: next };
}

describe("the OParl validator", () => {
  test("loads the schemas as the README says, and they accept the official examples but the known defect", () => {
    const schemas = loadOParlSchemas();
    assert.equal(schemas.size, 12);
    const failing: string[] = [];
    for (const file of fs.readdirSync(examplesDir)) {
      const example = JSON.parse(fs.readFileSync(path.join(examplesDir, file), "utf8"));
      const validate = schemas.get(file.replace(/-\d+\.json$/, ""));
      assert.ok(validate, file);
      if (!validate(example)) failing.push(`${file}: ${validate.errors?.[0]?.message}`);
    }
    // The README names it: Meeting-01's embedded AgendaItem lacks the required `order`.
    assert.deepEqual(failing, ["Meeting-01.json: must have required property 'order'"]);
  });

  test("reports what breaks the MUST list", () => {
    const validator = new OParlValidator();
    const url = `${root}/meeting/1`;
    validator.visit({
      response: {
        url,
        status: 200,
        headers: { "content-type": "application/json; charset=utf-8" },
        body: Buffer.from("{}"),
      },
      json: {
        id: url,
        type: "https://schema.oparl.org/1.1/Meeting",
        name: null,
        start: "2021-01-22T10:00:00Z",
        agendaItem: [
          {
            id: `${root}/agenda-item/1`,
            type: "https://schema.oparl.org/1.1/AgendaItem",
            order: 1,
            created: "2021-01-22T10:00:00+01:00",
            modified: "2021-01-22T10:00:00+01:00",
          },
        ],
        "samraad:presenters": ["A"],
        created: "2021-01-22T10:00:00+01:00",
      },
    });
    const violations = validator.finish().join("\n");
    for (const expected of [
      "no Access-Control-Allow-Origin",
      "name is null",
      "no modified",
      "start 2021-01-22T10:00:00Z is not",
      "agendaItem[0] has order 1",
      "samraad:presenters is not a string",
      "agenda-item/1 was never fetched on its own",
      "schema Meeting: /name must be string",
    ]) {
      assert.ok(violations.includes(expected), `missing "${expected}" in\n${violations}`);
    }
  });
});

forEachStore("OParl 1.1 at /oparl/v1", (store) => {
  let app: FastifyInstance;
  before(async () => {
    await loadDemoRecord(store());
    app = await testServer(store());
  });
  after(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ url: local(url), headers: { host: "localhost", ...headers } });
  const json = async <T = Json>(url: string): Promise<T> => {
    const response = await get(url);
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return response.json() as T;
  };
  const api = async (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: asSecretariat, ...(payload ? { payload } : {}) });
  const create = async (url: string, payload: object): Promise<string> => {
    const response = await api("POST", url, payload);
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id;
  };
  const upload = async (name: string, content: string, target: string) => {
    const response = await app.inject({
      method: "POST",
      url: `/api/v1/files?name=${encodeURIComponent(name)}&${target}`,
      payload: content,
      headers: { ...asSecretariat, "content-type": "text/plain" },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  };
  const publish = async (meetingId: string | undefined, states: string[]) => {
    for (const state of states) {
      const response = await api("PATCH", `/api/v1/meetings/${meetingId}`, { state });
      assert.equal(response.statusCode, 200, response.body);
    }
  };
  /** Every object of a list, walking its pages. */
  const walk = async (listUrl: string): Promise<{ objects: Json[]; pages: ListPage[] }> => {
    const objects: Json[] = [];
    const pages: ListPage[] = [];
    for (let url: string | undefined = listUrl; url; ) {
      const page: ListPage = await json<ListPage>(url);
      pages.push(page);
      objects.push(...page.data);
      url = page.links.next;
      assert.ok(pages.length < 1000, "the pages never end");
    }
    return { objects, pages };
  };
  const ids = async (listUrl: string) => (await walk(listUrl)).objects.map((o) => o.id);
  const bodyLists = async () => {
    const body = await json(`${root}/body/1`);
    return [
      "organization",
      "person",
      "membership",
      "meeting",
      "agendaItem",
      "paper",
      "consultation",
      "file",
      "locationList",
      "legislativeTermList",
    ].map((list) => body[list] as string);
  };
  const crawl = async (): Promise<{ result: CrawlResult; validator: OParlValidator; bodies: string[] }> => {
    const validator = new OParlValidator();
    const bodies: string[] = [];
    const result = await crawlOParl(injectFetch(app), root, {
      onVisit: (visit) => {
        validator.visit(visit);
        bodies.push(visit.response.body.toString("utf8"));
      },
    });
    validator.finish();
    return { result, validator, bodies };
  };

  test("a crawl of the demo world from the System object finds no violation", async () => {
    const { result, validator } = await crawl();
    assert.deepEqual(validator.violations, []);
    const types = new Set([...validator.fetched.values()].map((type) => type.split("/").at(-1)));
    assert.deepEqual([...types].sort(), [
      "AgendaItem",
      "Body",
      "Consultation",
      "File",
      "LegislativeTerm",
      "Location",
      "Meeting",
      "Membership",
      "Organization",
      "Paper",
      "Person",
      "System",
    ]);
    // 33 agenda items of the two seed meetings, the bodies, people and appointments of the seeds.
    assert.ok(result.objects > 150, `only ${result.objects} objects`);
    assert.ok(validator.objectsChecked > result.objects);
  });

  const marker = "Fortrolig-okapi";
  const made: Record<string, string> = {};

  test("a closed item, a draft agenda and unpublished decisions appear nowhere in a crawl", async () => {
    made.org = await create("/api/v1/organizations", {
      name: "Styregruppen for test",
      kind: "steering_group",
    });
    made.presenter = await create("/api/v1/people", { name: "Oplægsholder Hansen" });
    made.secretCase = await create("/api/v1/cases", {
      reference: `SAG-${marker}`,
      title: `Sag om ${marker}`,
    });
    made.openCase = await create("/api/v1/cases", { reference: "SAG-2021-0001", title: "Åben sag" });
    await create("/api/v1/consultations", {
      caseId: made.secretCase,
      organizationId: made.org,
      plannedDate: "2021-06-01",
      purpose: "decision",
    });
    const meeting = (
      await api("POST", "/api/v1/meetings", {
        organizationId: made.org,
        title: "Møde i styregruppen",
        start: "2021-03-01T10:00:00+01:00",
        location: "Regionshuset  Viborg",
        agendaItems: [
          {
            number: "1",
            title: "Åbent punkt",
            decision: "Godkendt som indstillet",
            outcome: "approved",
            caseId: made.openCase,
          },
          {
            number: "2",
            title: `Lukket: ${marker}`,
            isPublic: false,
            background: marker,
            recommendation: marker,
            casePresentation: marker,
            finance: marker,
            decision: marker,
            outcome: "rejected",
            presenterIds: [made.presenter],
            caseId: made.secretCase,
          },
        ],
      })
    ).json();
    made.meeting = meeting.id;
    made.openItem = meeting.agendaItems[0].id;
    made.closedItem = meeting.agendaItems[1].id;
    made.closedFile = await upload(
      `Bilag ${marker}.txt`,
      `Fortroligt bilag: ${marker}`,
      `agendaItemId=${made.closedItem}`,
    );
    made.openFile = await upload("Bilag æøå.txt", "Åbent bilag", `agendaItemId=${made.openItem}`);
    await publish(made.meeting, ["agenda_published", "held", "minutes_approved", "minutes_published"]);

    const draft = (
      await api("POST", "/api/v1/meetings", {
        organizationId: made.org,
        title: "Kommende møde",
        start: "2021-09-01T10:00:00+02:00",
        agendaItems: [{ number: "1", title: `Udkast om ${marker}`, caseId: made.openCase }],
      })
    ).json();
    made.draftMeeting = draft.id;
    made.draftItem = draft.agendaItems[0].id;
    made.draftFile = await upload(`Udkast ${marker}.txt`, marker, `agendaItemId=${made.draftItem}`);

    const announced = (
      await api("POST", "/api/v1/meetings", {
        organizationId: made.org,
        title: "Møde med dagsorden",
        start: "2021-05-01T10:00:00+02:00",
        agendaItems: [{ number: "1", title: "Punkt til beslutning", decision: `Beslutning ${marker}` }],
      })
    ).json();
    made.announcedMeeting = announced.id;
    made.announcedItem = announced.agendaItems[0].id;
    await publish(made.announcedMeeting, ["agenda_published"]);

    const { validator, bodies } = await crawl();
    assert.deepEqual(validator.violations, []);
    for (const body of bodies) assert.ok(!body.includes(marker), `the marker shows: ${body.slice(0, 400)}`);
    for (const id of [made.secretCase, made.closedFile, made.draftItem, made.draftFile]) {
      assert.ok(!bodies.some((body) => body.includes(id ?? "-")), `${id} appears in the crawl`);
    }

    const shown = await json<{ agendaItem: Json[]; location: Json }>(`${root}/meeting/${made.meeting}`);
    assert.deepEqual(
      shown.agendaItem.map((item) => [item.number, item.name, item.public, item.order]),
      [
        ["1", "Åbent punkt", true, 0],
        ["2", "Lukket punkt", false, 1],
      ],
    );
    const [open, closed] = shown.agendaItem;
    assert.equal(open?.resolutionText, "Godkendt som indstillet");
    assert.equal(open?.result, "Godkendt");
    assert.equal((open?.auxiliaryFile as Json[] | undefined)?.length, 1);
    assert.deepEqual(
      Object.keys(closed ?? {}).filter((key) => !["id", "type", "created", "modified"].includes(key)),
      ["meeting", "number", "order", "name", "public", "auxiliaryFile"],
    );
    assert.deepEqual(closed?.auxiliaryFile, []);
    assert.equal(shown.location.description, "Regionshuset Viborg");
    assert.deepEqual((await json<Json>(`${root}/meeting/${made.draftMeeting}`)).agendaItem, []);
    const announcedItem = await json(`${root}/agenda-item/${made.announcedItem}`);
    assert.equal(announcedItem.resolutionText, undefined);
    for (const hidden of [
      `paper/${made.secretCase}`,
      `file/${made.closedFile}`,
      `file/${made.closedFile}/access`,
      `file/${made.closedFile}/download`,
      `agenda-item/${made.draftItem}`,
    ]) {
      assert.equal((await get(`${root}/${hidden}`)).statusCode, 404, hidden);
    }
    // The API token opens the JSON API, not OParl: it shows the public's view to everyone.
    const withToken = await get(`${root}/meeting/${made.meeting}`, asSecretariat);
    assert.ok(!withToken.body.includes(marker));
  });

  test("files: the access URL shows the bytes, the download URL offers them as an attachment", async () => {
    const file = await json(`${root}/file/${made.openFile}`);
    assert.equal(file.name, "Bilag æøå.txt");
    assert.equal(file.mimeType, "text/plain");
    assert.deepEqual(file.agendaItem, [`${root}/agenda-item/${made.openItem}`]);
    const access = await get(file.accessUrl as string);
    assert.equal(access.statusCode, 200);
    assert.equal(access.body, "Åbent bilag");
    assert.match(String(access.headers["content-disposition"]), /^inline;/);
    assert.equal(access.headers["x-content-type-options"], "nosniff");
    const download = await get(file.downloadUrl as string);
    assert.equal(
      download.headers["content-disposition"],
      `attachment; filename="Bilag aeoeaa.txt"; filename*=UTF-8''Bilag%20%C3%A6%C3%B8%C3%A5.txt`,
    );
    assert.equal(download.headers["access-control-allow-origin"], "*");
    const again = await get(file.downloadUrl as string, { "if-none-match": String(download.headers.etag) });
    assert.equal(again.statusCode, 304);
  });

  test("list pages walk every object once, in a stable order, keeping the filters", async () => {
    for (const list of await bodyLists()) {
      const all = await ids(`${list}?limit=500`);
      const { objects, pages } = await walk(`${list}?limit=3`);
      assert.deepEqual(
        objects.map((o) => o.id),
        all,
        list,
      );
      assert.equal(new Set(all).size, all.length, `${list} repeats an object`);
      for (const [index, page] of pages.entries()) {
        const last = index === pages.length - 1;
        assert.equal(page.links.next === undefined, last, `${list} page ${index}: next link`);
        if (!last) assert.equal(page.data.length, 3);
        assert.equal(page.pagination.elementsPerPage, 3);
      }
      assert.deepEqual(await ids(`${list}?elementsPerPage=500`), all, `${list} with elementsPerPage`);
    }
    const twice = await ids(`${root}/body/1/meeting?limit=2`);
    assert.deepEqual(await ids(`${root}/body/1/meeting?limit=2`), twice);
  });

  test("created_since, created_until, modified_since and modified_until find the changes", async () => {
    const changed = await create("/api/v1/people", { name: "Person der skifter titel" });
    const appointed = await create("/api/v1/people", { name: "Person der udpeges" });
    made.appointed = appointed;
    const memberships = await ids(`${root}/body/1/membership?limit=500`);
    const since = await nextSecond();
    const q = (list: string, params: string) => ids(`${root}/body/1/${list}?${params}&limit=1`);
    const sinceParam = `modified_since=${encodeURIComponent(since.iso)}`;

    assert.equal((await api("PATCH", `/api/v1/people/${changed}`, { title: "direktør" })).statusCode, 200);
    made.newMembership = await create("/api/v1/memberships", {
      personId: appointed,
      organizationId: made.org,
      role: "observer",
      startDate: "2030-01-01",
    });
    const renamed = await api("PATCH", `/api/v1/agenda-items/${made.announcedItem}`, {
      title: "Nyt navn",
      changeNote: "Nyt navn på punktet",
    });
    assert.equal(renamed.statusCode, 200, renamed.body);

    assert.deepEqual(
      (await q("person", sinceParam)).sort(),
      [`${root}/person/${changed}`, `${root}/person/${appointed}`].sort(),
    );
    assert.deepEqual(await q("membership", `created_since=${encodeURIComponent(since.iso)}`), [
      `${root}/membership/${made.newMembership}`,
    ]);
    assert.deepEqual(await q("membership", sinceParam), [`${root}/membership/${made.newMembership}`]);
    assert.deepEqual(await q("organization", sinceParam), [`${root}/organization/${made.org}`]);
    assert.deepEqual(await q("meeting", sinceParam), [`${root}/meeting/${made.announcedMeeting}`]);
    assert.deepEqual(await q("agenda-item", sinceParam), [`${root}/agenda-item/${made.announcedItem}`]);
    assert.deepEqual(await q("paper", sinceParam), []);
    const before = toDanishIsoString(new Date(since.date.getTime() - 1000));
    assert.deepEqual(await q("membership", `created_until=${encodeURIComponent(before)}`), memberships);
    assert.deepEqual(await q("membership", `modified_until=${encodeURIComponent(before)}`), memberships);
    assert.deepEqual(
      await q("person", `${sinceParam}&modified_until=${encodeURIComponent(before)}`),
      [],
      "a window that ends before it starts",
    );
    // Filters stay in every link; an unencoded "+" of the offset arrives as a space and still works.
    const page = await json<ListPage>(`${root}/body/1/person?modified_since=${since.iso}&limit=1`);
    assert.match(String(page.links.next), /modified_since=.*limit=1&cursor=/);
    assert.match(page.links.self, /modified_since=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d%2B0[12]%3A00&limit=1$/);
  });

  test("deletions leave tombstones, listed with modified_since, and move their parents' modified", async () => {
    const since = await nextSecond();
    const sinceParam = `modified_since=${encodeURIComponent(since.iso)}`;
    const gone = made.newMembership as string;
    assert.equal((await api("DELETE", `/api/v1/memberships/${gone}`)).statusCode, 204);
    assert.equal(
      (await app.inject({ url: `/api/v1/memberships/${gone}`, headers: asSecretariat })).statusCode,
      404,
    );
    const stone = await json(`${root}/membership/${gone}`);
    assert.deepEqual(Object.keys(stone).sort(), ["created", "deleted", "id", "modified", "type"]);
    assert.equal(stone.deleted, true);
    assert.ok(new Date(stone.modified as string) >= since.date);
    assert.ok(!(await ids(`${root}/body/1/membership?limit=500`)).includes(stone.id));
    const changes = (await walk(`${root}/body/1/membership?${sinceParam}`)).objects;
    assert.deepEqual(changes, [stone]);
    assert.deepEqual(await q("person", sinceParam), [`${root}/person/${made.appointed}`]);
    assert.deepEqual(await q("organization", sinceParam), [`${root}/organization/${made.org}`]);

    // Records that others refer to stay, with a message naming what refers to them.
    const org = await api("DELETE", `/api/v1/organizations/${made.org}`);
    assert.equal(org.statusCode, 409);
    assert.equal(org.json().code, "record.referenced");
    assert.match(org.json().detail, /still referred to by .*meetings/);
    const presenter = await api("DELETE", `/api/v1/people/${made.presenter}`);
    assert.equal(presenter.statusCode, 409);
    assert.match(presenter.json().detail, /1 agenda items \(as presenter\)/);
    const held = await api("DELETE", `/api/v1/meetings/${made.meeting}`);
    assert.equal(held.statusCode, 409);
    assert.match(held.json().detail, /only a planned meeting can be deleted/);
    const caseInUse = await api("DELETE", `/api/v1/cases/${made.openCase}`);
    assert.equal(caseInUse.statusCode, 409);
    assert.match(caseInUse.json().detail, /consultations/);

    // A planned meeting without items goes; OParl keeps its tombstone, also in its body's list.
    const empty = await create("/api/v1/meetings", {
      organizationId: made.org,
      title: "Fejloprettet møde",
      start: "2021-10-01T10:00:00+02:00",
    });
    assert.equal((await api("DELETE", `/api/v1/meetings/${empty}`)).statusCode, 204);
    assert.equal((await json(`${root}/meeting/${empty}`)).deleted, true);
    const bodyMeetings = await ids(`${root}/organization/${made.org}/meeting?${sinceParam}`);
    assert.ok(bodyMeetings.includes(`${root}/meeting/${empty}`));
    assert.ok(!(await ids(`${root}/organization/${made.org}/meeting`)).includes(`${root}/meeting/${empty}`));

    // A file of an open item: its tombstone shows, and the item and meeting it was in changed.
    const file = await upload("Rettelse.txt", "Rettelse", `agendaItemId=${made.announcedItem}`);
    const later = await nextSecond();
    const laterParam = `modified_since=${encodeURIComponent(later.iso)}`;
    assert.equal((await api("DELETE", `/api/v1/files/${file}`)).statusCode, 204);
    assert.equal((await json(`${root}/file/${file}`)).deleted, true);
    assert.deepEqual(await q("agenda-item", laterParam), [`${root}/agenda-item/${made.announcedItem}`]);
    assert.deepEqual(await q("meeting", laterParam), [`${root}/meeting/${made.announcedMeeting}`]);
    assert.deepEqual(await q("file", laterParam), [`${root}/file/${file}`]);

    // Agenda items are removed by the agenda builder; any delete of one leaves a tombstone.
    const extra = await create("/api/v1/agenda-items", {
      meetingId: made.announcedMeeting,
      number: "2",
      title: "Punkt der udgår",
      caseId: made.openCase,
      changeNote: "Et punkt er tilføjet",
    });
    const draftExtra = made.draftItem as string;
    const third = await nextSecond();
    await store().db.transaction(async (tx) => {
      await tx.query("DELETE FROM consultations WHERE agenda_item_id = ANY($1::uuid[])", [
        [extra, draftExtra],
      ]);
      await tx.query("DELETE FROM files WHERE agenda_item_id = ANY($1::uuid[])", [[extra, draftExtra]]);
      await tx.query("DELETE FROM agenda_items WHERE id = ANY($1::uuid[])", [[extra, draftExtra]]);
    });
    assert.equal((await json(`${root}/agenda-item/${extra}`)).deleted, true);
    // An item removed from a draft agenda was never public: not even its tombstone shows.
    assert.equal((await get(`${root}/agenda-item/${draftExtra}`)).statusCode, 404);
    const thirdParam = `modified_since=${encodeURIComponent(third.iso)}`;
    assert.deepEqual((await q("agenda-item", thirdParam)).sort(), [`${root}/agenda-item/${extra}`]);
    assert.ok((await q("meeting", thirdParam)).includes(`${root}/meeting/${made.announcedMeeting}`));
    assert.ok((await q("paper", thirdParam)).includes(`${root}/paper/${made.openCase}`));

    // Every list of changes, tombstones included, passes the validator.
    const validator = new OParlValidator();
    for (const list of await bodyLists()) {
      const url = `${list}?modified_since=${encodeURIComponent(since.iso)}`;
      const response = await get(url);
      validator.visit({
        response: {
          url,
          status: response.statusCode,
          headers: response.headers as Record<string, string>,
          body: response.rawPayload,
        },
        json: response.json(),
      });
    }
    assert.deepEqual(validator.violations, []);
  });

  const q = (list: string, params: string) => ids(`${root}/body/1/${list}?${params}&limit=2`);

  test("a file moved elsewhere moves the modified of the item and meeting it left", async () => {
    const file = await upload("Flyttes.txt", "Flyttes", `agendaItemId=${made.announcedItem}`);
    const since = await nextSecond();
    const sinceParam = `modified_since=${encodeURIComponent(since.iso)}`;
    const moved = await api("PATCH", `/api/v1/files/${file}`, { meetingId: made.draftMeeting });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual(await q("agenda-item", sinceParam), [`${root}/agenda-item/${made.announcedItem}`]);
    assert.ok((await q("meeting", sinceParam)).includes(`${root}/meeting/${made.announcedMeeting}`));
    // Attached to a meeting without a published agenda, the file is no longer public.
    assert.equal((await get(`${root}/file/${file}`)).statusCode, 404);
  });

  test("the door: CORS on every answer, canonical URLs, refused filters", async () => {
    for (const url of [`${root}/system`, `${root}/`]) {
      const response = await get(url);
      assert.equal(response.statusCode, 301, url);
      assert.equal(response.headers.location, root);
    }
    for (const [url, status] of [
      [`${root}/nothing`, 404],
      [`${root}/meeting/42`, 404],
      [`${root}/meeting/01a20808-0000-7000-8000-000000000000`, 404],
      [`${root}/body/2`, 404],
      [`${root}/body/1/meeting?modified_since=yesterday`, 400],
      [`${root}/body/1/meeting?limit=0`, 400],
      [`${root}/body/1/meeting?cursor=garbage`, 400],
      // A cursor of the location list (hex ids) given to the meeting list (uuids).
      [`${root}/body/1/meeting?cursor=WyIwNDk3NmZjMGIwZjExZWUzZDMxZjk1MDQiXQ`, 400],
    ] as const) {
      const response = await get(url);
      assert.equal(response.statusCode, status, url);
      assert.equal(response.headers["access-control-allow-origin"], "*", url);
    }
    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/oparl/v1/body/1/meeting",
      headers: { host: "localhost" },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers["access-control-allow-origin"], "*");
    assert.match(String(preflight.headers["access-control-allow-methods"]), /GET/);
    const openapi = (await app.inject({ url: "/api/openapi.json" })).json();
    assert.ok(!Object.keys(openapi.paths).some((p) => p.startsWith("/oparl")), "OParl is not part of /api");

    const configured = await buildServer({
      db: store().db,
      files: store().files,
      config: {
        apiToken: null,
        maxUploadBytes: 1024,
        logLevel: "silent",
        secureCookies: false,
        trustProxy: false,
        installationName: "KKR Midtjyllands mødearkiv",
        publicUrl: "https://moeder.example.dk",
      },
    });
    try {
      const system = (await configured.inject({ url: "/oparl/v1" })).json();
      assert.equal(system.id, "https://moeder.example.dk/oparl/v1");
      assert.equal(system.name, "KKR Midtjyllands mødearkiv");
      assert.equal(system.body, "https://moeder.example.dk/oparl/v1/body");
    } finally {
      await configured.close();
    }
  });
});
