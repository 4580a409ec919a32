import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachStore } from "../../../test/support/databases.ts";
import { buildPortalWorld, type PortalWorld, SECRET } from "../../../test/support/portal-world.ts";
import { asSecretariat, testServer } from "../../../test/support/test-server.ts";
import { createApiToken } from "../../core/accounts/api-tokens.ts";
import { createUser, setRole } from "../../core/accounts/users.ts";
import { systemActor } from "../../core/shared/context.ts";

/** The text of `<main>`: what the page says, without the navigation around it. */
const mainOf = (page: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? "";

forEachStore("the public portal", (store) => {
  let app: FastifyInstance;
  let world: PortalWorld;
  before(async () => {
    world = await buildPortalWorld(store());
    app = await testServer(store());
  });
  after(() => app.close());

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({ url, headers });
    return { status: response.statusCode, body: response.body, headers: response.headers };
  };

  /** Every page a member of the public can reach in this world. */
  const publicPages = () => [
    "/",
    "/organer",
    `/organer/${world.organizations.kdNet}`,
    `/organer/${world.organizations.kkr}`,
    `/moeder/${world.meetings.minutes}`,
    `/moeder/${world.meetings.minutes}/print`,
    `/moeder/${world.meetings.agendaOnly}`,
    `/moeder/${world.meetings.draft}`,
    `/punkter/${world.items.open}`,
    `/punkter/${world.items.closed}`,
    `/sager/${world.cases.theCase}`,
    `/personer/${world.people.bo}`,
    `/personer/${world.people.cai}`,
    "/soeg",
    "/soeg?q=Indt%C3%A6gtsfordelingsmodellen",
  ];

  test("every public page answers in Danish, with one h1, a specific title and the landmarks", async () => {
    const titles = new Set<string>();
    for (const url of publicPages()) {
      const { status, body, headers } = await get(url);
      assert.equal(status, 200, url);
      assert.match(String(headers["content-type"]), /^text\/html; charset=utf-8/);
      assert.match(body, /<html lang="da">/, url);
      assert.equal(body.match(/<h1[ >]/g)?.length, 1, `${url} has one h1`);
      assert.match(body, /<main id="indhold"/, url);
      const title = /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? "";
      titles.add(title);
    }
    assert.equal(titles.size, publicPages().length, "every page has its own title");
  });

  test("no public page shows a closed item's content, case, presenter or file, or a draft agenda", async () => {
    for (const url of publicPages()) {
      const { body } = await get(url);
      assert.doesNotMatch(body, new RegExp(SECRET), url);
      assert.doesNotMatch(body, new RegExp(world.cases.secretCase), url);
      assert.doesNotMatch(body, new RegExp(world.files.closed), url);
      assert.doesNotMatch(body, new RegExp(world.people.secretPresenter), url);
      assert.doesNotMatch(body, new RegExp(world.items.draft), url);
    }
  });

  test("the meeting page: items in order under their group, presenters, Markdown, decisions, files, case", async () => {
    const { body } = await get(`/moeder/${world.meetings.minutes}`);
    const main = mainOf(body);
    assert.match(main, /<h1>Møde i KD-Net<\/h1>/);
    assert.match(main, /fredag den 22\. januar 2021 kl\. 10\.00–13\.00/);
    assert.match(main, /Teams-møde/);
    assert.match(main, /<h3 class="group">Sager til drøftelse<\/h3>/);
    const order = ["punkt-1-titel", "punkt-2-titel", "punkt-3-titel"].map((id) => main.indexOf(`id="${id}"`));
    assert.ok(
      order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0))),
      "items in agenda order",
    );
    assert.match(main, /v\. <a href="\/personer\/[^"]+">Bo Bertelsen<\/a>/);
    assert.match(main, /<strong>drøfter<\/strong>/);
    assert.match(main, /<h5>Beslutning<\/h5><p><strong class="badge outcome">Godkendt<\/strong>/);
    assert.match(main, /KD-Net godkendte processen\./);
    assert.match(main, new RegExp(`href="/api/v1/files/${world.files.open}/content"`));
    assert.match(
      main,
      new RegExp(`href="/sager/${world.cases.theCase}">SAG-2021-0001 Indtægtsfordelingsmodellen`),
    );
    assert.match(main, new RegExp(`href="/moeder/${world.meetings.minutes}/dagsorden.pdf"`));
    assert.match(main, new RegExp(`href="/moeder/${world.meetings.minutes}/referat.pdf"`));
    assert.match(main, /<h2 id="dagsorden">Referat<\/h2>/);
    assert.match(
      body,
      new RegExp(
        `<link rel="alternate" type="text/calendar" href="/organer/${world.organizations.kdNet}/kalender.ics"`,
      ),
    );
    assert.match(main, /Dagsorden, udgave 1, offentliggjort/);
    assert.match(main, /Referat, udgave 1, offentliggjort/);
  });

  test("a closed item shows its number and 'Lukket punkt', nothing else", async () => {
    const main = mainOf((await get(`/moeder/${world.meetings.minutes}`)).body);
    const closed = /<article class="item closed" id="punkt-2"[\s\S]*?<\/article>/.exec(main)?.[0] ?? "";
    assert.match(closed, /<span class="item-number">2\.<\/span> Lukket punkt<\/h4>/);
    assert.doesNotMatch(closed, /<p|<a |Beslutning|Bilag/);
    const itemPage = mainOf((await get(`/punkter/${world.items.closed}`)).body);
    assert.match(itemPage, /<h1>2\. Lukket punkt<\/h1>/);
    assert.match(itemPage, /Punktet er lukket/);
  });

  test("attendance, with substitutes, appears with the published minutes", async () => {
    const main = mainOf((await get(`/moeder/${world.meetings.minutes}`)).body);
    assert.match(main, /<h2 id="fremmoede">Fremmøde<\/h2>/);
    assert.match(
      main,
      /Cai Christensen<\/a><\/th><td>Til stede<\/td><td>Suppleant for <a [^>]+>Bo Bertelsen<\/a>/,
    );
    assert.match(main, /Bo Bertelsen<\/a><\/th><td>Afbud<\/td>/);
  });

  test("decisions stay hidden until the minutes are published", async () => {
    const main = mainOf((await get(`/moeder/${world.meetings.agendaOnly}`)).body);
    assert.match(main, /Indtægtsfordelingsmodellen: forberedelse til KKR/);
    assert.doesNotMatch(main, /Beslutning|Endnu ikke offentlig|Indstillet videre/);
    assert.match(main, /<h2 id="dagsorden">Dagsorden<\/h2>/);
    assert.doesNotMatch(main, /referat\.pdf/);
    const item = mainOf((await get(`/punkter/${world.items.agendaOnly}`)).body);
    assert.match(item, /Beslutningen vises, når referatet er offentliggjort/);
    assert.doesNotMatch(item, /Endnu ikke offentlig/);
  });

  test("a draft agenda shows the meeting, not its items", async () => {
    const main = mainOf((await get(`/moeder/${world.meetings.draft}`)).body);
    assert.match(main, /Dagsordenen er ikke offentliggjort endnu/);
    assert.doesNotMatch(main, /Udkast|<article/);
    assert.match(main, /Sager planlagt til mødet/);
    assert.match(main, new RegExp(`href="/sager/${world.cases.theCase}"`));
    assert.equal((await get(`/punkter/${world.items.draft}`)).status, 404);
  });

  test("the case's path: every treatment in time order, the planned ones to come", async () => {
    const main = mainOf((await get(`/sager/${world.cases.theCase}`)).body);
    const steps = [...main.matchAll(/<h3 id="behandling-\d+">([^:]+): <a [^>]+>([^<]+)<\/a><\/h3>/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    assert.deepEqual(steps, [
      "22. januar 2021 KD-Net",
      "9. april 2021 KD-Net",
      "23. april 2021 KKR",
      "18. juni 2021 Repræsentantskabet",
    ]);
    const [first, second, third, fourth] = main.split('<li class="step').slice(1);
    assert.match(
      first ?? "",
      /Behandlet[\s\S]*punkt 1\. Indtægtsfordelingsmodellen[\s\S]*Godkendt[\s\S]*KD-Net godkendte processen/,
    );
    assert.match(second ?? "", /Behandlet[\s\S]*Beslutningen vises, når referatet er offentliggjort/);
    assert.doesNotMatch(second ?? "", /Indstillet videre/);
    assert.match(third ?? "", /Planlagt[\s\S]*Drøftelse[\s\S]*Mødet i kalenderen/);
    assert.match(third ?? "", new RegExp(`/moeder/${world.meetings.draft}`));
    assert.match(
      fourth ?? "",
      /Planlagt[\s\S]*Beslutning[\s\S]*Midttrafiks Repræsentantskab den 18\. juni 2021/,
    );
    assert.equal((await get(`/sager/${world.cases.secretCase}`)).status, 404);
  });

  test("a body: members now and before, on whose behalf, its calendar and feeds", async () => {
    const { body } = await get(`/organer/${world.organizations.kdNet}`);
    const main = mainOf(body);
    const [now, before] = main.split("<h3>Tidligere medlemmer</h3>");
    assert.match(now ?? "", /Bo Bertelsen<\/a><\/th><td>Medlem<\/td><td><a [^>]+>Syddjurs Kommune<\/a>/);
    assert.match(
      now ?? "",
      /Cai Christensen<\/a><\/th><td>Suppleant, suppleant for <a [^>]+>Bo Bertelsen<\/a>/,
    );
    assert.doesNotMatch(now ?? "", /Dan Dalgaard/);
    assert.match(before ?? "", /Dan Dalgaard[\s\S]*fra 1\. januar 2018 til 31\. december 2020/);
    assert.match(main, new RegExp(`href="/moeder/${world.meetings.minutes}"`));
    assert.match(main, new RegExp(`href="/organer/${world.organizations.kdNet}/feed.atom"`));
    assert.match(body, /<link rel="alternate" type="application\/atom\+xml"/);
    const kkr = mainOf((await get(`/organer/${world.organizations.kkr}`)).body);
    assert.match(kkr.split("<h3>Tidligere møder</h3>")[0] ?? "", /Fremtidigt møde i KKR/);
    const municipality = mainOf((await get(`/organer/${world.organizations.municipality}`)).body);
    const onBehalf = municipality.split("Udpeget på vegne af Syddjurs Kommune")[1] ?? "";
    assert.match(onBehalf, /Anne Andersen<\/a><\/th><td>Formand<\/td>/);
    assert.match(onBehalf, /Bo Bertelsen<\/a><\/th><td>Medlem<\/td>/);
    assert.doesNotMatch(onBehalf, /Dan Dalgaard/);
  });

  test("the directory groups organisations by kind", async () => {
    const main = mainOf((await get("/organer")).body);
    assert.match(
      main,
      /<h2 id="type-administrative_network">Administrative netværk<\/h2>\s*<ul class="directory"><li><a [^>]+>Kommunaldirektørnetværket i Testregionen<\/a> \(KD-Net\)/,
    );
    assert.match(main, /<h2 id="type-municipality">Kommuner<\/h2>[\s\S]*Syddjurs Kommune/);
  });

  test("a person: seats now and before, on whose behalf, for whom", async () => {
    const cai = mainOf((await get(`/personer/${world.people.cai}`)).body);
    assert.match(
      cai.split("Tidligere pladser")[0] ?? "",
      /Suppleant, suppleant for <a [^>]+>Bo Bertelsen<\/a>/,
    );
    const dan = mainOf((await get(`/personer/${world.people.dan}`)).body);
    const [current, past] = dan.split("Tidligere pladser");
    assert.match(current ?? "", /Personen har ingen pladser nu/);
    assert.match(
      past ?? "",
      /Kommunaldirektørnetværket i Testregionen[\s\S]*Medlem[\s\S]*Syddjurs Kommune[\s\S]*til 31\. december 2020/,
    );
  });

  test("the front page: coming meetings and the latest decisions", async () => {
    const main = mainOf((await get("/")).body);
    const coming = main.split('<h2 id="beslutninger">')[0] ?? "";
    assert.match(coming, /Fremtidigt møde i KKR/);
    assert.match(
      main,
      new RegExp(
        `href="/punkter/${world.items.open}">punkt 1\\. Indtægtsfordelingsmodellen</a> <span class="badge outcome">Godkendt`,
      ),
    );
    assert.doesNotMatch(
      main,
      new RegExp(world.items.agendaOnly),
      "no decision before the minutes are published",
    );
    assert.match(main, /<form class="search-form" role="search" method="get" action="\/soeg">/);
  });

  test("the print page: both editions, the members' one only for those who read all of the body", async () => {
    const admin = { db: store().db, actor: systemActor };
    const tokenFor = async (name: string, organizationId: string) => {
      const user = await createUser(admin, {
        email: `${name}@example.dk`,
        name,
        password: "et langt kodeord 123",
      });
      await setRole(admin, user.id, organizationId, "member");
      return { authorization: `Bearer ${(await createApiToken(admin, user.id, "print")).token}` };
    };
    const kdNetMember = await tokenFor("medlem-kdnet", world.organizations.kdNet);
    const kkrMember = await tokenFor("medlem-kkr", world.organizations.kkr);
    const url = `/moeder/${world.meetings.minutes}/print`;
    const publicEdition = await get(url);
    assert.match(publicEdition.body, /<body class="print">/);
    assert.doesNotMatch(publicEdition.body, /class="site-header"/);
    assert.match(publicEdition.body, /Offentlig udgave/);
    assert.match(publicEdition.body, /KD-Net godkendte processen/);
    assert.doesNotMatch(publicEdition.body, new RegExp(SECRET));
    assert.equal((await get(`${url}?udgave=medlemmer`)).status, 401);
    assert.equal((await get(`${url}?udgave=medlemmer`, kkrMember)).status, 403, "a member of another body");
    assert.equal((await get(`${url}?udgave=noget`)).status, 400);
    for (const reader of [kdNetMember, asSecretariat]) {
      const members = await get(`${url}?udgave=medlemmer`, reader);
      assert.equal(members.status, 200);
      assert.match(members.body, /Medlemmernes udgave/);
      assert.match(members.body, new RegExp(`Lukket: ${SECRET}`));
      assert.match(members.body, /<span class="badge closed">Lukket punkt<\/span>/);
      assert.match(members.body, new RegExp(`/api/v1/files/${world.files.closed}/content`));
      assert.equal(members.headers["cache-control"], "private, no-store");
    }
    // A reader of the body gets the public edition when asking for it, like any other page.
    assert.doesNotMatch((await get(url, kdNetMember)).body, new RegExp(SECRET));
    assert.doesNotMatch(
      (await get(`/moeder/${world.meetings.minutes}`, kdNetMember)).body,
      new RegExp(SECRET),
    );
  });

  test("every feed, calendar and PDF a page links to answers", async () => {
    const links = new Set<string>();
    for (const url of publicPages()) {
      for (const [, href] of (await get(url)).body.matchAll(/href="([^"]+\.(?:ics|atom|pdf))"/g))
        links.add(href ?? "");
    }
    assert.ok(links.size >= 6, `found ${[...links].join(", ")}`);
    assert.ok([...links].some((link) => link.endsWith("referat.pdf")));
    for (const href of links) assert.equal((await get(href)).status, 200, href);
  });

  test("unknown and malformed ids answer with a Danish 404 page", async () => {
    for (const path of ["moeder", "punkter", "sager", "personer", "organer"]) {
      for (const id of ["01a20846-0000-7000-8000-000000000000", "ikke-et-id"]) {
        const { status, body } = await get(`/${path}/${id}`);
        assert.equal(status, 404, `${path}/${id}`);
        assert.match(body, /<h1>Siden findes ikke<\/h1>/);
      }
    }
  });

  test("English is available on every page", async () => {
    const { body } = await get(`/moeder/${world.meetings.minutes}?lang=en`);
    assert.match(body, /<html lang="en">/);
    assert.match(body, /<h2 id="dagsorden">Minutes<\/h2>/);
    assert.match(body, /Friday 22 January 2021 at 10:00–13:00/);
    assert.match(body, /Closed item/);
    const casePage = await get(`/sager/${world.cases.theCase}?lang=en`);
    assert.match(casePage.body, /The case&#39;s path/);
  });

  test("the search page: the query in the address, results linking to their items", async () => {
    const { status, body } = await get("/soeg?q=Indt%C3%A6gtsfordelingsmodellen");
    assert.equal(status, 200);
    const main = mainOf(body);
    assert.match(main, /<input type="search" id="q" name="q" value="Indtægtsfordelingsmodellen">/);
    assert.match(body, /<title>Søg: Indtægtsfordelingsmodellen · /);
    assert.match(main, /<p role="status">2 punkter fundet<\/p>/);
    const hits = [...main.matchAll(/<h3><a href="\/punkter\/([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(new Set(hits), new Set([world.items.open, world.items.agendaOnly]));
    assert.match(main, /<mark>Indtægtsfordelingsmodellen<\/mark>/);
    assert.doesNotMatch(main, new RegExp(world.items.draft));
    // The search shows what the public may see, whoever asks.
    assert.doesNotMatch((await get("/soeg?q=Udkast", asSecretariat)).body, new RegExp(world.items.draft));
  });

  test("the search finds no closed item, no draft and no unpublished decision", async () => {
    const main = mainOf((await get(`/soeg?q=${SECRET}`)).body);
    assert.match(main, /Ingen punkter fundet/);
    assert.doesNotMatch(main, /<ol class="hits">/);
    assert.doesNotMatch(main, new RegExp(world.items.closed));
    const decided = mainOf((await get("/soeg?q=godkendte+processen&omfang=referat")).body);
    assert.match(decided, new RegExp(`/punkter/${world.items.open}`));
    const unpublished = mainOf((await get("/soeg?q=offentlig+beslutning&omfang=referat")).body);
    assert.match(unpublished, /Ingen punkter fundet/);
  });

  test("the search's filters narrow it, and what cannot be used is said in Danish", async () => {
    const q = "/soeg?q=Indt%C3%A6gtsfordelingsmodellen";
    const atKkr = mainOf((await get(`${q}&organ=${world.organizations.kkr}`)).body);
    assert.match(atKkr, /Ingen punkter fundet/);
    assert.match(atKkr, new RegExp(`<option value="${world.organizations.kkr}" selected>`));
    const april = mainOf((await get(`${q}&fra=2021-04-01&til=2021-04-30`)).body);
    assert.match(april, /1 punkt fundet/);
    assert.match(april, new RegExp(`/punkter/${world.items.agendaOnly}`));
    const approved = mainOf((await get(`${q}&udfald=godkendt`)).body);
    assert.match(approved, new RegExp(`/punkter/${world.items.open}`));
    assert.doesNotMatch(approved, new RegExp(`/punkter/${world.items.agendaOnly}`));
    for (const [query, message] of [
      ["q=x&fra=2021-13-01", "Skriv datoen som åååå-mm-dd."],
      ["q=x&fra=2021-05-01&til=2021-04-01", "Til-datoen ligger før fra-datoen."],
      ["q=x&omfang=alt", "Vælg en af mulighederne."],
      ["q=-x", "Skriv mindst ét ord at søge efter"],
      ["q=x&side=ikke-en-side", "Den side af resultaterne kan ikke vises"],
    ] as const) {
      const { status, body } = await get(`/soeg?${query}`);
      assert.equal(status, 400, query);
      assert.match(body, /<div class="error-summary" role="alert">/, query);
      assert.match(body, new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), query);
    }
    assert.match(
      (await get("/soeg?q=x&fra=2021-13-01")).body,
      /id="fra" name="fra" value="2021-13-01" aria-invalid="true"/,
    );
  });

  test("a cached page follows a change to what it shows", async () => {
    const url = `/moeder/${world.meetings.agendaOnly}`;
    assert.match((await get(url)).body, /forberedelse til KKR/);
    assert.match((await get(url)).body, /forberedelse til KKR/);
    const patched = await app.inject({
      method: "PATCH",
      url: `/api/v1/agenda-items/${world.items.agendaOnly}`,
      payload: { title: "Nyt navn på punktet", isPublic: true, changeNote: "Punktet har fået nyt navn" },
      headers: asSecretariat,
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const after = (await get(url)).body;
    assert.match(after, /Nyt navn på punktet/);
    assert.doesNotMatch(after, /forberedelse til KKR/);
    // Closing the item takes it off every cached page at once.
    await app.inject({
      method: "PATCH",
      url: `/api/v1/agenda-items/${world.items.agendaOnly}`,
      payload: { isPublic: false, changeNote: "Punktet er lukket" },
      headers: asSecretariat,
    });
    assert.doesNotMatch((await get(url)).body, /Nyt navn på punktet/);
    assert.doesNotMatch((await get(`/punkter/${world.items.agendaOnly}`)).body, /Nyt navn på punktet/);
  });
});
