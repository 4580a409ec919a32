import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachStore } from "../../../test/support/databases.ts";
import { makeOrganization, secretariat, withRoles } from "../../../test/support/factories.ts";
import { anonymousReader } from "../shared/context.ts";
import { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } from "./api-tokens.ts";
import { MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL, verifyLogin } from "./login.ts";
import { generatePassword, PASSWORD_MIN_LENGTH } from "./passwords.ts";
import { createSession, resolveSession, revokeSession } from "./sessions.ts";
import { createUser, getUserByEmail, listUsers, resetPassword, setRole, updateUser } from "./users.ts";

const password = "korrekt hest batteri hæfteklamme";
let counter = 0;
const uniqueEmail = (name: string) => `${name}.${++counter}@kommune.dk`;

forEachStore("accounts", (store) => {
  const admin = () => secretariat(store().db);

  test("a user's password is stored as an argon2id hash, apart from the user, and never shown", async () => {
    const email = uniqueEmail("Mette.Hansen");
    const user = await createUser(admin(), { email, name: "Mette Hansen", password });
    assert.equal(user.email, email);
    assert.equal(user.hasPassword, true);
    assert.ok(!JSON.stringify(user).includes("argon2"));
    const [row] = await store().db.query<{ hash: string }>(
      "SELECT hash FROM user_passwords WHERE user_id = $1",
      [user.id],
    );
    assert.match(row?.hash ?? "", /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test("e-mail addresses are unique whatever their case", async () => {
    const email = uniqueEmail("lars");
    await createUser(admin(), { email, name: "Lars" });
    await assert.rejects(createUser(admin(), { email: email.toUpperCase(), name: "Lars 2" }), {
      code: "record.conflict",
      details: { field: "email" },
    });
    assert.equal((await getUserByEmail(admin(), `  ${email.toUpperCase()} `)).name, "Lars");
  });

  test("the password rule names the length in both languages", async () => {
    const error = await createUser(admin(), {
      email: uniqueEmail("kort"),
      name: "Kort",
      password: "x".repeat(PASSWORD_MIN_LENGTH - 1),
    }).catch((e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.match(error.message, /password: The password must be from 12 to 256 characters long/);
    assert.deepEqual((error as unknown as { details: { field: string } }).details.field, "password");
    assert.equal(generatePassword().length, 20);
  });

  test("only an administrator manages users", async () => {
    const org = await makeOrganization(store().db);
    const clerk = withRoles(store().db, { [org.id]: "secretariat" });
    await assert.rejects(createUser(clerk, { email: uniqueEmail("x"), name: "X" }), {
      code: "auth.forbidden",
    });
    await assert.rejects(listUsers({ db: store().db, actor: anonymousReader }), { code: "auth.required" });
  });

  test("login: the right password succeeds; a wrong one, an unknown or disabled user all fail alike", async () => {
    const email = uniqueEmail("login");
    const user = await createUser(admin(), { email, name: "Login", password });
    const client = `10.0.0.${++counter}`;
    assert.deepEqual(await verifyLogin(store().db, { email: email.toUpperCase(), password, client }), {
      outcome: "success",
      userId: user.id,
    });
    for (const attempt of [
      { email, password: `${password}!` },
      { email: uniqueEmail("nobody"), password },
    ]) {
      assert.deepEqual(await verifyLogin(store().db, { ...attempt, client }), { outcome: "failure" });
    }
    await updateUser(admin(), user.id, { disabled: true });
    assert.deepEqual(await verifyLogin(store().db, { email, password, client }), { outcome: "failure" });
    const withoutPassword = uniqueEmail("nopassword");
    await createUser(admin(), { email: withoutPassword, name: "Uden" });
    assert.deepEqual(await verifyLogin(store().db, { email: withoutPassword, password, client }), {
      outcome: "failure",
    });
  });

  test("login is throttled per e-mail: after 5 failures even the right password is refused", async () => {
    const email = uniqueEmail("throttled");
    await createUser(admin(), { email, name: "Throttled", password });
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      const client = `10.1.${counter}.${i}`;
      assert.equal(
        (await verifyLogin(store().db, { email, password: "forkert", client })).outcome,
        "failure",
      );
    }
    const refused = await verifyLogin(store().db, { email, password, client: "10.2.0.1" });
    assert.equal(refused.outcome, "throttled");
    assert.ok(refused.outcome === "throttled" && refused.retryAfterSeconds > 14 * 60);
    // Once the window has passed, the right password works again (and clears the count).
    await store().db.query("UPDATE login_failures SET failed_at = failed_at - interval '16 minutes'");
    assert.equal((await verifyLogin(store().db, { email, password, client: "10.2.0.1" })).outcome, "success");
  });

  test("login is throttled per client address across e-mail addresses", async () => {
    const email = uniqueEmail("victim");
    await createUser(admin(), { email, name: "Victim", password });
    const client = "192.0.2.77";
    for (let i = 0; i < MAX_FAILURES_PER_CLIENT; i++) {
      const outcome = (await verifyLogin(store().db, { email: uniqueEmail("guess"), password, client }))
        .outcome;
      assert.equal(outcome, "failure");
    }
    assert.equal((await verifyLogin(store().db, { email, password, client })).outcome, "throttled");
    assert.equal(
      (await verifyLogin(store().db, { email, password, client: "192.0.2.78" })).outcome,
      "success",
    );
  });

  test("sessions resolve to the user's actor with its roles, and end on logout, reset or disabling", async () => {
    const org = await makeOrganization(store().db);
    const user = await createUser(admin(), { email: uniqueEmail("session"), name: "Session", password });
    await setRole(admin(), user.id, org.id, "member");
    const { token, session } = await createSession(store().db, user.id);
    const [stored] = await store().db.query<{ token_sha256: string }>(
      "SELECT token_sha256 FROM sessions WHERE user_id = $1",
      [user.id],
    );
    assert.notEqual(stored?.token_sha256, token, "the token itself is not stored");
    const resolved = await resolveSession(store().db, token);
    assert.equal(resolved?.actor.id, user.id);
    assert.deepEqual(resolved?.actor.roles, { [org.id]: "member" });
    assert.equal(resolved?.actor.administrator, false);
    assert.equal(resolved?.session.csrfToken, session.csrfToken);
    await revokeSession(store().db, token);
    assert.equal(await resolveSession(store().db, token), null);

    const second = await createSession(store().db, user.id);
    await resetPassword(admin(), user.id, "en helt ny adgangskode");
    assert.equal(await resolveSession(store().db, second.token), null, "a new password ends sessions");
    const third = await createSession(store().db, user.id);
    await updateUser(admin(), user.id, { disabled: true });
    assert.equal(await resolveSession(store().db, third.token), null, "disabling ends sessions");

    const expired = await createSession(store().db, user.id);
    await updateUser(admin(), user.id, { disabled: false });
    await store().db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [user.id],
    );
    assert.equal(await resolveSession(store().db, expired.token), null, "an expired session is gone");
  });

  test("roles are set, changed and removed per body", async () => {
    const [a, b] = [await makeOrganization(store().db), await makeOrganization(store().db)];
    const user = await createUser(admin(), { email: uniqueEmail("roles"), name: "Roller" });
    await setRole(admin(), user.id, a.id, "member");
    await setRole(admin(), user.id, b.id, "secretariat");
    await setRole(admin(), user.id, a.id, "secretariat");
    let roles = (await getUserByEmail(admin(), user.email)).roles;
    assert.deepEqual(roles.map((r) => r.role).sort(), ["secretariat", "secretariat"]);
    await setRole(admin(), user.id, b.id, null);
    roles = (await getUserByEmail(admin(), user.email)).roles;
    assert.deepEqual(
      roles.map((r) => [r.organizationId, r.role]),
      [[a.id, "secretariat"]],
    );
  });

  test("the last active administrator cannot be demoted or disabled", async () => {
    const users = await listUsers(admin());
    for (const other of users.filter((u) => u.administrator)) {
      await updateUser(admin(), other.id, { administrator: false });
    }
    const only = await createUser(admin(), {
      email: uniqueEmail("admin"),
      name: "Admin",
      administrator: true,
    });
    await assert.rejects(updateUser(admin(), only.id, { administrator: false }), { code: "record.conflict" });
    await assert.rejects(updateUser(admin(), only.id, { disabled: true }), { code: "record.conflict" });
    const second = await createUser(admin(), {
      email: uniqueEmail("admin"),
      name: "Admin 2",
      administrator: true,
    });
    await updateUser(admin(), only.id, { administrator: false });
    assert.equal((await listUsers(admin())).filter((u) => u.administrator).length, 1);
    assert.ok(second.administrator);
  });

  test("an API token acts as its user, with its roles, until revoked; it is stored only as a hash", async () => {
    const org = await makeOrganization(store().db);
    const user = await createUser(admin(), { email: uniqueEmail("integration"), name: "Integration" });
    await setRole(admin(), user.id, org.id, "secretariat");
    const { apiToken, token } = await createApiToken(admin(), user.id, "Intranettet");
    assert.match(token, /^smr_[A-Za-z0-9_-]{43}$/);
    const [row] = await store().db.query<{ token_sha256: string }>(
      "SELECT token_sha256 FROM api_tokens WHERE id = $1",
      [apiToken.id],
    );
    assert.ok(row && !row.token_sha256.includes(token.slice(4)));
    const actor = await resolveApiToken(store().db, token);
    assert.equal(actor?.id, user.id);
    assert.deepEqual(actor?.roles, { [org.id]: "secretariat" });
    assert.notEqual((await listApiTokens(admin(), user.id))[0]?.lastUsedAt, null);
    assert.equal(await resolveApiToken(store().db, `${token}x`), null);
    await revokeApiToken(admin(), apiToken.id);
    assert.equal(await resolveApiToken(store().db, token), null);
  });
});
