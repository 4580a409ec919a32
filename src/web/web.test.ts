import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { openTestStore } from "../../test/support/databases.ts";
import { testServer } from "../../test/support/test-server.ts";
import { formatDateTime, formatShortDate } from "./format.ts";
import { html, raw } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";

describe("pages are built safely", () => {
  test("interpolated text is escaped, markup built by html is not", () => {
    const title = `<script>alert("x")</script> & 'co'`;
    const page = html`<h1>${title}</h1>${html`<p>${"æøå"}</p>`}${raw("<hr>")}`;
    assert.equal(
      page.value,
      "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h1><p>æøå</p><hr>",
    );
  });

  test("lists render each element, empty values render nothing", () => {
    assert.equal(
      html`<ul>${["a<", "b"].map((x) => html`<li>${x}</li>`)}</ul>${null}${undefined}${false}`.value,
      "<ul><li>a&lt;</li><li>b</li></ul>",
    );
  });

  test("a Markdown section cannot inject script", () => {
    const rendered = renderMarkdown(
      "**Fed** <script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))",
    ).value;
    assert.match(rendered, /<strong>Fed<\/strong>/);
    assert.doesNotMatch(rendered, /<script|<img|href="javascript:/i);
    assert.match(rendered, /&lt;script&gt;/);
  });
});

describe("dates are written the Danish way, in Copenhagen time", () => {
  test("summer time", () => {
    assert.equal(formatDateTime("2021-05-06T08:00:00Z", "da"), "torsdag den 6. maj 2021 kl. 10.00");
    assert.equal(formatDateTime("2021-05-06T08:00:00Z", "en"), "Thursday 6 May 2021 at 10:00");
  });
  test("winter time, all-day and calendar dates", () => {
    assert.equal(formatDateTime("2021-01-22T09:00:00Z", "da"), "fredag den 22. januar 2021 kl. 10.00");
    assert.equal(formatDateTime("2021-01-22T09:00:00Z", "da", true), "fredag den 22. januar 2021");
    assert.equal(formatShortDate("2021-12-31", "da"), "31. december 2021");
  });
});

describe("the web door", () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let app: FastifyInstance;
  before(async () => {
    store = await openTestStore("pglite");
    app = await testServer(store);
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  test("an unknown page answers 404 with a Danish page that has a skip link and landmarks", async () => {
    const response = await app.inject({ url: "/findes-ikke" });
    assert.equal(response.statusCode, 404);
    assert.match(response.headers["content-type"] ?? "", /^text\/html; charset=utf-8/);
    assert.match(response.body, /<html lang="da">/);
    assert.match(response.body, /<h1>Siden findes ikke<\/h1>/);
    assert.match(response.body, /href="#indhold"/);
    assert.match(response.body, /<main id="indhold"/);
  });

  test("?lang=en switches to English and is remembered in a cookie", async () => {
    const response = await app.inject({ url: "/findes-ikke?lang=en" });
    assert.match(response.body, /<html lang="en">/);
    assert.match(response.body, /Page not found/);
    assert.match(String(response.headers["set-cookie"]), /samraad_lang=en/);
    const again = await app.inject({ url: "/findes-ikke", headers: { cookie: "samraad_lang=en" } });
    assert.match(again.body, /<html lang="en">/);
  });

  test("the machine doors keep answering problem details", async () => {
    const response = await app.inject({ url: "/api/v1/findes-ikke" });
    assert.equal(response.statusCode, 404);
    assert.match(response.headers["content-type"] ?? "", /application\/problem\+json/);
  });

  test("the style sheet is served", async () => {
    const response = await app.inject({ url: "/assets/samraad.css" });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers["content-type"] ?? "", /text\/css/);
  });
});
