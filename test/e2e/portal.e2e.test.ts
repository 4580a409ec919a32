/**
 * The public portal in a real browser (Debian's Chromium through playwright-core), on the real
 * server with the demo world: a reader clicks from the front page to a body, a meeting, an item,
 * its case's path and a person, and from a search to a result, its item and its case's path; and
 * axe-core finds no serious or critical WCAG 2.1 AA violation on any page.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { loadDemo } from "../../src/cli/commands/demo-command.ts";
import { axeViolations, launchChromium, WCAG_21_AA } from "../support/browser.ts";
import { openTestStore, type TestStore } from "../support/databases.ts";
import { testServer } from "../support/test-server.ts";

describe("the portal in a browser", { timeout: 300_000 }, () => {
  let store: TestStore & { close(): Promise<void> };
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  before(async () => {
    store = await openTestStore("pglite");
    await loadDemo(
      { db: store.db, files: store.files, config: {} as never, close: async () => {} },
      () => {},
    );
    app = await testServer(store);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  /** The page reached is the one expected, it has one h1, and axe finds nothing serious on it. */
  async function check(expectedH1: RegExp) {
    const h1 = await page.locator("h1").allTextContents();
    assert.equal(h1.length, 1, `${page.url()} has one h1`);
    assert.match(h1[0] ?? "", expectedH1);
    // The violations a reader would meet: the serious and critical ones, against WCAG 2.1 A and AA.
    const violations = await axeViolations(page, { tags: WCAG_21_AA, seriousOnly: true });
    assert.deepEqual(violations, [], `axe on ${page.url()}`);
  }

  test("front page -> bodies -> KD-Net -> the meeting -> item 6 -> its case's path -> a presenter", async () => {
    await page.goto(`${base}/`);
    await check(/Møder i offentlige samarbejder/);

    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Organer" }).click();
    await check(/^Organer$/);

    await page.getByRole("link", { name: "Kommunaldirektørnetværket i den midtjyske region" }).click();
    await check(/Kommunaldirektørnetværket i den midtjyske region/);
    assert.ok(await page.getByRole("table", { name: /Medlemmer pr\./ }).isVisible());

    await page
      .getByRole("link", { name: "Referat af møde i kommunaldirektørnetværket i den midtjyske region" })
      .click();
    await check(/Referat af møde i kommunaldirektørnetværket/);
    assert.match(
      (await page.locator("#punkt-6-titel").textContent()) ?? "",
      /Midttrafiks indtægtsfordelingsmodel/,
    );

    await page.getByRole("link", { name: "Punkt 6 på egen side" }).click();
    await check(/^6\. Midttrafiks indtægtsfordelingsmodel$/);

    await page.getByRole("link", { name: /Se alle behandlinger af sagen/ }).click();
    await check(/^Midttrafiks indtægtsfordelingsmodel$/);
    const steps = await page.locator(".case-path h3").allInnerTexts();
    assert.deepEqual(steps, [
      "22. januar 2021: KD-Net",
      "9. april 2021: KD-Net",
      "23. april 2021: KKR",
      "18. juni 2021: Repræsentantskabet",
    ]);

    await page.goBack();
    await page.getByRole("link", { name: "Rasmus Møller" }).first().click();
    await check(/^Rasmus Møller$/);
    assert.ok(await page.getByRole("table", { name: "Pladser, personen har haft" }).isVisible());
  });

  test("search -> result -> item -> case path, each page passing axe", async () => {
    await page.goto(`${base}/`);
    await page.getByLabel("Søg i dagsordener og referater").fill("indtægtsfordelingsmodel");
    await page.getByRole("button", { name: "Søg" }).click();
    await check(/^Søg$/);
    assert.match(page.url(), /\/soeg\?q=indt%C3%A6gtsfordelingsmodel$/);
    assert.equal(await page.getByRole("status").textContent(), "1 punkt fundet");

    await page.getByRole("link", { name: "Punkt 6. Midttrafiks indtægtsfordelingsmodel" }).click();
    await check(/^6\. Midttrafiks indtægtsfordelingsmodel$/);

    await page.getByRole("link", { name: /Se alle behandlinger af sagen/ }).click();
    await check(/^Midttrafiks indtægtsfordelingsmodel$/);
    assert.equal(await page.locator(".case-path .step").count(), 4);
    assert.equal(await page.locator(".case-path .step.planned").count(), 3);

    // Narrowed to a time after it was treated, the search says it found nothing; a bad date is named.
    await page.goto(`${base}/soeg?q=indt%C3%A6gtsfordelingsmodel&fra=2022-01-01`);
    await check(/^Søg$/);
    assert.match((await page.getByRole("status").textContent()) ?? "", /Ingen punkter fundet/);
    await page.goto(`${base}/soeg?q=indt%C3%A6gtsfordelingsmodel&fra=ikke-en-dato`);
    await check(/^Søg$/);
    assert.ok(await page.getByRole("alert").isVisible());
  });

  test("the print edition, the English pages and a 404 page pass axe too", async () => {
    await page.goto(`${base}/organer`);
    await page.getByRole("link", { name: "Kommunaldirektørnetværket i den midtjyske region" }).click();
    await page
      .getByRole("link", { name: "Referat af møde i kommunaldirektørnetværket i den midtjyske region" })
      .click();
    await page.getByRole("link", { name: "Udskriftsvenlig udgave" }).click();
    await check(/Referat af møde i kommunaldirektørnetværket/);
    assert.equal(await page.locator(".site-header").count(), 0);

    await page.goto(`${base}/organer?lang=en`);
    await check(/^Bodies$/);
    await page.goto(`${base}/sager/01a20846-0000-7000-8000-000000000000`);
    await check(/Page not found/);
  });
});
