import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createUser, setRole } from "../../src/core/accounts/users.ts";
import { saveAgendaSettings } from "../../src/core/agenda/agenda-settings.ts";
import { createMembership } from "../../src/core/memberships/memberships.ts";
import { createOrganization } from "../../src/core/organizations/organizations.ts";
import { createPerson } from "../../src/core/people/people.ts";
import { systemActor } from "../../src/core/shared/context.ts";
import { axeViolations, byId, byLabel, byText, launchChromium, tabTo } from "../support/browser.ts";
import { openTestStore, type TestStore } from "../support/databases.ts";
import { assertTocMatchesHeadings, everythingReadable, tableOfContents } from "../support/document-checks.ts";
import { outlineTitles, readPdf } from "../support/pdf-reader.ts";
import { testServer } from "../support/test-server.ts";

/**
 * The secretariat's whole loop in a real browser against the real server: log in, create a meeting,
 * build an agenda of six items by keyboard alone (one closed, one with an attachment), publish it,
 * read both PDF editions, record decisions, approve, correct, and see the new version and its
 * difference. axe checks every page on the way.
 */

const email = "sekretariat@kkr-midt.dk";
const password = "dagsorden uden word og pdf";
const CLOSED_SECRET = "Fortroligt: lønforhandling med direktøren";

let store: TestStore & { close(): Promise<void> };
let app: FastifyInstance;
let browser: Browser;
let base = "";

const pagesChecked: string[] = [];

/** axe on the page as it is now: no serious or critical violation. */
async function checkAxe(page: Page): Promise<void> {
  assert.deepEqual(await axeViolations(page, { seriousOnly: true }), [], `axe on ${page.url()}`);
  pagesChecked.push(new URL(page.url()).pathname);
}

