import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachStore } from "../../../test/support/databases.ts";
import { asSecretariat, testServer } from "../../../test/support/test-server.ts";
import { anonymousReader, systemActor } from "../shared/context.ts";
import { CLOSED_ITEM_TITLE, itemTitleFor, type MeetingState } from "./visibility.ts";

/** Checked from outside, through every public read of the API. */
forEachStore("what the public may see", (store) => {
  let app: FastifyInstance;
  const marker = "Hemmeligholdt-zebra";
  const ids: Record<string, string> = {};
  before(async () => {
    app = await testServer(store());
    const post = async (url: string, payload: object) => {
      const response = await app.inject({ method: "POST", url, payload, headers: asSecretariat });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as string;
    };
    ids.org = await post("/api/v1/organizations", { name: "KKR Test", kind: "political_body" });
    ids.person = await post("/api/v1/people", { name: `Oplægsholder ${marker}` });
    ids.secretCase = await post("/api/v1/cases", { reference: `SAG-${marker}`, title: `Sag om ${marker}` });
    ids.openCase = await post("/api/v1/cases", { reference: "SAG-2021-1", title: "Åben sag" });
    ids.meeting = await post("/api/v1/meetings", {
      organizationId: ids.org,
      title: "Møde i KKR",
      start: "2021-02-01T10:00:00+01:00",
      agendaItems: [
        {
          number: "1",
          title: "Åbent punkt",
          recommendation: "Det indstilles",
          decision: "Godkendt",
          caseId: ids.openCase,
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
          outcome: "approved",
          presenterIds: [ids.person],
          caseId: ids.secretCase,
        },
      ],
    });
    ids.draftMeeting = await post("/api/v1/meetings", {
      organizationId: ids.org,
      title: "Kommende møde",
      start: "2021-04-23T10:00:00+02:00",
      agendaItems: [{ number: "1", title: `Udkast ${marker}` }],
    });
    const meeting = (
      await app.inject({ url: `/api/v1/meetings/${ids.meeting}`, headers: asSecretariat })
    ).json();
    ids.closedItem = meeting.agendaItems[1].id;
    const upload = await app.inject({
      method: "POST",
      url: `/api/v1/files?name=bilag.txt&agendaItemId=${ids.closedItem}`,
      payload: `Bilag om ${marker}`,
      headers: { ...asSecretariat, "content-type": "text/plain" },
    });
    ids.closedFile = upload.json().id;
    await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${ids.meeting}`,
      payload: { state: "agenda_published" },
      headers: asSecretariat,
    });
  });
  after(() => app.close());

  const publicUrls = () => [
    `/api/v1/meetings/${ids.meeting}`,
    `/api/v1/meetings/${ids.draftMeeting}`,
    "/api/v1/meetings",
    "/api/v1/agenda-items",
    `/api/v1/agenda-items?meetingId=${ids.meeting}`,
    `/api/v1/agenda-items/${ids.closedItem}`,
    "/api/v1/cases",
    `/api/v1/cases/${ids.secretCase}`,
    `/api/v1/cases/${ids.openCase}`,
    "/api/v1/consultations",
    "/api/v1/files",
    `/api/v1/files/${ids.closedFile}`,
    `/api/v1/files/${ids.closedFile}/content`,
  ];

  test("no public read shows a closed item's content, its case, its file, or a draft agenda", async () => {
    for (const url of publicUrls()) {
      const response = await app.inject({ url });
      assert.ok(!response.body.includes(marker), `${url} shows the marker: ${response.body.slice(0, 300)}`);
      if (!url.includes(ids.secretCase ?? "-")) {
        assert.ok(!response.body.includes(ids.secretCase ?? "-"), `${url} shows the closed item's case`);
      }
    }
  });

  test("the closed item is still listed, by number, as 'Lukket punkt'", async () => {
    const meeting = (await app.inject({ url: `/api/v1/meetings/${ids.meeting}` })).json();
    assert.deepEqual(
      meeting.agendaItems.map((i: { number: string; title: string }) => [i.number, i.title]),
      [
        ["1", "Åbent punkt"],
        ["2", "Lukket punkt"],
      ],
    );
    // The decision is not public until the minutes are.
    assert.equal(meeting.agendaItems[0].decision, null);
    assert.equal(meeting.agendaItems[0].recommendation, "Det indstilles");
  });

  test("a filter on a closed item's case does not find the closed item", async () => {
    const url = `/api/v1/agenda-items?caseId=${ids.secretCase}`;
    assert.deepEqual((await app.inject({ url })).json().data, []);
    const internal = (await app.inject({ url, headers: asSecretariat })).json().data;
    assert.deepEqual(
      internal.map((i: { id: string }) => i.id),
      [ids.closedItem],
    );
  });

  test("the secretariat sees everything the public does not", async () => {
    for (const url of [`/api/v1/meetings/${ids.meeting}`, `/api/v1/files/${ids.closedFile}/content`]) {
      const response = await app.inject({ url, headers: asSecretariat });
      assert.ok(response.body.includes(marker), `${url} hides the marker from the secretariat`);
    }
    const draft = (
      await app.inject({ url: `/api/v1/meetings/${ids.draftMeeting}`, headers: asSecretariat })
    ).json();
    assert.equal(draft.agendaItems.length, 1);
  });

  test("decisions become public with the minutes, closed ones never", async () => {
    for (const state of ["held", "minutes_approved", "minutes_published"]) {
      await app.inject({
        method: "PATCH",
        url: `/api/v1/meetings/${ids.meeting}`,
        payload: { state },
        headers: asSecretariat,
      });
    }
    const meeting = (await app.inject({ url: `/api/v1/meetings/${ids.meeting}` })).json();
    assert.equal(meeting.agendaItems[0].decision, "Godkendt");
    for (const url of publicUrls()) {
      const response = await app.inject({ url });
      assert.ok(!response.body.includes(marker), `${url} shows the marker after publication`);
    }
  });
});

test("an outline's item title: 'Lukket punkt' when closed, none while the agenda is a draft", () => {
  const open = { title: "Åbent punkt", isPublic: true };
  const closed = { title: "Salg af grund", isPublic: false };
  const body = "0190c6a0-0000-7000-8000-000000000001";
  const at = (state: MeetingState) => ({ state, organizationId: body });
  assert.equal(itemTitleFor(anonymousReader, open, at("agenda_published")), "Åbent punkt");
  assert.equal(itemTitleFor(anonymousReader, closed, at("minutes_published")), CLOSED_ITEM_TITLE);
  assert.equal(itemTitleFor(anonymousReader, open, at("planned")), null);
  assert.equal(itemTitleFor(anonymousReader, open, at("cancelled")), null);
  assert.equal(itemTitleFor(systemActor, closed, at("planned")), "Salg af grund");
});
