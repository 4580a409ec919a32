import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { axeViolations, byId, launchChromium, tabTo } from "../../../test/support/browser.ts";
import { openTestStore } from "../../../test/support/databases.ts";
import { secretariat } from "../../../test/support/factories.ts";
import { testServer } from "../../../test/support/test-server.ts";
import { createUser } from "../../core/accounts/users.ts";

const password = "tastatur og skærmlæser";

describe("login in a browser, by keyboard only, and through axe", () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  before(async () => {
    store = await openTestStore("pglite");
    await createUser(secretariat(store.db), {
      email: "admin@kl.dk",
      name: "Anne Admin",
      password,
      administrator: true,
    });
    app = await testServer(store);
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  test("a wrong password is announced; the right one logs in; the users page passes axe", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/log-ind`);
    assert.deepEqual(await axeViolations(page), []);

    await tabTo(page, byId("email"), "the e-mail field");
    await page.keyboard.type("admin@kl.dk");
    await tabTo(page, byId("password"), "the password field");
    await page.keyboard.type("forkert adgangskode");
    await page.keyboard.press("Enter");
    await page.waitForLoadState();
    assert.equal(await page.getByRole("alert").textContent(), "Forkert e-mail eller adgangskode.");
    assert.equal(await page.locator("#email").inputValue(), "admin@kl.dk");
    assert.deepEqual(await axeViolations(page), []);

    await tabTo(page, byId("password"), "the password field");
    await page.keyboard.type(password);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${base}/sekretariat`);
    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.name === "samraad_session" && c.httpOnly && c.sameSite === "Lax"));

    await page.goto(`${base}/sekretariat/brugere`);
    assert.equal(await page.locator("h1").textContent(), "Brugere");
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole("link", { name: "Anne Admin" }).click();
    assert.equal(await page.locator("h1").textContent(), "Anne Admin");
    assert.deepEqual(await axeViolations(page), []);

    // The log-out button in the header is a form like the others.
    await page.getByRole("button", { name: /Log ud/ }).click();
    await page.waitForURL(`${base}/`);
    assert.ok(!(await context.cookies()).some((c) => c.name === "samraad_session"));
    await context.close();
  });
});