/** Enter on the focused control, then wait for the page it leads to. */
async function pressEnterAndWait(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

async function agendaLines(page: Page): Promise<string[]> {
  return page
    .locator(".agenda-item__head")
    .evaluateAll((heads) => heads.map((h) => (h.textContent ?? "").replace(/\s+/g, " ").trim()));
}

/** Adds an item with the builder's form, by keyboard only. */
async function addItemByKeyboard(page: Page, title: string, closed: boolean): Promise<void> {
  await tabTo(page, byId("felt-title"), "the new item's title");
  await page.keyboard.type(title);
  if (closed) {
    // Into the radio group; the arrow key moves the choice to "Lukket punkt".
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowRight");
  }
  await tabTo(page, byText("Tilføj punkt"), "the add button");
  await pressEnterAndWait(page);
}

describe("the secretariat's flow in a browser", () => {
  let context: BrowserContext;
  let page: Page;
  let meetingUrl = "";

  before(async () => {
    store = await openTestStore("pglite");
    const admin = { db: store.db, actor: systemActor };
    const body = await createOrganization(admin, {
      name: "Kommunekontaktråd Midtjylland",
      shortName: "KKR",
      kind: "political_body",
    });
    await saveAgendaSettings(admin, body.id, {
      numbering: "flat",
      standardItems: [
        { kind: "approve_agenda", title: "Godkendelse af dagsorden", placement: "start" },
        { kind: "any_other_business", title: "Eventuelt", placement: "end" },
      ],
    });
    const chair = await createPerson(admin, { name: "Anders Kühnau" });
    const member = await createPerson(admin, { name: "Birgitte Vind" });
    const substitute = await createPerson(admin, { name: "Søren Kongsgaard" });
    for (const [person, role] of [
      [chair, "chair"],
      [member, "member"],
    ] as const) {
      await createMembership(admin, {
        personId: person.id,
        organizationId: body.id,
        role,
        startDate: "2022-01-01",
      });
    }
    await createMembership(admin, {
      personId: substitute.id,
      organizationId: body.id,
      role: "substitute",
      principalPersonId: member.id,
      startDate: "2022-01-01",
    });
    const user = await createUser(admin, { email, name: "Signe Sekretær", password });
    await setRole(admin, user.id, body.id, "secretariat");
    app = await testServer(store, 2 * 1024 * 1024);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  test("log in as the secretariat and create a meeting", async () => {
    await page.goto(`${base}/log-ind?next=/sekretariat`);
    await checkAxe(page);
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(password);
    await Promise.all([page.waitForURL(`${base}/sekretariat`), page.keyboard.press("Enter")]);
    assert.equal(await page.locator("h1").textContent(), "Sekretariatet");
    await checkAxe(page);

    await page.getByRole("link", { name: "Kommunekontaktråd Midtjylland" }).click();
    await checkAxe(page);
    await page.locator("#felt-date").fill("2031-04-23");
    await page.locator("#felt-startTime").fill("10:00");
    await page.locator("#felt-location").fill("Regionshuset Viborg");
    await Promise.all([
      page.waitForURL(/\/sekretariat\/moeder\/[0-9a-f-]{36}$/),
      page.getByRole("button", { name: "Opret møde" }).click(),
    ]);
    meetingUrl = page.url();
    assert.match(
      (await page.locator(".lead").textContent()) ?? "",
      /onsdag den 23\. april 2031 kl\. 10\.00, Regionshuset Viborg/,
    );
    assert.deepEqual(await agendaLines(page), [
      "1 Godkendelse af dagsorden Standardpunkt",
      "2 Eventuelt Standardpunkt",
    ]);
    await checkAxe(page);
  });

  test("build an agenda of six items with the keyboard alone: one closed, one with an attachment", async () => {
    await addItemByKeyboard(page, "Erhvervsfremme og turisme", false);
    await addItemByKeyboard(page, "Den regionale udviklingsstrategi", false);
    await addItemByKeyboard(page, "Ansættelse af direktør", true);
    await addItemByKeyboard(page, "Klimaplaner i kommunerne", false);
    assert.deepEqual(await agendaLines(page), [
      "1 Godkendelse af dagsorden Standardpunkt",
      "2 Erhvervsfremme og turisme",
      "3 Den regionale udviklingsstrategi",
      "4 Ansættelse af direktør Lukket punkt",
      "5 Klimaplaner i kommunerne",
      "6 Eventuelt Standardpunkt",
    ]);
    await checkAxe(page);

    // Reorder: the climate plans move up one place, renumbered at once.
    await tabTo(page, byLabel("Flyt op: punkt 5: Klimaplaner i kommunerne"), "Flyt op for item 5");
    await pressEnterAndWait(page);
    assert.deepEqual((await agendaLines(page)).slice(3, 5), [
      "4 Klimaplaner i kommunerne",
      "5 Ansættelse af direktør Lukket punkt",
    ]);

    // Write the closed item's case presentation.
    await tabTo(page, byLabel("Redigér punkt 5: Ansættelse af direktør"), "edit item 5");
    await pressEnterAndWait(page);
    await checkAxe(page);
    await tabTo(page, byId("felt-casePresentation"), "Sagsfremstilling");
    await page.keyboard.type(CLOSED_SECRET);
    await tabTo(page, byText("Gem punktet"), "the save button");
    await pressEnterAndWait(page);

    // The strategy item: sections with Markdown, previewed, and an attachment.
    // Back to the top of the agenda by its address, then on with the keyboard.
    await page.goto(meetingUrl);
    await tabTo(page, byLabel("Redigér punkt 3: Den regionale udviklingsstrategi"), "edit item 3");
    await pressEnterAndWait(page);
    await tabTo(page, byId("felt-recommendation"), "Indstilling");
    await page.keyboard.type("Det indstilles, at KKR **godkender** strategien.");
    await tabTo(page, byText("Forhåndsvis"), "the preview button");
    await pressEnterAndWait(page);
    assert.equal(await page.locator(".preview strong").first().textContent(), "godkender");
    await checkAxe(page);
    await tabTo(page, byText("Gem punktet"), "the save button");
    await pressEnterAndWait(page);

    await page.goto(meetingUrl);
    await tabTo(page, byLabel("Redigér punkt 3: Den regionale udviklingsstrategi"), "edit item 3 again");
    await pressEnterAndWait(page);
    // A file chooser is the browser's own dialog: the file is given to the input, the rest is keys.
    await page.locator("#felt-file").setInputFiles({
      name: "Bilag 1 - Udviklingsstrategi.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Den regionale udviklingsstrategi 2031-2034.\nHøringssvar fra kommunerne.\n"),
    });
    await tabTo(page, byText("Vedhæft"), "the attach button");
    await pressEnterAndWait(page);
    assert.equal(
      await page.locator(".attachments a").first().textContent(),
      "Bilag 1 - Udviklingsstrategi.txt",
    );
    await checkAxe(page);
  });

  test("publish, and read both PDF editions", async () => {
    await page.goto(meetingUrl);
    await tabTo(page, byText("Offentliggør dagsordenen"), "the publish button");
    await pressEnterAndWait(page);
    assert.equal(await page.locator('[aria-current="step"]').textContent(), "Dagsorden offentliggjort");
    await checkAxe(page);

    const meetingId = meetingUrl.split("/").at(-1);
    const fetchPdf = async (edition: string) => {
      const response = await context.request.get(
        `${base}/moeder/${meetingId}/dagsorden.pdf?udgave=${edition}`,
      );
      assert.equal(response.status(), 200, `${edition} edition`);
      assert.equal(response.headers()["content-type"], "application/pdf");
      return readPdf(new Uint8Array(await response.body()));
    };
    const members = await fetchPdf("medlemmer");
    const open = await fetchPdf("offentlig");
    for (const [name, pdf] of [
      ["members'", members],
      ["public", open],
    ] as const) {
      assert.ok(pdf.catalog.structTreeRoot && pdf.marked, `the ${name} edition is tagged`);
      assert.match(pdf.catalog.lang ?? "", /^da/, `the ${name} edition is in Danish`);
      const toc = tableOfContents(pdf);
      assertTocMatchesHeadings(pdf, toc);
      assert.equal(
        toc.lines.filter((line) => line.number !== null).length,
        6,
        `the ${name} contents list six items`,
      );
      const bookmarks = outlineTitles(pdf.outline);
      for (const number of ["1", "2", "3", "4", "5", "6"]) {
        assert.ok(
          bookmarks.some((title) => title.startsWith(`${number}. `) || title.startsWith(`${number} `)),
          `the ${name} edition has a bookmark for item ${number}: ${bookmarks.join(" | ")}`,
        );
      }
    }
    assert.match(everythingReadable(members, outlineTitles(members.outline)), new RegExp(CLOSED_SECRET));
    assert.match(everythingReadable(members, outlineTitles(members.outline)), /Ansættelse af direktør/);
    const publicText = everythingReadable(open, outlineTitles(open.outline));
    assert.doesNotMatch(publicText, /lønforhandling|Ansættelse af direktør/);
    assert.match(publicText, /Lukket punkt/);
    assert.match(publicText, /Den regionale udviklingsstrategi/);
  });

  test("record decisions, approve, correct, and see the new version with its difference", async () => {
    await page.goto(meetingUrl);
    await tabTo(page, byText("Markér mødet som afholdt"), "mark held");
    await pressEnterAndWait(page);
    await page.getByRole("link", { name: "Skriv referatet" }).click();
    await checkAxe(page);

    // Birgitte Vind sent apologies; her substitute attended.
    await page.getByRole("group", { name: "Birgitte Vind (medlem)" }).getByLabel("Afbud").check();
    await page.getByLabel("Stedfortræder, der deltog").selectOption({ label: "Søren Kongsgaard" });
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Gem fremmødet" }).click(),
    ]);

    await page.getByLabel("Beslutning, 3").fill("KKR godkendte strategien.");
    await page.getByLabel("Udfald, 3").selectOption({ label: "Godkendt" });
    await page.getByLabel("Beslutning, 4").fill("KKR drøftede klimaplanerne.");
    await page.getByLabel("Udfald, 4").selectOption({ label: "Drøftet" });
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Gem beslutningerne" }).click(),
    ]);

    await page.getByLabel("Punkt", { exact: true }).selectOption({ label: "4 Klimaplaner i kommunerne" });
    await page.getByLabel("Person", { exact: true }).selectOption({ label: "Anders Kühnau" });
    await page.getByLabel("Bemærkning (valgfri)").fill("Formand for klimarådet");
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Registrér inhabilitet" }).click(),
    ]);
    await checkAxe(page);

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole("button", { name: "Godkend referatet" }).click(),
    ]);
    await page.getByRole("link", { name: "Referat", exact: true }).click();
    const approved = await page.locator("main").textContent();
    assert.match(approved ?? "", /Referatet er godkendt og ligger fast\./);
    assert.match(approved ?? "", /Søren Kongsgaard: Til stede \(stedfortræder for Birgitte Vind\)/);
    assert.match(approved ?? "", /Inhabil: Anders Kühnau \(Formand for klimarådet\)/);
    await checkAxe(page);

    await page.getByRole("link", { name: "Ret referatet" }).click();
    await checkAxe(page);
    await page.getByLabel("Beslutning, 3").fill("KKR godkendte strategien med de nævnte ændringer.");
    await page.getByLabel("Udfald, 3").selectOption({ label: "Godkendt med ændringer" });
    await page.getByRole("button", { name: "Gem rettelsen som ny udgave" }).click();
    assert.match(
      (await page.locator(".error-summary").textContent()) ?? "",
      /Skriv begrundelsen for rettelsen/,
    );
    await page.getByLabel(/Begrundelse for rettelsen/).fill("Ændringerne var ikke gengivet");
    await Promise.all([
      page.waitForURL(/\/udgaver#referat-2$/),
      page.getByRole("button", { name: "Gem rettelsen som ny udgave" }).click(),
    ]);
    const version = page.locator("#referat-2");
    assert.match((await version.locator("h3").textContent()) ?? "", /Udgave 2, rettet/);
    assert.match((await version.textContent()) ?? "", /Begrundelse: Ændringerne var ikke gengivet/);
    assert.equal(await version.locator("ins").first().textContent(), "[indsat: med de nævnte ændringer]");
    assert.match((await version.locator("del").allTextContents()).join(" "), /\[slettet: Godkendt\]/);
    await checkAxe(page);

    // The minutes PDF prints the corrected decision and the declared conflict of interest.
    const meetingId = meetingUrl.split("/").at(-1);
    const response = await context.request.get(`${base}/moeder/${meetingId}/referat.pdf?udgave=medlemmer`);
    assert.equal(response.status(), 200);
    const minutes = await readPdf(new Uint8Array(await response.body()));
    const text = minutes.pages.flat().join(" ").replace(/\s+/g, " ");
    assert.match(text, /Inhabilitet: Anders Kühnau \(Formand for klimarådet\)/);
    assert.match(text, /KKR godkendte strategien med de nævnte ændringer\./);
    assert.ok(pagesChecked.length >= 12, `axe ran on ${pagesChecked.length} pages`);
  });
});
