import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { forEachStore } from "../../test/support/databases.ts";
import { secretariat } from "../../test/support/factories.ts";
import { asSecretariat, testServer } from "../../test/support/test-server.ts";
import { createApiToken } from "../core/accounts/api-tokens.ts";
import { MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL } from "../core/accounts/login.ts";
import { createUser, setRole } from "../core/accounts/users.ts";

const password = "rigtig lang adgangskode 2021";

/** The cookies a response sets, by name. */
function cookiesOf(response: LightMyRequestResponse) {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c]));
}

/** A browser: keeps its cookies, and reads the CSRF field of the last form it was shown. */
class Browser {
  readonly cookies = new Map<string, string>();
  csrf = "";
  private readonly app: FastifyInstance;
  readonly remoteAddress: string;
  constructor(app: FastifyInstance, remoteAddress = "127.0.0.1") {
    this.app = app;
    this.remoteAddress = remoteAddress;
  }

  async request(options: {
    method?: "GET" | "POST" | "PATCH";
    url: string;
    form?: Record<string, string>;
    json?: object;
    headers?: Record<string, string>;
  }) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let payload: string | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(options.form).toString();
    } else if (options.json) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(options.json);
    }
    const response = await this.app.inject({
      method: options.method ?? (payload === undefined ? "GET" : "POST"),
      url: options.url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(payload === undefined ? {} : { payload }),
    });
    for (const c of response.cookies) {
      const expired = c.expires instanceof Date && c.expires.getTime() < Date.now();
      if (c.value === "" || expired || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const field = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (field) this.csrf = field;
    return response;
  }

  /** Opens the login page, then posts the form with its CSRF field. */
  async logIn(email: string, secret = password, extra: Record<string, string> = {}) {
    await this.request({ url: "/log-ind" });
    return this.request({ url: "/log-ind", form: { _csrf: this.csrf, email, password: secret, ...extra } });
  }
}

