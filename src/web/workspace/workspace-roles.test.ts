import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeOrganization, secretariat } from "../../../test/support/factories.ts";
import { testServer } from "../../../test/support/test-server.ts";
import { createUser, setRole } from "../../core/accounts/users.ts";
import { planMeeting } from "../../core/meetings/meeting-life.ts";

const password = "en lang adgangskode til testen";

/** A browser of one user: keeps cookies, reads the CSRF field of the last page. */
class Browser {
  private readonly cookies = new Map<string, string>();
  csrf = "";
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async request(url: string, options: { form?: Record<string, string>; body?: Buffer; type?: string } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let payload: string | Buffer | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(options.form).toString();
    } else if (options.body) {
      headers["content-type"] = options.type ?? "application/octet-stream";
      payload = options.body;
    }
    const response = await this.app.inject({
      method: payload === undefined ? "GET" : "POST",
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    for (const c of response.cookies) {
      if (c.value === "" || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (csrf) this.csrf = csrf;
    return response;
  }

  async logIn(email: string) {
    await this.request("/log-ind");
    const response = await this.request("/log-ind", { form: { _csrf: this.csrf, email, password } });
    assert.equal(response.statusCode, 303, `${email} logs in`);
  }
}

forEachStore("the workspace by role", (store) => {
  let app: FastifyInstance;
  const ids: Record<string, string> = {};
  before(async () => {
    const { db } = store();
    const admin = secretariat(db);
    const bodyA = await makeOrganization(db, "Styregruppe A");
    const bodyB = await makeOrganization(db, "Styregruppe B");
    ids.a = bodyA.id;
    ids.b = bodyB.id;
    ids.meetingA = await planMeeting(admin, {
      organizationId: bodyA.id,
      title: "Møde A",
      start: "2030-03-01T10:00:00+01:00",
    });
    ids.meetingB = await planMeeting(admin, {
      organizationId: bodyB.id,
      title: "Møde B",
      start: "2030-03-02T10:00:00+01:00",
    });
    const clerk = await createUser(admin, { email: "sekretaer@kl.dk", name: "Sara Sekretær", password });
    await setRole(admin, clerk.id, bodyA.id, "secretariat");
    const member = await createUser(admin, { email: "medlem@kommune.dk", name: "Mads Medlem", password });
    await setRole(admin, member.id, bodyA.id, "member");
    app = await testServer(store());
  });
  after(async () => {
    await app.close();
  });

  test("a secretariat works on its own body only", async () => {
    const clerk = new Browser(app);
    await clerk.logIn("sekretaer@kl.dk");
    const overview = await clerk.request("/sekretariat");
    assert.equal(overview.statusCode, 200);
    assert.match(overview.body, /Styregruppe A/);
    assert.doesNotMatch(overview.body, /Styregruppe B/);
    assert.match(overview.body, /Log ud \(Sara Sekretær\)/);
    assert.equal((await clerk.request(`/sekretariat/moeder/${ids.meetingA}`)).statusCode, 200);
    assert.equal((await clerk.request(`/sekretariat/moeder/${ids.meetingB}`)).statusCode, 403);
    assert.equal((await clerk.request(`/sekretariat/organer/${ids.b}`)).statusCode, 403);
  });

  test("a form needs the session's CSRF token; with it, it does its work", async () => {
    const clerk = new Browser(app);
    await clerk.logIn("sekretaer@kl.dk");
    const page = await clerk.request(`/sekretariat/moeder/${ids.meetingA}`);
    const submission = /name="_submission" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const forged = await clerk.request(`/sekretariat/moeder/${ids.meetingA}/punkter`, {
      form: { _submission: submission, title: "Uden token", isPublic: "1" },
    });
    assert.equal(forged.statusCode, 403);
    const added = await clerk.request(`/sekretariat/moeder/${ids.meetingA}/punkter`, {
      form: { _csrf: clerk.csrf, _submission: submission, title: "Budget", isPublic: "1" },
    });
    assert.equal(added.statusCode, 303);
    const other = await clerk.request(`/sekretariat/moeder/${ids.meetingB}/punkter`, {
      form: { _csrf: clerk.csrf, _submission: `${submission}x`, title: "Ikke min", isPublic: "1" },
    });
    assert.equal(other.statusCode, 403);

    // A multipart upload carries the token in its action's query string.
    const agenda = (await clerk.request(`/sekretariat/moeder/${ids.meetingA}`)).body;
    const itemId = /href="\/sekretariat\/punkter\/([0-9a-f-]{36})">Budget<\/a>/.exec(agenda)?.[1] ?? "";
    const itemPage = (await clerk.request(`/sekretariat/punkter/${itemId}`)).body;
    const action = /action="([^"]+\/bilag\?_csrf=[^"]+)"/.exec(itemPage)?.[1]?.replaceAll("&amp;", "&");
    assert.ok(action, "the upload form's action carries the CSRF token");
    const boundary = "----graense";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_submission"\r\n\r\n${"u".repeat(24)}\r\n`,
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notat.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from("Et notat om budgettet.\n"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await clerk.request(action, { body, type: `multipart/form-data; boundary=${boundary}` });
    assert.equal(uploaded.statusCode, 303);
    assert.match((await clerk.request(`/sekretariat/punkter/${itemId}`)).body, />notat\.txt<\/a>/);
  });

  test("a member reads, but the workspace is not theirs; the public is asked to log in", async () => {
    const member = new Browser(app);
    await member.logIn("medlem@kommune.dk");
    assert.equal((await member.request("/sekretariat")).statusCode, 403);
    assert.equal((await member.request(`/sekretariat/moeder/${ids.meetingA}`)).statusCode, 403);
    const anonymous = new Browser(app);
    assert.equal((await anonymous.request(`/sekretariat/moeder/${ids.meetingA}`)).statusCode, 401);
  });
});