forEachStore("accounts over HTTP", (store) => {
  let app: FastifyInstance;
  const ids: Record<string, string> = {};
  const emails = {
    admin: "admin@kl.dk",
    clerkA: "sekretaer.a@kl.dk",
    clerkB: "sekretaer.b@kl.dk",
    memberA: "medlem.a@kommune.dk",
    memberB: "medlem.b@kommune.dk",
  };
  const tokens: Record<string, string> = {};

  before(async () => {
    app = await testServer(store());
    const admin = secretariat(store().db);
    const post = async (url: string, payload: object) => {
      const response = await app.inject({ method: "POST", url, payload, headers: asSecretariat });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id as string;
    };
    ids.a = await post("/api/v1/organizations", { name: "KKR Midtjylland", kind: "political_body" });
    ids.b = await post("/api/v1/organizations", { name: "KD-Net", kind: "administrative_network" });
    ids.meeting = await post("/api/v1/meetings", {
      organizationId: ids.a,
      title: "Møde i KKR",
      start: "2021-04-23T10:00:00+02:00",
      agendaItems: [
        { number: "1", title: "Åbent punkt" },
        { number: "2", title: "Lukket: personalesag", isPublic: false },
      ],
    });
    ids.draft = await post("/api/v1/meetings", {
      organizationId: ids.a,
      title: "Næste møde i KKR",
      start: "2021-06-18T10:00:00+02:00",
      agendaItems: [{ number: "1", title: "Udkast til punkt" }],
    });
    const published = await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${ids.meeting}`,
      payload: { state: "agenda_published" },
      headers: asSecretariat,
    });
    assert.equal(published.statusCode, 200);
    const roles = {
      admin: null,
      clerkA: [ids.a, "secretariat"],
      clerkB: [ids.b, "secretariat"],
      memberA: [ids.a, "member"],
      memberB: [ids.b, "member"],
    } as const;
    for (const [key, email] of Object.entries(emails)) {
      const user = await createUser(admin, { email, name: key, password, administrator: key === "admin" });
      ids[key] = user.id;
      const role = roles[key as keyof typeof roles];
      if (role) await setRole(admin, user.id, role[0] as string, role[1]);
      tokens[key] = (await createApiToken(admin, user.id, `Integration for ${key}`)).token;
    }
  });
  after(() => app.close());

  const bearer = (key: string) => ({ authorization: `Bearer ${tokens[key]}` });

  test("the login page is Danish, has labelled fields and a CSRF field", async () => {
    const browser = new Browser(app);
    const page = await browser.request({ url: "/log-ind" });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Log ind<\/h1>/);
    assert.match(page.body, /<label for="email">E-mail<\/label>/);
    assert.match(page.body, /<label for="password">Adgangskode<\/label>/);
    assert.match(page.body, /autocomplete="current-password"/);
    assert.ok(browser.csrf.length > 20);
    const csrfCookie = cookiesOf(page).samraad_csrf;
    assert.equal(csrfCookie?.httpOnly, true);
    const english = await browser.request({ url: "/log-ind?lang=en" });
    assert.match(english.body, /<label for="password">Password<\/label>/);
  });

  test("a login sets an HttpOnly, SameSite=Lax session cookie and goes to the workspace", async () => {
    const browser = new Browser(app);
    const response = await browser.logIn(emails.clerkA.toUpperCase());
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, "/sekretariat");
    const session = cookiesOf(response).samraad_session;
    assert.ok(session);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, "Lax");
    assert.equal(session.path, "/");
    assert.equal(session.secure, undefined, "no Secure on plain http in tests");
    const me = (await browser.request({ url: "/api/v1/me" })).json();
    assert.equal(me.user.email, emails.clerkA);
    assert.deepEqual(me.roles, [{ organizationId: ids.a, role: "secretariat" }]);
    assert.equal(typeof me.csrfToken, "string");
    // A member has no workspace: it goes to the front page, or to a local `next`.
    assert.equal((await new Browser(app).logIn(emails.memberA)).headers.location, "/");
    const next = await new Browser(app).logIn(emails.memberA, password, { next: `/moeder/${ids.meeting}` });
    assert.equal(next.headers.location, `/moeder/${ids.meeting}`);
    const elsewhere = await new Browser(app).logIn(emails.memberA, password, { next: "//evil.example/" });
    assert.equal(elsewhere.headers.location, "/");
  });

  test("with SAMRAAD_SECURE_COOKIES the cookies are Secure", async () => {
    const secure = await testServer(store(), 1024, { secureCookies: true });
    try {
      const browser = new Browser(secure);
      const page = await browser.request({ url: "/log-ind" });
      assert.equal(cookiesOf(page).samraad_csrf?.secure, true);
      const response = await browser.logIn(emails.memberB);
      assert.equal(cookiesOf(response).samraad_session?.secure, true);
    } finally {
      await secure.close();
    }
  });

  test("a failed login says, in Danish, only that e-mail or password is wrong", async () => {
    const wrongPassword = await new Browser(app, "10.9.0.1").logIn(emails.memberA, "forkert adgangskode!");
    const unknownUser = await new Browser(app, "10.9.0.1").logIn("ukendt@kommune.dk", password);
    for (const response of [wrongPassword, unknownUser]) {
      assert.equal(response.statusCode, 401);
      assert.match(
        response.body,
        /<p id="login-error" class="error" role="alert">Forkert e-mail eller adgangskode\.<\/p>/,
      );
      assert.match(response.body, /aria-describedby="login-error"/);
      assert.equal(cookiesOf(response).samraad_session, undefined);
    }
    const alike = (body: string) => body.replace(/value="[^"]*"/g, "");
    assert.equal(alike(wrongPassword.body), alike(unknownUser.body));
  });

  test("login is throttled: the 6th attempt on an e-mail is refused with 429, right password or not", async () => {
    const email = "throttle.mail@kommune.dk";
    await createUser(secretariat(store().db), { email, name: "Throttle", password });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const failed = await new Browser(app, `10.10.0.${i}`).logIn(email, "forkert adgangskode");
      assert.equal(failed.statusCode, 401);
    }
    const refused = await new Browser(app, "10.10.1.1").logIn(email, password);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /For mange forsøg på at logge ind\. Vent 15 minutter, og prøv igen\./);
    assert.ok(Number(refused.headers["retry-after"]) > 14 * 60);
    assert.equal(cookiesOf(refused).samraad_session, undefined);
  });

  test("login is throttled per client address: after 20 failures, even a right login from it is refused", async () => {
    const client = "10.20.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) {
      const failed = await new Browser(app, client).logIn(`gaet${i}@kommune.dk`, "forkert adgangskode");
      assert.equal(failed.statusCode, 401);
    }
    assert.equal((await new Browser(app, client).logIn(emails.memberB)).statusCode, 429);
    assert.equal((await new Browser(app, "10.20.0.2").logIn(emails.memberB)).statusCode, 303);
  });

  test("logout ends the session: the old cookie is worth nothing", async () => {
    const browser = new Browser(app);
    await browser.logIn(emails.memberA);
    const cookie = `samraad_session=${browser.cookies.get("samraad_session")}`;
    assert.equal((await app.inject({ url: "/api/v1/me", headers: { cookie } })).json().authenticated, true);
    const page = await browser.request({ url: "/log-ind" });
    assert.match(page.body, /action="\/log-ud"/);
    const refused = await browser.request({ url: "/log-ud", form: {} });
    assert.equal(refused.statusCode, 403, "logout is a form like any other: it needs the token");
    const out = await browser.request({ url: "/log-ud", form: { _csrf: browser.csrf } });
    assert.equal(out.statusCode, 303);
    assert.equal(browser.cookies.has("samraad_session"), false);
    assert.equal((await app.inject({ url: "/api/v1/me", headers: { cookie } })).json().authenticated, false);
  });

  test("a login replaces the browser's earlier session (no fixation)", async () => {
    const browser = new Browser(app);
    await browser.logIn(emails.memberA);
    const first = browser.cookies.get("samraad_session");
    await browser.logIn(emails.memberB);
    assert.notEqual(browser.cookies.get("samraad_session"), first);
    const old = await app.inject({ url: "/api/v1/me", headers: { cookie: `samraad_session=${first}` } });
    assert.equal(old.json().authenticated, false);
  });

  test("CSRF: a form without its token, or with a wrong one, is refused with 403 and a Danish page", async () => {
    const browser = new Browser(app);
    await browser.request({ url: "/log-ind" });
    for (const form of [
      { email: emails.memberA, password } as Record<string, string>,
      { email: emails.memberA, password, _csrf: `${browser.csrf.slice(0, -2)}xx` },
    ]) {
      const refused = await browser.request({ url: "/log-ind", form });
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /<html lang="da">/);
      assert.match(refused.body, /Formularen kunne ikke godkendes/);
      assert.equal(cookiesOf(refused).samraad_session, undefined);
    }
    // Another browser's token is not this one's.
    const other = new Browser(app);
    await other.request({ url: "/log-ind" });
    const foreign = await browser.request({
      url: "/log-ind",
      form: { email: emails.memberA, password, _csrf: other.csrf },
    });
    assert.equal(foreign.statusCode, 403);
    const accepted = await browser.request({
      url: "/log-ind",
      form: { email: emails.memberA, password, _csrf: browser.csrf },
    });
    assert.equal(accepted.statusCode, 303);
  });

  test("CSRF: a JSON write with the session cookie needs X-CSRF-Token; a bearer token needs none", async () => {
    const browser = new Browser(app);
    await browser.logIn(emails.clerkA);
    const person = { name: "Rasmus Møller" };
    const without = await browser.request({ url: "/api/v1/people", json: person });
    assert.equal(without.statusCode, 403);
    assert.equal(without.json().code, "auth.csrf");
    const { csrfToken } = (await browser.request({ url: "/api/v1/me" })).json();
    const withToken = await browser.request({
      url: "/api/v1/people",
      json: person,
      headers: { "x-csrf-token": csrfToken },
    });
    assert.equal(withToken.statusCode, 201);
    assert.equal(withToken.json().createdBy, ids.clerkA);
    const byToken = await app.inject({
      method: "POST",
      url: "/api/v1/people",
      payload: person,
      headers: bearer("clerkA"),
    });
    assert.equal(byToken.statusCode, 201);
  });

  test("writes without a session or token are 401; with a role that does not allow them 403", async () => {
    const anonymous = await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${ids.draft}`,
      payload: { state: "agenda_published" },
    });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, "auth.required");
    // A member cannot publish, by its API token or by its session.
    const byToken = await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${ids.draft}`,
      payload: { state: "agenda_published" },
      headers: bearer("memberA"),
    });
    assert.equal(byToken.statusCode, 403);
    assert.equal(byToken.json().code, "auth.forbidden");
    const browser = new Browser(app);
    await browser.logIn(emails.memberA);
    const { csrfToken } = (await browser.request({ url: "/api/v1/me" })).json();
    const bySession = await browser.request({
      method: "PATCH",
      url: `/api/v1/meetings/${ids.draft}`,
      json: { state: "agenda_published" },
      headers: { "x-csrf-token": csrfToken },
    });
    assert.equal(bySession.statusCode, 403);
    // The secretariat of another body may not either.
    const otherBody = await app.inject({
      method: "PATCH",
      url: `/api/v1/meetings/${ids.draft}`,
      payload: { title: "Overtaget" },
      headers: bearer("clerkB"),
    });
    assert.equal(otherBody.statusCode, 403);
    const meeting = (
      await app.inject({ url: `/api/v1/meetings/${ids.draft}`, headers: asSecretariat })
    ).json();
    assert.equal(meeting.state, "planned");
    assert.equal(meeting.title, "Næste møde i KKR");
  });

  test("a reader of another body sees the public view of A; a member of A sees its closed item and draft", async () => {
    for (const headers of [{}, bearer("memberB"), bearer("clerkB")]) {
      const meeting = (await app.inject({ url: `/api/v1/meetings/${ids.meeting}`, headers })).json();
      assert.deepEqual(
        meeting.agendaItems.map((i: { title: string }) => i.title),
        ["Åbent punkt", "Lukket punkt"],
      );
      const draft = (await app.inject({ url: `/api/v1/meetings/${ids.draft}`, headers })).json();
      assert.deepEqual(draft.agendaItems, []);
    }
    const browser = new Browser(app);
    await browser.logIn(emails.memberA);
    for (const read of [
      (url: string) => browser.request({ url }),
      (url: string) => app.inject({ url, headers: bearer("memberA") }),
    ]) {
      const meeting = (await read(`/api/v1/meetings/${ids.meeting}`)).json();
      assert.equal(meeting.agendaItems[1].title, "Lukket: personalesag");
      const draft = (await read(`/api/v1/meetings/${ids.draft}`)).json();
      assert.equal(draft.agendaItems[0].title, "Udkast til punkt");
    }
  });

  test("the bootstrap token is the administrator; an API token carries its user's roles", async () => {
    const bootstrap = (await app.inject({ url: "/api/v1/me", headers: asSecretariat })).json();
    assert.equal(bootstrap.administrator, true);
    assert.equal(bootstrap.csrfToken, null);
    const member = (await app.inject({ url: "/api/v1/me", headers: bearer("memberB") })).json();
    assert.equal(member.administrator, false);
    assert.deepEqual(member.roles, [{ organizationId: ids.b, role: "member" }]);
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      payload: { organizationId: ids.b, title: "KD-Net", start: "2021-01-22T10:00:00+01:00" },
      headers: bearer("clerkB"),
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().createdBy, ids.clerkB);
    const unknown = await app.inject({ url: "/api/v1/me", headers: { authorization: "Bearer smr_nope" } });
    assert.equal(unknown.statusCode, 401);
  });

  test("users page: 401 for the public, 403 for a member, and the administrator adds a user who can log in", async () => {
    const anonymous = await app.inject({ url: "/sekretariat/brugere" });
    assert.equal(anonymous.statusCode, 401);
    assert.match(anonymous.body, /href="\/log-ind\?next=%2Fsekretariat%2Fbrugere"/);
    const member = new Browser(app);
    await member.logIn(emails.memberA);
    assert.equal((await member.request({ url: "/sekretariat/brugere" })).statusCode, 403);

    const admin = new Browser(app);
    await admin.logIn(emails.admin);
    const list = await admin.request({ url: "/sekretariat/brugere" });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1>Brugere<\/h1>/);
    assert.match(list.body, /medlem\.a@kommune\.dk/);
    assert.ok(!list.body.includes("argon2"));

    const withoutCsrf = await admin.request({
      url: "/sekretariat/brugere",
      form: { name: "Ny Bruger", email: "ny@kommune.dk" },
    });
    assert.equal(withoutCsrf.statusCode, 403);
    const added = await admin.request({
      url: "/sekretariat/brugere",
      form: { _csrf: admin.csrf, name: "Ny Bruger", email: "ny@kommune.dk", password: "" },
    });
    assert.equal(added.statusCode, 201);
    const generated = /Adgangskoden er: <code>([^<]+)<\/code>/.exec(added.body)?.[1];
    assert.ok(generated, "a generated password is shown once");
    const userId = /action="\/sekretariat\/brugere\/([0-9a-f-]{36})\/rolle"/.exec(added.body)?.[1];
    const role = await admin.request({
      url: `/sekretariat/brugere/${userId}/rolle`,
      form: { _csrf: admin.csrf, organizationId: ids.b as string, role: "secretariat" },
    });
    assert.equal(role.statusCode, 303);
    const shown = await admin.request({ url: `/sekretariat/brugere/${userId}` });
    assert.match(shown.body, /<th scope="row">KD-Net<\/th><td>Sekretariat<\/td>/);
    assert.ok(!shown.body.includes(generated), "the password is not shown again");

    const duplicate = await admin.request({
      url: "/sekretariat/brugere",
      form: { _csrf: admin.csrf, name: "Igen", email: "NY@kommune.dk", password: "" },
    });
    assert.equal(duplicate.statusCode, 409);
    assert.match(duplicate.body, /role="alert"[\s\S]*En anden bruger har allerede denne e-mailadresse\./);
    const short = await admin.request({
      url: `/sekretariat/brugere/${userId}/adgangskode`,
      form: { _csrf: admin.csrf, password: "kort" },
    });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Adgangskoden skal være mellem 12 og 256 tegn lang\./);

    const newcomer = new Browser(app, "10.30.0.1");
    const login = await newcomer.logIn("ny@kommune.dk", generated);
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, "/sekretariat");
  });
});
